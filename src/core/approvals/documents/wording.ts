import type { DecisionOutcome } from '../../../contract/calls/approvals';

/**
 * Small wording rules shared by the generated forms and letters, so no document doubles a word or a
 * bracket or shows a file name where a title belongs.
 */

/** An attachment is listed by its title: "财产查控报告.pdf" → "财产查控报告" (GB/T 9704 §7.3.3 附件名称). */
export function attachmentTitle(fileName: string): string {
  return fileName.replace(/\.(pdf|ofd|docx?|xlsx?|wps|jpe?g|png|tiff?|zip)$/i, '').trim() || fileName;
}

/** Case numbers in a sentence: "（2025）鄂0505执1号、（2025）鄂0505执2号". */
export function caseNosText(caseNos: string[]): string {
  return caseNos.join('、');
}

/**
 * A decision as printed on the 审批表: the opinion as written when it already states the outcome
 * ("同意报请…" is not printed as "同意。同意报请…"), else the outcome followed by the opinion.
 */
export function decisionText(outcome: DecisionOutcome | string, opinion: string): string {
  const o = opinion.trim();
  if (!o) return `${outcome}。`;
  return o.startsWith(outcome) ? o : `${outcome}。${o}`;
}
