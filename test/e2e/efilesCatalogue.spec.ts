import { createUser } from '../../src/core/auth/users';
import { updateSettings } from '../../src/core/settings/settings';
import { seedCase, textPdf } from '../support/efiles';
import { test, expect, login } from './server';

/**
 * Issue 14, daily UX 10: a scan-named 执行裁定书 and 执行笔录 are catalogued from their text, and the
 * document date is asked in the cataloguing step, prefilled from the document's 落款.
 */
test('cataloguing recognises 执行裁定书 and 执行笔录 from their text and asks the date, suggested from the text', async ({ page, server }, info) => {
  updateSettings(server.app, { ocrEnabled: false });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const caseId = seedCase(server.app, zhang.id, 601).id;
  const ruling = textPdf([['湖北省宜昌市猇亭区人民法院', '执行裁定书', '变更申请执行人为宜昌某公司。', '二〇二五年三月十四日']]);
  const note = textPdf([['执行笔录', '时间：2025年4月2日', '被执行人到庭陈述其无履行能力。']]);

  await login(page, server.url, 'zhang', 'password123');
  await page.goto(`${server.url}#/efiles/case/${caseId}`);
  await page.getByRole('button', { name: '导入文件' }).click();
  await page.getByTestId('import-files').setInputFiles([
    { name: '扫描0001.pdf', mimeType: 'application/pdf', buffer: ruling },
    { name: '扫描0002.pdf', mimeType: 'application/pdf', buffer: note },
  ]);
  await page.getByTestId('import-start').click();
  const table = page.getByTestId('import-suggestions');
  await expect(table).toContainText('文书标题为「执行裁定书」→ 中止、终结、终结本次执行程序裁定书');
  await expect(page.getByRole('combobox', { name: '扫描0001 的目录' })).toHaveValue('中止、终结、终结本次执行程序裁定书');
  await expect(page.getByRole('combobox', { name: '扫描0002 的目录' })).toHaveValue('财产查控材料');
  await expect(page.getByRole('textbox', { name: '扫描0001 的文书日期' })).toHaveValue('2025-03-14');
  await expect(page.getByRole('textbox', { name: '扫描0002 的文书日期' })).toHaveValue('2025-04-02');
  // the person cataloguing corrects one date; a wrong one blocks the confirmation with a message at the field
  const second = page.getByRole('textbox', { name: '扫描0002 的文书日期' });
  await second.fill('2025-04-0');
  await expect(page.getByText('应为日期，如 2025-03-04')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await second.fill('2025/4/3');
  await second.blur();
  await expect(second).toHaveValue('2025-04-03');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: info.outputPath('catalogue-dialog-1280x720.png') });
  await page.getByTestId('import-confirm').click();

  const dates = () => server.app.sqlite.prepare('SELECT title, doc_date AS d FROM efile_documents ORDER BY id').all();
  await expect.poll(dates).toEqual([
    { title: '扫描0001', d: '2025-03-14' },
    { title: '扫描0002', d: '2025-04-03' },
  ]);
  await expect(page.getByTestId('doc-row').filter({ hasText: '扫描0001' })).toContainText('2025-03-14');
});
