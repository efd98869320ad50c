import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { clockStatusNow } from '../ledger/deadlines/clockStatus';
import { getSettings } from '../settings/settings';
import { partiesOf } from './ledgerBridge';
import { openRequestForCase } from './store';

/**
 * Cases a handler can put in a request (own cases first), with the ledger's hint when a case is
 * a discovery candidate, and the court list for the receiving-court picker.
 */
export function candidates(app: CoreApp, user: UserPublic, q?: string) {
  const like = q ? `%${q.replace(/[%_]/g, (m) => '\\' + m)}%` : null;
  const rows = app.sqlite
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.cause, c.closed_on AS closedOn, c.closure_type AS closureType, c.handler_id AS handlerId,
              u.display_name AS handlerName
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
    handlerName: string | null;
  }[];
  const cases = rows.map((c) => {
    const closed = !!(c.closedOn || c.closureType);
    // The ledger's own six-month clock (whose clock, deductions, holiday roll): one engine for every screen.
    const clock = closed ? null : clockStatusNow(app, c.id);
    return {
      caseId: c.id,
      caseNo: c.caseNo,
      cause: c.cause,
      debtors: partiesOf(app, c.id).debtors,
      handlerName: c.handlerName,
      closed,
      suggestion: clock?.runs && clock.past ? `超六个月未执行（自${clock.startKind} ${clock.startOn} 起，${clock.endOn} 届满${clock.deductedDays ? `，已扣除 ${clock.deductedDays} 日` : ''}）` : null,
      clock,
      openRequestId: openRequestForCase(app, c.id),
    };
  });
  const courts = app.sqlite.prepare('SELECT code, name, level FROM courts WHERE active = 1 ORDER BY code').all() as { code: string; name: string; level: string }[];
  return { cases, courts, ownCourtCode: getSettings(app).courtCode };
}
