import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { getSettings } from '../settings/settings';
import { partiesOf } from './ledgerBridge';
import { openRequestForCase } from './store';
import { chinaDate } from './time';

/**
 * Cases a handler can put in a request (own cases first), with the ledger's hint when a case is
 * a discovery candidate, and the court list for the receiving-court picker.
 */
export function candidates(app: CoreApp, user: UserPublic, q?: string) {
  const like = q ? `%${q.replace(/[%_]/g, (m) => '\\' + m)}%` : null;
  const rows = app.sqlite
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.cause, c.closed_on AS closedOn, c.closure_type AS closureType, c.handler_id AS handlerId,
              c.application_received_on AS receivedOn, c.property_found_on AS foundOn, u.display_name AS handlerName
       FROM cases c LEFT JOIN users u ON u.id = c.handler_id
       WHERE (? IS NULL OR c.case_no LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.name LIKE ? ESCAPE '\\'))
       ORDER BY (c.handler_id = ?) DESC, (c.closed_on IS NULL AND c.closure_type IS NULL) DESC, c.filed_on ASC, c.id ASC LIMIT 100`,
    )
    .all(like, like, like, user.id) as {
    id: number;
    caseNo: string;
    cause: string | null;
    closedOn: string | null;
    closureType: string | null;
    handlerId: number | null;
    receivedOn: string | null;
    foundOn: string | null;
    handlerName: string | null;
  }[];
  const today = chinaDate(app.now());
  const cases = rows.map((c) => ({
    caseId: c.id,
    caseNo: c.caseNo,
    cause: c.cause,
    debtors: partiesOf(app, c.id).debtors,
    handlerName: c.handlerName,
    closed: !!(c.closedOn || c.closureType),
    suggestion: c.closedOn || c.closureType ? null : sixMonthHint(c.foundOn ?? c.receivedOn, today),
    openRequestId: openRequestForCase(app, c.id),
  }));
  const courts = app.sqlite.prepare('SELECT code, name, level FROM courts WHERE active = 1 ORDER BY code').all() as { code: string; name: string; level: string }[];
  return { cases, courts, ownCourtCode: getSettings(app).courtCode };
}

/**
 * 民诉法 第二百三十七条 / 执行程序解释 第十条: more than six months since the application was received
 * (or the property found). "超过" excludes the end day (民法典 第一千二百五十九条). Deductible periods
 * (解释 第十三条) are not subtracted here, so the hint says to check the ledger's clock.
 */
function sixMonthHint(start: string | null, today: string): string | null {
  if (!start) return null;
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + 6, 1));
  const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(d, last));
  const endOn = end.toISOString().slice(0, 10);
  return today > endOn ? `超六个月未执行（自 ${start} 起算，未扣除法定期间，请以台账为准）` : null;
}
