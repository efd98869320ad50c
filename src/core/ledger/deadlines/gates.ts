import { addMonths, dayPeriod, plusDays, type HolidayCalendar, type PeriodEnd } from '../../calendar/period';
import { POWER_MOVES } from './whoseClock';

/**
 * The other deadlines and gates, as pure rules over facts, shared by the ledger's reminders (as of
 * now) and the weekly report (as of a week's end). Each names its source.
 */

/** Receiving court registers a transferred-in case within N days of receipt (local rule ❓, brief §6.3, setting filingDays). */
export function filingDue(cal: HolidayCalendar, receivedOn: string, filingDays: number): PeriodEnd {
  return dayPeriod(cal, receivedOn, filingDays);
}
export const filingSource = (days: number) => `本地规则（设置：移入立案期限 ${days} 日；参照委托执行规定 7 日立案，待核实）；期间按民诉法第八十五条计算`;

/** 督促执行令's deadline (执行程序解释 第十一条); missed without good reason → 提级/指令 (第十二条). */
export const URGE_SOURCE = '执行程序解释（2020）第十一条、第十二条';
/** States in which a 督促 deadline is running (decided, not finished). */
export const URGE_RUNNING = new Set(['已决定', '已移送', '已立案', '办理中']);

/** Case money paid out within N days of arrival (Hubei local rule 🟡, setting payoutDays; SPC 法发〔2017〕6号: 30 days). */
export function payoutDue(cal: HolidayCalendar, arrivedOn: string, payoutDays: number): PeriodEnd {
  return dayPeriod(cal, arrivedOn, payoutDays);
}
export const payoutSource = (days: number) => `湖北本地规定（设置：案款发放期限 ${days} 日；嘉鱼法院 2024）；最高法 法发〔2017〕6号 为 30 日`;

export type PayoutCaseFacts = {
  closureType: string | null;
  closedOn: string | null;
  transfers: readonly { mode: string; direction: string; state: string | null; handedOverOn?: string | null; decidedOn?: string | null }[];
};

/**
 * From which day money recorded on a case is held by another court, not by us: once the case went
 * out by 提级/指令/集中/委托 and was handed over (the case money goes with the case, brief §1.5 ❓), and
 * in any case after our case was closed as 销案 on such a transfer (委托执行规定 第二条: the entrusting
 * court closes as 销案). Money arriving from that day is paid out by the other court, so no reminder.
 * null: all money on the case is ours to pay out — and stays reminded until a payout is recorded.
 */
export function heldElsewhereFrom(c: PayoutCaseFacts): string | null {
  let from: string | null = null;
  for (const t of c.transfers) {
    if (t.direction !== '移出' || !POWER_MOVES.has(t.mode)) continue;
    if (t.state && ['已移送', '已立案', '办理中', '已化解', '已结案'].includes(t.state)) {
      const d = t.handedOverOn ?? t.decidedOn ?? null;
      if (d && (!from || d < from)) from = d;
    }
    if (c.closureType === '销案' && c.closedOn && t.state && t.state !== '已退出' && (!from || c.closedOn < from)) from = c.closedOn;
  }
  return from;
}

/**
 * 终本 needs more than three months since registration (《关于严格规范终结本次执行程序的规定（试行）》
 * 第一条第四项; "超过" excludes the end day, 民法典1259): the earliest day 终本 may be entered.
 */
export function zhongbenEarliest(filedOn: string): string {
  return plusDays(addMonths(filedOn, 3), 1);
}
export const ZHONGBEN_SOURCE = '《关于严格规范终结本次执行程序的规定（试行）》第一条第四项（立案超过三个月）';

/**
 * 民事诉讼法 第二百四十条 (委托执行): the entrusted court starts within 15 days of receiving the letter;
 * when not finished within 30 days it reports the state of enforcement to the entrusting court.
 */
export const ENTRUST_SOURCE = '民事诉讼法 第二百四十条（受委托法院收到委托函件后十五日内开始执行；三十日内未执行完毕的，应将执行情况函复委托法院）';
export function entrustDue(cal: HolidayCalendar, receivedOn: string): { start: PeriodEnd; report: PeriodEnd } {
  return { start: dayPeriod(cal, receivedOn, 15), report: dayPeriod(cal, receivedOn, 30) };
}
/** The measure that records the 函复 of 民诉法240 (sent by us when entrusted, received by us when entrusting). */
export const ENTRUST_REPLY_MEASURE = '委托执行情况函复';
