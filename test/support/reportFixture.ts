import type { UserPublic } from '../../src/contract/calls/common';
import type { TransferState } from '../../src/contract/vocabulary';
import type { CoreApp } from '../../src/core/app';
import { addProgress, voidProgress } from '../../src/core/ledger/edit/records';
import { appendTransferEvent, transitionTransfer } from '../../src/core/ledger/transferState';

/**
 * A small ledger whose weekly figures were worked out by hand (see reports.figures.test.ts).
 * Week 2025-W10 = 2025-03-03 … 2025-03-09 (cutoff 2025-03-09T16:00Z); W11 = 03-10 … 03-16.
 *
 * A  指令 移入, decided 02-20, 已立案 02-24, 办理中 02-25; money 02-26 ¥100,000 (substantive),
 *    03-04 ¥50,000 (substantive, 扣划存款), 03-05 ¥10,000 (voided on 03-12, i.e. after the W10 cutoff),
 *    03-12 ¥20,000.
 * B  督促 院内, draft 03-03, approved, 已决定 03-05 with deadline 03-07, 办理中 03-06; application
 *    received 2024-08-01, 公告 deduction 2024-10-01…10-10; 一案双查 raised 03-06; mode edited to
 *    指令 on 03-11 (after the cutoff: the transfer that changes mode).
 * C  提级 移出, decided 01-15, 已移送 01-20; ¥2,000,000 resolved 02-10 (paid out 02-12), an entry of
 *    99 fen dated 01-10 (before the decision: not counted); 已化解 02-10, 已结案 03-07 (执行完毕).
 * D  a draft that never became a decision (not a cross-execution case).
 * E  院内交叉 院内, decided 03-08; an entry dated 03-09 (¥30,000, substantive) recorded only on 03-10
 *    (after the cutoff: a correction in W11).
 */
export type ReportFixture = { caseIds: Record<'A' | 'B' | 'C' | 'D' | 'E', number>; transferIds: Record<'A' | 'B' | 'C' | 'D' | 'E', number> };

/** Builds the ledger as it stood on 2025-03-08; `later()` then records the changes made after the W10 cutoff. */
export function buildReportFixture(app: CoreApp, setNow: (iso: string) => void, actor: UserPublic): ReportFixture & { later: () => void } {
  const at = (day: string, hhmm = '10:00') => setNow(new Date(`${day}T${hhmm}:00+08:00`).toISOString());
  const ins = (no: string, received: string | null, closure: string | null = null) =>
    Number(
      app.sqlite
        .prepare(
          `INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, application_received_on, closure_type, handler_id, created_at, updated_at)
           VALUES (?, 2024, '鄂0505', '执', ?, '借款合同纠纷', ?, ?, ?, ?, ?)`,
        )
        .run(no, Number(/执(\d+)号/.exec(no)![1]), received, closure, actor.id, app.now().toISOString(), app.now().toISOString()).lastInsertRowid,
    );
  const party = (caseId: number, side: string, name: string) =>
    app.sqlite.prepare(`INSERT INTO parties (case_id, side, kind, name) VALUES (?, ?, '法人或其他组织', ?)`).run(caseId, side, name);
  const transfer = (caseId: number, mode: string, direction: string, state: TransferState, on: string, extra: { deadline?: string; original?: string; receiving?: string } = {}) => {
    const id = Number(
      app.sqlite
        .prepare(
          `INSERT INTO transfers (case_id, mode, direction, original_court_code, receiving_court_code, deadline_on, state, handler_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(caseId, mode, direction, extra.original ?? '鄂0505', extra.receiving ?? '鄂0505', extra.deadline ?? null, state, actor.id, app.now().toISOString(), app.now().toISOString()).lastInsertRowid,
    );
    appendTransferEvent(app, actor, { transferId: id, kind: 'created', effectiveOn: on, to: state, data: { source: 'fixture' } });
    return id;
  };
  const step = (tid: number, to: TransferState, on: string, approval = false) => transitionTransfer(app, actor, tid, to, { effectiveOn: on, approval });
  const progress = (caseId: number, transferId: number | undefined, onDate: string, amountFen: number, flags: { substantive?: boolean; resolved?: boolean; text?: string } = {}) =>
    addProgress(app, actor, { caseId, transferId, onDate, measures: ['扣划'], amountFen, substantive: !!flags.substantive, resolved: !!flags.resolved, text: flags.text } as never).id;

  // C: 提级 移出, decided 2025-01-15.
  at('2025-01-10');
  const cC = ins('（2024）鄂0505执30号', '2024-06-01', '执行完毕');
  party(cC, '申请执行人', '宜昌丙银行');
  party(cC, '被执行人', '猇亭丙化工公司');
  progress(cC, undefined, '2025-01-10', 99, { text: '交叉前的款项' });
  at('2025-01-15');
  const tC = transfer(cC, '提级', '移出', '已决定', '2025-01-15', { original: '鄂0505', receiving: '鄂05' });
  at('2025-01-20');
  step(tC, '已移送', '2025-01-20');
  at('2025-02-10');
  const pC = progress(cC, tC, '2025-02-10', 200_000_000, { resolved: true, text: '达成和解并履行' });
  step(tC, '已立案', '2025-02-10');
  step(tC, '办理中', '2025-02-10');
  step(tC, '已化解', '2025-02-10');
  at('2025-02-12');
  app.sqlite.prepare(`INSERT INTO ledger_payouts (progress_id, case_id, paid_on, created_at) VALUES (?, ?, '2025-02-12', ?)`).run(pC, cC, app.now().toISOString());

  // A: 指令 移入, decided 2025-02-20.
  at('2025-02-20');
  const cA = ins('（2024）鄂0505执10号', '2024-05-01');
  party(cA, '申请执行人', '宜昌甲贸易公司');
  party(cA, '被执行人', '猇亭甲建材公司');
  const tA = transfer(cA, '指令', '移入', '已决定', '2025-02-20', { original: '鄂0506', receiving: '鄂0505' });
  at('2025-02-24');
  step(tA, '已立案', '2025-02-24');
  at('2025-02-25');
  step(tA, '办理中', '2025-02-25');
  at('2025-02-26');
  progress(cA, tA, '2025-02-26', 10_000_000, { substantive: true, text: '查封土地一宗' });

  // B: 督促 院内, draft → approval → decided 2025-03-05.
  at('2025-03-03');
  const cB = ins('（2024）鄂0505执20号', '2024-08-01');
  party(cB, '申请执行人', '乙某');
  party(cB, '被执行人', '猇亭乙物流公司');
  app.sqlite.prepare(`INSERT INTO deductions (case_id, kind, start_on, end_on, created_at) VALUES (?, '公告', '2024-10-01', '2024-10-10', ?)`).run(cB, app.now().toISOString());
  const tB = transfer(cB, '督促', '院内', '草稿', '2025-03-03', { deadline: '2025-03-07' });
  step(tB, '待审批', '2025-03-03', true);
  step(tB, '已批准', '2025-03-03', true);
  // D: a draft only.
  at('2025-03-04');
  const cD = ins('（2024）鄂0505执40号', '2024-09-01');
  const tD = transfer(cD, '集中', '院内', '草稿', '2025-03-04');
  progress(cA, tA, '2025-03-04', 5_000_000, { substantive: true, text: '扣划存款' });
  at('2025-03-05');
  step(tB, '已决定', '2025-03-05');
  const pVoid = progress(cA, tA, '2025-03-05', 1_000_000, { text: '划扣工资' });
  at('2025-03-06');
  step(tB, '办理中', '2025-03-06');
  app.sqlite
    .prepare(`INSERT INTO supervisions (case_id, transfer_id, kind, status, raised_on, reason, created_at) VALUES (?, ?, '一案双查', '进行中', '2025-03-06', '督促期限内未执结', ?)`)
    .run(cB, tB, app.now().toISOString());
  at('2025-03-07');
  step(tC, '已结案', '2025-03-07');
  // E: 院内交叉 decided 2025-03-08.
  at('2025-03-08');
  const cE = ins('（2024）鄂0505执50号', null);
  party(cE, '申请执行人', '戊某');
  party(cE, '被执行人', '己某');
  const tE = transfer(cE, '院内交叉', '院内', '已决定', '2025-03-08');

  const ids = { caseIds: { A: cA, B: cB, C: cC, D: cD, E: cE }, transferIds: { A: tA, B: tB, C: tC, D: tD, E: tE } };
  return { ...ids, later: () => laterChanges(app, at, actor, ids, pVoid) };
}

/** What happens after the W10 cutoff (2025-03-09T16:00Z). */
function laterChanges(app: CoreApp, at: (day: string, hhmm?: string) => void, actor: UserPublic, f: ReportFixture, pVoid: number): void {
  const { A: cA, E: cE } = f.caseIds;
  const { A: tA, B: tB, E: tE } = f.transferIds;
  const progress = (caseId: number, transferId: number, onDate: string, amountFen: number, flags: { substantive?: boolean; text?: string } = {}) =>
    addProgress(app, actor, { caseId, transferId, onDate, measures: ['扣划'], amountFen, substantive: !!flags.substantive, resolved: false, text: flags.text } as never).id;
  at('2025-03-10', '11:00');
  progress(cE, tE, '2025-03-09', 3_000_000, { substantive: true, text: '被执行人主动履行部分款项' });
  at('2025-03-11');
  appendTransferEvent(app, actor, { transferId: tB, kind: 'edit', effectiveOn: '2025-03-11', data: { mode: ['督促', '指令'] } });
  app.sqlite.prepare(`UPDATE transfers SET mode = '指令' WHERE id = ?`).run(tB);
  at('2025-03-12');
  voidProgress(app, actor, pVoid, '重复登记');
  progress(cA, tA, '2025-03-12', 2_000_000, { text: '拍卖款到账' });
}
