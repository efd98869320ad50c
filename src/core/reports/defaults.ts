import type { ReportSettings } from '../../contract/calls/reports';

/** Defaults of the weekly-report settings (all local settings, see src/contract/calls/reports.ts). */
export const REPORT_DEFAULTS: ReportSettings = {
  // Monday–Sunday weeks unless the 中院 asks otherwise.
  reportWeekStartsOn: 1,
  // Local setting: the weekly report goes to the 中院's enforcement bureau (issue 13).
  reportAddressee: '宜昌市中级人民法院执行局',
  // Local setting ❓: the court's own 机关代字 for the report series; 猇亭 as in the demo court.
  reportDocNoPrefix: '猇法执周',
};
