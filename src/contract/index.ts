import { z } from 'zod';
import type { CallDef } from './define';
import { chineseLocale } from './zodLocale';
import { authCalls } from './calls/auth';
import { userCalls } from './calls/users';
import { auditCalls } from './calls/audit';
import { settingsCalls } from './calls/settings';
import { ledgerExcelCalls } from './calls/ledgerExcel';
import { ledgerViewCalls } from './calls/ledgerView';
import { ledgerEditCalls } from './calls/ledgerEdit';
import { efilesCalls } from './calls/efiles';
import { ledgerDeadlineCalls } from './calls/ledgerDeadlines';
import { approvalCalls } from './calls/approvals';
import { notificationCalls } from './calls/notifications';
import { efilesSearchCalls } from './calls/efilesSearch';
import { exchangeCalls } from './calls/exchange';
import { courtCalls } from './calls/courts';
import { reportCalls } from './calls/reports';
import { jobCalls } from './calls/jobs';
import { backupCalls } from './calls/backup';

// Validation messages in plain Chinese (zodLocale.ts, not zod's half-translated zh-CN); fields get named by FIELD_LABELS.
z.config(chineseLocale());

/**
 * The one contract between the UI and the core. Each module adds its calls here (one line each).
 */
export const calls = {
  ...courtCalls,
  ...authCalls,
  ...userCalls,
  ...auditCalls,
  ...settingsCalls,
  ...ledgerExcelCalls,
  ...ledgerViewCalls,
  ...ledgerEditCalls,
  ...efilesCalls,
  ...ledgerDeadlineCalls,
  ...approvalCalls,
  ...notificationCalls,
  ...efilesSearchCalls,
  ...exchangeCalls,
  ...reportCalls,
  ...jobCalls,
  ...backupCalls,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallInputParsed<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export function callDef(name: CallName): CallDef {
  return calls[name] as unknown as CallDef;
}

export * from './result';
export * from './roles';
export { FIELD_LABELS } from './labels';
export { formatZodError } from './zodMessage';
