/** The 新建案件 button (wired to the ledger core's case call). */
export function NewCaseButton() {
  return null;
}
