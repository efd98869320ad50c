import type { ReportSettings } from '../../contract/calls/reports';

/** Defaults of the weekly-report settings (all local settings, see src/contract/calls/reports.ts). */
export const REPORT_DEFAULTS: ReportSettings = {
  // Monday–Sunday weeks unless the 中院 asks otherwise.
  reportWeekStartsOn: 1,
};
