/** The four renderers the generator uses: the 审批表 and the letter, each as PDF and DOCX. */
export { renderFormPdf, renderLetterPdf } from './renderPdf';
export { renderFormDocx, renderLetterDocx } from './renderDocx';
