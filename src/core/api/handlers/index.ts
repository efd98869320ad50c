import type { Handlers } from '../context';
import { authHandlers } from './auth';
import { userHandlers } from './users';
import { auditHandlers } from './audit';
import { settingsHandlers } from './settings';
import { ledgerExcelHandlers } from './ledgerExcel';
import { ledgerViewHandlers } from './ledgerView';
import { ledgerEditHandlers } from './ledgerEdit';

/** Every call's implementation; TypeScript insists each contract call has exactly one. Modules add one spread each. */
export const handlers: Handlers = {
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...ledgerExcelHandlers,
  ...ledgerViewHandlers,
  ...ledgerEditHandlers,
};
