/** Local setting (issue 5 item 5): OCR of scans runs in the background unless switched off. */
export const EFILES_TEXT_DEFAULTS = { ocrEnabled: true };
