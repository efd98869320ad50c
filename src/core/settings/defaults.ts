import type { Settings } from '../../contract/calls/settings';
import { APPROVAL_DEFAULTS } from '../approvals/defaults';
import { DEADLINE_DEFAULTS } from '../ledger/deadlines/defaults';
import { REPORT_DEFAULTS } from '../reports/defaults';
import { EFILES_DEFAULTS } from '../efiles/defaults';
import { EFILES_TEXT_DEFAULTS } from '../efiles/text/defaults';

/**
 * Defaults for a new installation. Modules add their defaults here (one spread each).
 */
export const SETTING_DEFAULTS: Settings = {
  courtName: '宜昌市猇亭区人民法院',
  courtCode: '鄂0505',
  // Local setting: lock an idle session after 15 minutes.
  idleLockMinutes: 15,
  ...APPROVAL_DEFAULTS,
  ...DEADLINE_DEFAULTS,
  ...REPORT_DEFAULTS,
  ...EFILES_DEFAULTS,
  ...EFILES_TEXT_DEFAULTS,
};
