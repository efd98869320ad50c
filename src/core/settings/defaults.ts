import type { Settings } from '../../contract/calls/settings';
import { APPROVAL_DEFAULTS } from '../approvals/defaults';

/**
 * Defaults for a new installation. Modules add their defaults here (one spread each).
 */
export const SETTING_DEFAULTS: Settings = {
  courtName: '宜昌市猇亭区人民法院',
  courtCode: '鄂0505',
  // Local setting: lock an idle session after 15 minutes.
  idleLockMinutes: 15,
  ...APPROVAL_DEFAULTS,
};
