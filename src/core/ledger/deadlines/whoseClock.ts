/**
 * Whose six-month clock (民诉法237 / 执行程序解释 第十条): the clock measures how long THE COURT THAT
 * HOLDS THE ENFORCEMENT POWER has left a case unexecuted, so it runs only where that power is ours:
 * - our own case, and a case we sent out by 督促 or 协同 (the power stays with the executing court:
 *   执行程序解释 第十一条 for 督促; 协同 per 交叉执行意见 法发〔2024〕9号 第四部分 🟢, brief §1.4);
 * - a case we received (移入) by 指令/提级/集中/委托, from the day WE received it (the power moves with
 *   the case; the original court's receipt date is not ours to answer for — issue 11 §2; for 委托 the
 *   受托法院's own six months, 委托执行规定);
 * and NOT for a case we merely assist (协同/督促 移入), a transfer in that is decided but not yet
 * received, or a case whose power left us (指令/提级/集中/委托 移出 once decided).
 * Every answer carries its reason so the UI can show "why this start".
 */
export type ClockTransfer = {
  id: number;
  mode: string;
  direction: string;
  /** State known as of the day asked (null: not yet created then). */
  state: string | null;
  /** The day the case reached us (移入: received, else handed over) — null when unknown. */
  receivedOn: string | null;
  filedOn: string | null;
  decidedOn?: string | null;
};

export type ClockCase = {
  typeCode: string;
  applicationReceivedOn: string | null;
  propertyFoundOn: string | null;
  filedOn: string | null;
  closedOn: string | null;
  closureType: string | null;
  resolved: boolean;
};

export type ClockStart =
  | { runs: true; startOn: string; startKind: string; why: string }
  | { runs: false; why: string };

/** Modes by which the enforcement power moves to the receiving court (brief §1.4, lawwin.com.cn 🟢). */
export const POWER_MOVES = new Set(['指令', '提级', '集中', '委托']);
/** Transfer states from which the superior court's (or the entrusting court's) decision stands. */
const DECIDED = new Set(['已决定', '已移送', '已立案', '办理中', '已化解', '已结案']);
const RECEIVED = new Set(['已移送', '已立案', '办理中', '已化解', '已结案']);
/** Enforcement-implementation cases (执行实施类, 法发〔2014〕26号); review cases (执异/执复/…) have no clock. */
const IMPLEMENTATION_TYPES = new Set(['执', '执恢']);

export function whoseClock(c: ClockCase, transfers: readonly ClockTransfer[]): ClockStart {
  if (!IMPLEMENTATION_TYPES.has(c.typeCode)) return { runs: false, why: `${c.typeCode}案件属执行审查类或其他类，不适用六个月期限` };
  if (c.closedOn || c.closureType) return { runs: false, why: `已结案（${c.closureType ?? '结案'}${c.closedOn ? ` ${c.closedOn}` : ''}）` };
  if (c.resolved) return { runs: false, why: '已记录化解，不再计算六个月期限' };
  const live = transfers.filter((t) => t.state && DECIDED.has(t.state)).sort((a, b) => a.id - b.id);
  const out = live.find((t) => t.direction === '移出' && POWER_MOVES.has(t.mode));
  if (out) return { runs: false, why: `已${out.mode}执行移出${out.decidedOn ? `（决定 ${out.decidedOn}）` : ''}，执行权转至他院，六个月期限不在本院计算` };
  const inbound = [...live].reverse().find((t) => t.direction === '移入');
  let start: string | null;
  let kind: string;
  let why: string;
  if (inbound) {
    if (!POWER_MOVES.has(inbound.mode)) return { runs: false, why: `本院仅协助执行（${inbound.mode}执行移入），执行权仍在原执行法院，六个月期限由其计算` };
    const reached = inbound.receivedOn ?? (inbound.filedOn && RECEIVED.has(inbound.state!) ? inbound.filedOn : null);
    if (!reached || !RECEIVED.has(inbound.state!)) return { runs: false, why: `${inbound.mode}执行已决定移入，本院尚未收到案件，六个月期限自收到之日起算` };
    start = reached;
    kind = '本院收到移送案件';
    why = `${inbound.mode}执行移入：执行权自移交时转至本院，自本院收到案件之日（${reached}）起算，不按原法院收到申请之日`;
  } else {
    start = c.applicationReceivedOn ?? c.filedOn;
    if (!start) return { runs: false, why: '未登记收到申请执行书日期和立案日期，无法起算' };
    kind = c.applicationReceivedOn ? '收到申请执行书' : '立案（未登记收到申请日期）';
    const kept = live.find((t) => t.direction === '移出');
    why = kept
      ? `${kept.mode}执行移出后执行权仍在本院，自收到申请执行书之日起算（执行程序解释 第十条第一项）`
      : c.applicationReceivedOn
        ? '本院案件，自收到申请执行书之日起算（执行程序解释 第十条第一项）'
        : '本院案件，未登记收到申请执行书日期，暂以立案日期起算（请补录）';
  }
  // 执行程序解释 第十条第二项: property found during enforcement — from the day it was found.
  if (c.propertyFoundOn && c.propertyFoundOn > start) {
    return { runs: true, startOn: c.propertyFoundOn, startKind: '发现财产', why: `执行中发现财产，自发现之日（${c.propertyFoundOn}）起算（执行程序解释 第十条第二项）` };
  }
  return { runs: true, startOn: start, startKind: kind, why };
}
