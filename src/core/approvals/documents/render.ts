import type { ApprovalForm, Letter } from './model';

/** The four renderers the generator uses: the 审批表 and the letter, each as PDF and DOCX. */
export { renderFormPdf, renderLetterPdf } from './renderPdf';

// The DOCX renderers are built from docx's classes at module level, so the whole module is loaded
// on first use (with docx) instead of at start-up (src/core/lazyModules.ts explains why).
export async function renderFormDocx(form: ApprovalForm): Promise<Buffer> {
  return (await import('./renderDocx')).renderFormDocx(form);
}
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  return (await import('./renderDocx')).renderLetterDocx(letter);
}
