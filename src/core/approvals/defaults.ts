import type { ApprovalSettings } from '../../contract/calls/approvals';

/** Defaults of the approval settings (all local settings, see src/contract/calls/approvals.ts). */
export const APPROVAL_DEFAULTS: ApprovalSettings = {
  // Local setting: off by default; courts where 提级/指令 requests also go to the 分管院领导 turn it on.
  approvalSecondLevel: false,
  // 提级 and 指令 move enforcement power to the intermediate court or to another court (执行程序解释 art. 11).
  approvalSecondLevelModes: ['提级', '指令'],
  approvalDeputyUserId: null,
  // Local setting ❓: the court's own letter-number prefix; 猇亭 as in the demo court.
  letterNoPrefix: '猇法执函',
  // Local setting: empty until the bureau enters it; letters then leave a line to write the number in.
  letterContactPhone: '',
  deadlineReminderDays: 3,
};
