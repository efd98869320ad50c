import type { UserPublic } from '../../contract/calls/common';
import { caseInput, deductionInput, partyInput, progressInput, supervisionInput, transferInput } from '../../contract/calls/ledgerEdit';
import type { ClosureType, Measure, TransferState } from '../../contract/vocabulary';
import type { z } from 'zod';
import type { CoreApp } from '../app';
import { withCreditCheckChar } from './creditCode';
import { chinaToday, plusDays } from './dates';
import { saveCase, saveParty } from './edit/cases';
import { addProgress, saveDeduction, saveSupervision } from './edit/records';
import { createTransfer } from './edit/transfers';
import { withIdCheckDigit } from './idNumber';
import { appendTransferEvent, transitionTransfer } from './transferState';

/**
 * Helpers for the ledger demo (src/core/ledger/demo.ts). Every record goes through the same
 * services and zod schemas the UI uses, so the demo can never hold data the app would refuse;
 * dates are relative to app.now() so the demo always looks current, and each step runs "as of"
 * its own date (events and progress carry realistic instants, which the weekly "as of" report reads).
 */
export type PartySpec = { kind: '自然人' | '法人或其他组织'; name: string; idNumber: string; isSmb?: boolean; isLivelihood?: boolean; phone?: string; address?: string };
export type StepSpec = readonly [to: TransferState, daysAgo: number, extra?: { reason?: string; newCaseNo?: string; opinion?: string }];

/** The steps the approvals module owns (domain brief §9.4: 执行局长 approves); the demo plays that module's part. */
const APPROVAL_STEPS = new Set<string>(['待审批', '已批准', '已退回', '不予批准']);

export class DemoLedger {
  readonly today: string;
  private rnd: () => number;
  private seqs = new Map<string, number>();

  constructor(
    private app: CoreApp,
    private users: Record<string, UserPublic>,
    seed = 20261123,
  ) {
    this.today = chinaToday(app.now());
    // mulberry32: a fixed seed gives the same demo on every machine.
    let s = seed >>> 0;
    this.rnd = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  ago(days: number): string {
    return plusDays(this.today, -days);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }

  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.rnd() * a.length)]!;
  }

  user(name: string): UserPublic {
    const u = this.users[name];
    if (!u) throw new Error(`演示用户 ${name} 不存在`);
    return u;
  }

  /** The app as it stood on a legal date (09:30 China time, never later than the real clock). */
  on(date: string): CoreApp {
    const at = new Date(Math.min(Date.parse(date + 'T01:30:00Z'), this.app.now().getTime()));
    return { ...this.app, now: () => at };
  }

  /** The next 案号 of a court for the year of `filedOn` (法〔2015〕137号 第十条: numbered in order of receipt). */
  caseNo(court: string, filedOn: string, type = '执'): string {
    const year = filedOn.slice(0, 4);
    const key = `${court}|${year}|${type}`;
    const next = (this.seqs.get(key) ?? this.int(90, 160)) + this.int(3, 19);
    this.seqs.set(key, next);
    return `（${year}）${court}${type}${next}号`;
  }

  /** A valid 18-digit ID (GB 11643-1999): region, birth date, order code (odd = 男), check digit. */
  idNumber(region: string, sex: '男' | '女'): string {
    const y = this.int(1960, 1998);
    const m = String(this.int(1, 12)).padStart(2, '0');
    const d = String(this.int(1, 28)).padStart(2, '0');
    let order = this.int(10, 998);
    if ((order % 2 === 1) !== (sex === '男')) order += 1;
    return withIdCheckDigit(`${region}${y}${m}${d}${String(order).padStart(3, '0')}`);
  }

  /** A valid 统一社会信用代码 (GB 32100-2015) whose 组织机构代码 part has its own GB 11714 check character. */
  creditCode(region = '420505'): string {
    const body = Array.from({ length: 8 }, () => this.int(0, 9)).join('');
    const w = [3, 7, 9, 10, 5, 8, 4, 2];
    const c = 11 - (w.reduce((a, x, i) => a + x * Number(body[i]), 0) % 11);
    const org = body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
    return withCreditCheckChar(`91${region}${org}`);
  }

  person(name: string, sex: '男' | '女', region = '420505', flags: { isLivelihood?: boolean } = {}): PartySpec {
    return { kind: '自然人', name, idNumber: this.idNumber(region, sex), phone: `13${this.int(0, 9)}${this.int(10000000, 99999999)}`, ...flags };
  }

  org(name: string, flags: { isSmb?: boolean; region?: string } = {}): PartySpec {
    return { kind: '法人或其他组织', name, idNumber: this.creditCode(flags.region), isSmb: flags.isSmb ?? false, phone: `0717-6${this.int(100000, 999999)}` };
  }

  addCase(c: {
    caseNo: string;
    cause: string;
    basis: [title: string, docNo: string];
    receivedOn: string;
    filedOn: string;
    propertyFoundOn?: string;
    closed?: [on: string, type: ClosureType];
    amountYuan: number;
    handler: string;
    applicants: PartySpec[];
    debtors: PartySpec[];
    note?: string;
  }): { id: number; caseNo: string } {
    const input = caseInput.parse({
      caseNo: c.caseNo,
      cause: c.cause,
      basisTitle: c.basis[0],
      basisDocNo: c.basis[1],
      applicationReceivedOn: c.receivedOn,
      filedOn: c.filedOn,
      propertyFoundOn: c.propertyFoundOn,
      closedOn: c.closed?.[0],
      closureType: c.closed?.[1],
      zhongbenBasis: c.closed?.[1] === '终结本次执行程序' ? '申请执行人签字确认' : undefined,
      amountDueFen: Math.round(c.amountYuan * 100),
      handlerId: this.user(c.handler).id,
      note: c.note ?? '演示数据：人物、单位、案件均为虚构',
    });
    const latest = [c.filedOn, c.propertyFoundOn ?? '', c.closed?.[0] ?? ''].sort().at(-1)!;
    const r = saveCase(this.on(latest), input);
    this.app.sqlite.prepare("UPDATE cases SET source = 'demo' WHERE id = ?").run(r.id);
    for (const [side, list] of [['申请执行人', c.applicants], ['被执行人', c.debtors]] as const) {
      for (const p of list) saveParty(this.app, partyInput.parse({ caseId: r.id, side, ...p }));
    }
    return { id: r.id, caseNo: r.caseNo };
  }

  /** Creates a transfer and walks it through the state machine, one dated step at a time. */
  addTransfer(
    caseId: number,
    handler: string,
    v: Omit<z.input<typeof transferInput>, 'caseId'>,
    createdAgo: number,
    steps: readonly StepSpec[] = [],
    opts: { receivedAgo?: number } = {},
  ): { id: number; state: TransferState } {
    const actor = this.user(handler);
    const chief = this.user('wangjz');
    const created = createTransfer(this.on(v.decisionOn ?? this.ago(createdAgo)), actor, transferInput.parse({ caseId, ...v }));
    let state = created.state;
    for (const [to, days, extra] of steps) {
      const on = this.ago(days);
      const approval = APPROVAL_STEPS.has(to) || (to === '草稿' && state !== '草稿');
      const by = approval && to !== '待审批' ? chief : actor;
      state = transitionTransfer(this.on(on), by, created.id, to, {
        approval,
        effectiveOn: on,
        reason: extra?.reason,
        newCaseNo: extra?.newCaseNo,
        data: { demo: true, ...(extra?.opinion ? { opinion: extra.opinion } : {}) },
      }).state;
    }
    if (opts.receivedAgo !== undefined) {
      // 收到日期 has no state of its own; it is an edit of the record, kept as an event like any edit.
      const on = this.ago(opts.receivedAgo);
      this.app.sqlite.prepare('UPDATE transfers SET received_on = ? WHERE id = ?').run(on, created.id);
      appendTransferEvent(this.on(on), actor, { transferId: created.id, kind: 'edit', effectiveOn: on, data: { receivedOn: [null, on] } });
    }
    return { id: created.id, state };
  }

  progress(
    caseId: number,
    handler: string,
    daysAgo: number,
    measures: Measure[],
    text: string,
    o: { amountYuan?: number; substantive?: boolean; resolved?: boolean; transferId?: number; measureOther?: string } = {},
  ): void {
    const onDate = this.ago(daysAgo);
    addProgress(
      this.on(onDate),
      this.user(handler),
      progressInput.parse({
        caseId,
        transferId: o.transferId,
        onDate,
        measures,
        measureOther: o.measureOther,
        amountFen: Math.round((o.amountYuan ?? 0) * 100),
        substantive: o.substantive ?? false,
        resolved: o.resolved ?? false,
        text,
      }),
    );
  }

  deduction(caseId: number, handler: string, kind: z.input<typeof deductionInput>['kind'], startAgo: number, endAgo: number | null, note: string): void {
    const startOn = this.ago(startAgo);
    const endOn = endAgo === null ? undefined : this.ago(endAgo);
    saveDeduction(this.on(endOn ?? startOn), this.user(handler), deductionInput.parse({ caseId, kind, startOn, endOn, note }));
  }

  supervision(
    caseId: number,
    by: string,
    kind: '督办' | '一案双查',
    raisedAgo: number,
    reason: string,
    result?: [daysAgo: number, text: string],
    transferId?: number,
  ): void {
    const raisedOn = this.ago(raisedAgo);
    const resultOn = result ? this.ago(result[0]) : undefined;
    saveSupervision(
      this.on(resultOn ?? raisedOn),
      this.user(by),
      supervisionInput.parse({ caseId, transferId, kind, raisedOn, reason, result: result?.[1], resultOn }),
    );
  }

  /** A direct edit of the case's handler (院内交叉 changes who handles it), with the transfer event that records it. */
  changeHandler(caseId: number, transferId: number, from: string, to: string, daysAgo: number): void {
    const on = this.ago(daysAgo);
    this.app.sqlite.prepare('UPDATE cases SET handler_id = ? WHERE id = ?').run(this.user(to).id, caseId);
    this.app.sqlite.prepare('UPDATE transfers SET handler_id = ? WHERE id = ?').run(this.user(to).id, transferId);
    appendTransferEvent(this.on(on), this.user('wangjz'), {
      transferId,
      kind: 'edit',
      effectiveOn: on,
      data: { handlerId: [this.user(from).id, this.user(to).id] },
    });
  }

  /** Closes a case later than it was filed (the services' saveCase would re-check everything; the demo only sets the closure). */
  closeCase(caseId: number, on: string, type: ClosureType): void {
    this.app.sqlite.prepare('UPDATE cases SET closed_on = ?, closure_type = ?, updated_at = ? WHERE id = ?').run(on, type, this.on(on).now().toISOString(), caseId);
  }
}
