import type { z } from 'zod';
import type { efilesSettings } from '../../contract/calls/efiles';

/** Defaults of the e-file settings (local settings). */
export const EFILES_DEFAULTS: z.infer<typeof efilesSettings> = {
  // Local setting (issue 5 item 2): one imported file may be at most 500 MB.
  efileMaxFileMb: 500,
  // Local setting ❓: enforcement files kept 长期 unless the court's archive rules say otherwise.
  volumeRetention: '长期',
};
