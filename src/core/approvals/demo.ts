import type { DemoStep } from '../demo/demo';
import { getSettings, updateSettings } from '../settings/settings';
import { decideRequest } from './decide';
import { createRequest, submitRequest } from './requests';

/**
 * Demo approvals (runs after the ledger step): one request waiting for the chief and one the chief
 * has approved, on open cases of this court that have no transfer yet. Skips quietly when the
 * ledger demo left no such case. Documents are not rendered here (the step runs inside one
 * synchronous transaction); the request page generates them with 重新生成.
 */
export const approvalsDemo: DemoStep = (app, { users }) => {
  const handler = users.zhangcb;
  const chief = users.wangjz;
  if (!handler || !chief) return;
  const own = getSettings(app).courtCode;
  // The letters print the bureau's telephone after the handler's name (fictional number for the demo).
  if (!getSettings(app).letterContactPhone) updateSettings(app, { letterContactPhone: '0717-6512345' });
  const cases = app.sqlite
    .prepare(
      `SELECT c.id FROM cases c WHERE c.court_code = ? AND c.closed_on IS NULL AND c.closure_type IS NULL
         AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = c.id)
       ORDER BY (c.handler_id = ?) DESC, c.filed_on ASC LIMIT 2`,
    )
    .all(own, handler.id) as { id: number }[];
  const court = app.sqlite.prepare(`SELECT code FROM courts WHERE level = '基层' AND code <> ? ORDER BY code LIMIT 1`).get(own) as { code: string } | undefined;
  if (!court) return;
  const draft = (caseId: number, grounds: string) => ({
    mode: '指令' as const,
    caseIds: [caseId],
    reasons: ['超六个月未执行'],
    receivingCourtCode: court.code,
    summaryProcess: '立案后已发出执行通知书、报告财产令，网络查控发现被执行人名下异地不动产一处，本院处置困难。',
    summaryProperty: '异地不动产一处（已查封），银行存款少量。',
    summaryGrounds: grounds,
  });
  const [pending, decided] = cases;
  if (decided) {
    const id = createRequest(app, handler, draft(decided.id, '案件超过六个月未执行完毕，财产在异地，报请中院指令异地法院执行。'));
    submitRequest(app, handler, id);
    decideRequest(app, chief, id, '同意', '同意报请，请承办人三日内整理卷宗材料。');
  }
  if (pending) {
    const id = createRequest(app, handler, draft(pending.id, '申请执行人申请交叉执行，财产在异地，本院执行力量不足。'));
    submitRequest(app, handler, id);
  }
};
