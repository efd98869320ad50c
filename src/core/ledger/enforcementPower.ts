import { POWER_MOVES } from './deadlines/whoseClock';

/**
 * Which court holds the enforcement power over a cross-execution case, judged by its transfer (brief
 * §1.4; the same POWER_MOVES rule as the six-month clock, src/core/ledger/deadlines/whoseClock.ts):
 * - 'sentOut': we sent it by 指令/提级/集中/委托 — the power moved to the receiving court;
 * - 'assisted': another court's case we help with (协同/督促 移入) — the power stays with that court;
 * - 'ours': our own case, one we received by 指令/提级/集中/委托, or one we sent by 督促/协同 or
 *   handle 院内 — the power is (still) ours.
 * The weekly report uses it for 现承办法院, for which closures and money count as ours.
 */
export type PowerHolder = 'ours' | 'sentOut' | 'assisted';

export function powerHolder(t: { mode: string; direction: string }): PowerHolder {
  if (t.direction === '移出' && POWER_MOVES.has(t.mode)) return 'sentOut';
  if (t.direction === '移入' && !POWER_MOVES.has(t.mode)) return 'assisted';
  return 'ours';
}

/** The court that holds the power (现承办法院): the receiving court, the original court, or us. */
export function holdingCourtCode(t: { mode: string; direction: string; originalCourtCode: string | null; receivingCourtCode: string | null }, ourCourt: string): string | null {
  const h = powerHolder(t);
  if (h === 'sentOut') return t.receivingCourtCode;
  if (h === 'assisted') return t.originalCourtCode;
  return ourCourt;
}
