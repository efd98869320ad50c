import type { Handlers } from '../context';
import { authHandlers } from './auth';
import { userHandlers } from './users';
import { auditHandlers } from './audit';
import { settingsHandlers } from './settings';
import { ledgerExcelHandlers } from './ledgerExcel';
import { ledgerViewHandlers } from './ledgerView';
import { ledgerEditHandlers } from './ledgerEdit';
import { efilesHandlers } from './efiles';
import { approvalHandlers } from './approvals';
import { notificationHandlers } from './notifications';
import { ledgerDeadlineHandlers } from './ledgerDeadlines';
import { exchangeHandlers } from './exchange';
import { courtHandlers } from './courts';
import { efilesSearchHandlers } from './efilesSearch';
import { reportHandlers } from './reports';
import { jobHandlers } from './jobs';
import { backupHandlers } from './backup';

/** Every call's implementation; TypeScript insists each contract call has exactly one. Modules add one spread each. */
export const handlers: Handlers = {
  ...courtHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...ledgerExcelHandlers,
  ...ledgerViewHandlers,
  ...ledgerEditHandlers,
  ...efilesHandlers,
  ...ledgerDeadlineHandlers,
  ...approvalHandlers,
  ...notificationHandlers,
  ...exchangeHandlers,
  ...efilesSearchHandlers,
  ...reportHandlers,
  ...jobHandlers,
  ...backupHandlers,
};
