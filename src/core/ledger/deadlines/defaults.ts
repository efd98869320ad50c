import type { DeadlineSettings } from '../../../contract/calls/ledgerDeadlines';

/** Defaults of the deadline settings; each names its source (see src/contract/calls/ledgerDeadlines.ts). */
export const DEADLINE_DEFAULTS: DeadlineSettings = {
  // ❓ brief §2: a 调休上班日 is not a 法定休假日, so by default a period may end on it.
  makeUpDayCounts: true,
  // ❓ local rule; 7 days as for 委托执行 registration (委托执行规定) and handler assignment (法发〔2006〕35号).
  filingDays: 7,
  // ❓ local rule "次日填报".
  entryNextWorkingDay: true,
  // 🟡 Hubei local rule (嘉鱼法院 2024): 5 days; the SPC's own limit is 30 days (法发〔2017〕6号).
  payoutDays: 5,
  reminderSoonDays: 3,
  // ❓ local setting.
  debtorOpenCasesThreshold: 3,
  // ❓ local setting: 终本 for more than two years counts as 超长期未结.
  longPendingMonths: 24,
  // ❓ soft warning only; six months mirrors 民诉法237.
  offloadMinCaseMonths: 6,
  // 一案双查 (法〔2021〕322号 item 31): a stall longer than the 237 six months.
  doubleCheckStallMonths: 6,
  // ❓ local setting: an interval of 执行程序解释 第十三条 open longer than 90 days is worth a look (soft reminder).
  openDeductionDays: 90,
};
