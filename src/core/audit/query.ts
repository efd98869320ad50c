import { auditCallTitle, auditRecordLabel } from '../../contract/auditNames';
import type { CoreApp } from '../app';

type Filter = { page: number; pageSize: number; userId?: number; call?: string; from?: string; to?: string; q?: string };

/** One page of the audit log, newest first, with the filters the audit page offers. */
export function listAudit(app: CoreApp, f: Filter) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.userId) {
    where.push('user_id = @userId');
    params.userId = f.userId;
  }
  if (f.call) {
    where.push('call = @call');
    params.call = f.call;
  }
  // Dates are China legal dates; the log stores UTC instants.
  if (f.from) {
    where.push('at >= @from');
    params.from = new Date(`${f.from}T00:00:00+08:00`).toISOString();
  }
  if (f.to) {
    where.push('at < @to');
    params.to = new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  }
  if (f.q) {
    where.push("(summary LIKE @q ESCAPE '\\' OR user_name LIKE @q ESCAPE '\\' OR record_id = @qExact)");
    params.q = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    params.qExact = f.q;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.sqlite.prepare(`SELECT count(*) AS n FROM audit_log ${w}`).get(params) as { n: number }).n;
  const rows = app.sqlite
    .prepare(
      `SELECT id, at, user_id AS userId, user_name AS userName, call, record_type AS recordType, record_id AS recordId, summary
       FROM audit_log ${w} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as Array<{ call: string; recordType: string | null }>;
  const used = app.sqlite.prepare('SELECT DISTINCT call FROM audit_log ORDER BY call').all() as { call: string }[];
  return {
    rows: rows.map((r) => ({ ...r, title: auditCallTitle(r.call), record: auditRecordLabel(r.recordType) })) as never,
    total,
    calls: used.map((u) => ({ call: u.call, title: auditCallTitle(u.call) })),
  };
}
