import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { CoreApp } from '../../src/core/app';
import { createUser, toPublic } from '../../src/core/auth/users';
import { saveCase, saveParty } from '../../src/core/ledger/edit/cases';
import { storeBytes } from '../../src/core/efiles/store';
import { insertDocument } from '../../src/core/efiles/documents';
import { getSettings } from '../../src/core/settings/settings';
import { caller } from '../support/core';
import { test, expect, login } from './server';

/** A bureau: handler 张承办 (staff), chief 李局长, one open case of 张承办 with its parties. */
function seed(app: CoreApp, caseNos = ['（2025）鄂0505执321号']) {
  const zhang = createUser(app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  const li = createUser(app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  const caseIds = caseNos.map((caseNo, i) => {
    const c = saveCase(app, { caseNo, cause: '买卖合同', filedOn: '2025-03-01', amountDueFen: 50_000_000, handlerId: zhang.id } as never);
    saveParty(app, { caseId: c.id, side: '申请执行人', kind: '法人或其他组织', name: `宜昌某建材公司${i}`, isSmb: false, isLivelihood: false } as never);
    saveParty(app, { caseId: c.id, side: '被执行人', kind: '自然人', name: `刘某${i}`, isSmb: false, isLivelihood: false } as never);
    return c.id;
  });
  return { zhang, li, caseIds };
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

async function pdfText(file: string): Promise<string> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = lib.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let s = '';
  for (let i = 1; i <= doc.numPages; i++) for (const it of (await (await doc.getPage(i)).getTextContent()).items) if ('str' in it) s += it.str;
  await task.destroy();
  return s.replace(/\s+/g, '');
}

test('handler submits, chief approves with an opinion: transfer moves on, audit, timeline and the PDF form show it', async ({ page, server }) => {
  test.setTimeout(60_000);
  const { caseIds } = seed(server.app);
  const nav = page.getByRole('navigation', { name: '主导航' });

  await login(page, server.url, 'zhangcb', 'password123');
  await nav.getByText('审批').click();
  await page.getByTestId('new-request').click();
  await page.getByTestId('case-picker').click();
  await page.getByRole('option', { name: /（2025）鄂0505执321号/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('court-select').click();
  await page.getByRole('option', { name: /宜都市人民法院/ }).click();
  await page.getByRole('checkbox', { name: '超六个月未执行' }).check();
  await page.getByLabel('执行经过').fill('立案后网络查控，被执行人在宜都市有房产，本院处置困难。');
  await page.getByLabel('申请理由').fill('案件超六个月未执行，异地财产处置困难。');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('request-state')).toHaveText('草稿');
  await page.getByTestId('submit-request').click();
  await expect(page.getByTestId('request-state')).toHaveText('待审批');
  await logout(page);

  await login(page, server.url, 'lijz', 'password123');
  await expect(page.getByTestId('approvals-queue-badge')).toHaveText('1');
  await expect(page.getByTestId('bell-badge')).toContainText('1');
  await nav.getByText('审批').click();
  await expect(page.getByTestId('chief-overview')).toBeVisible();
  await page.screenshot({ path: 'out/test-results/approvals-overview.png' });
  await page.getByTestId('chief-overview').getByText('（2025）鄂0505执321号').click();
  await expect(page.getByTestId('case-history')).toContainText('刘某0');
  // The chief sees the ledger's six-month clock on the request: start and why, due, and the ground that holds.
  const legal = page.getByTestId('request-legal');
  await expect(legal).toContainText('已超六个月');
  await expect(legal).toContainText('自立案（未登记收到申请日期） 2025-03-01 起算');
  await expect(legal).toContainText('2025-09-01 届满');
  await expect(legal.getByRole('listitem').filter({ hasText: '超六个月未执行' }).getByLabel('成立', { exact: true })).toBeVisible();
  await expect(legal).toContainText('民事诉讼法 第二百三十七条');
  await expect(page.getByTestId('offload-warnings')).toHaveCount(0);
  await page.screenshot({ path: 'out/test-results/approvals-decision.png', fullPage: true });
  await page.getByTestId('opinion').fill('同意报请中院指令宜都法院执行。');
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('request-state')).toHaveText('已同意');
  await expect(page.getByTestId('decisions')).toContainText('同意报请中院指令宜都法院执行。');
  await expect(page.getByTestId('approvals-queue-badge')).toHaveCount(0);

  const t = server.app.sqlite.prepare('SELECT state FROM transfers WHERE case_id = ?').get(caseIds[0]) as { state: string };
  expect(t.state).toBe('已批准');

  // The approval form as the chief downloads it: the PDF text carries the opinion, names and dates.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-审批表-pdf').click()]);
  const text = await pdfText(await download.path());
  const today = new Date(Date.now() + 8 * 3600_000);
  const cn = `${today.getUTCFullYear()}年${today.getUTCMonth() + 1}月${today.getUTCDate()}日`;
  expect(text).toContain('同意报请中院指令宜都法院执行。');
  expect(text).toContain('李局长');
  expect(text).toContain('张承办');
  expect(text).toContain(cn);
  await expect(page.getByTestId('documents')).toContainText('报请函');

  // The case timeline (ledger) and the audit log show the decision.
  await page.goto(`${server.url.replace(/\/$/, '')}/#/ledger/case/${caseIds[0]}`);
  await page.getByRole('tab', { name: '时间线' }).click();
  await expect(page.getByTestId('case-timeline')).toContainText('待审批 → 已批准');
  await expect(page.getByTestId('case-timeline')).toContainText('同意报请中院指令宜都法院执行。');
  await nav.getByText('审计日志').click();
  await expect(page.getByText(/审批同意（（2025）鄂0505执321号）/)).toBeVisible();
});

test('the chief sees a young case reported as 超六个月: the ground does not hold and the soft 甩包袱 warnings show', async ({ page, server }) => {
  test.setTimeout(60_000);
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const { zhang, caseIds } = seed(server.app, ['（2026）鄂0505执611号']);
  server.app.sqlite.prepare('UPDATE cases SET filed_on = ?, application_received_on = ? WHERE id = ?').run(day(-12), day(-14), caseIds[0]);
  server.app.sessions.bind('e2e-zhang', zhang.id);
  const asZhang = caller(server.app, toPublic(zhang), 'e2e-zhang');
  const d = await asZhang.run('approvals.create', { mode: '提级', caseIds, reasons: ['超六个月未执行'], receivingCourtCode: '鄂05', summaryProcess: '立案后查控。', summaryGrounds: '拟报请提级。' });
  await asZhang.run('approvals.submit', { requestId: d.request.id });

  await login(page, server.url, 'lijz', 'password123');
  await page.goto(`${server.url.replace(/\/$/, '')}/#/approvals/${d.request.id}`);
  const legal = page.getByTestId('request-legal');
  await expect(legal).toContainText('未满六个月');
  await expect(legal).toContainText(`自收到申请执行书 ${day(-14)} 起算`);
  await expect(legal).toContainText('超六个月未执行：不成立');
  await expect(legal.getByRole('listitem').filter({ hasText: '超六个月未执行' }).getByLabel('不成立', { exact: true })).toBeVisible();
  await expect(page.getByTestId('offload-warnings')).toContainText('与台账不符');
  await expect(page.getByTestId('offload-warnings')).toContainText('不足 6 个月');
  await page.screenshot({ path: 'out/test-results/approvals-clock-warning.png', fullPage: true });
});

test('returned and rejected: the opinion is required, the handler is told and revises', async ({ page, server }) => {
  test.setTimeout(60_000);
  const { zhang, caseIds } = seed(server.app, ['（2025）鄂0505执401号', '（2025）鄂0505执402号']);
  server.app.sessions.bind('e2e-zhang', zhang.id);
  const asZhang = caller(server.app, toPublic(zhang), 'e2e-zhang');
  const ids: number[] = [];
  for (const caseId of caseIds) {
    const d = await asZhang.run('approvals.create', {
      mode: '委托',
      caseIds: [caseId],
      reasons: ['力量不足'],
      receivingCourtCode: '鄂0583',
      summaryProcess: '被执行人财产均在枝江市。',
      summaryGrounds: '委托枝江法院执行更便利。',
    });
    await asZhang.run('approvals.submit', { requestId: d.request.id });
    ids.push(d.request.id);
  }

  await login(page, server.url, 'lijz', 'password123');
  await expect(page.getByTestId('approvals-queue-badge')).toHaveText('2');
  await page.goto(`${server.url.replace(/\/$/, '')}/#/approvals/${ids[0]}`);
  await page.getByRole('radio', { name: '退回补充' }).check();
  await page.getByTestId('decide').click();
  await expect(page.getByText('退回补充时请写明需要补充的内容')).toBeVisible();
  await page.getByTestId('opinion').fill('请补充枝江市房产的查封裁定。');
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('request-state')).toHaveText('已退回');

  await page.goto(`${server.url.replace(/\/$/, '')}/#/approvals/${ids[1]}`);
  await page.getByRole('radio', { name: '不同意' }).check();
  await page.getByTestId('opinion').fill('本院执行措施尚未穷尽。');
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('request-state')).toHaveText('不同意');
  await logout(page);

  await login(page, server.url, 'zhangcb', 'password123');
  await expect(page.getByTestId('bell-badge')).toContainText('2');
  await page.getByTestId('bell').click();
  await page.getByTestId('notification-list').getByText(/审批退回补充/).click();
  await expect(page.getByTestId('request-state')).toHaveText('已退回');
  await expect(page.getByTestId('decisions')).toContainText('请补充枝江市房产的查封裁定。');
  await page.getByTestId('revise-request').click();
  await expect(page.getByText('第 2 版）')).toBeVisible();
  await expect(page.getByTestId('request-state')).toHaveText('草稿');
  const states = server.app.sqlite.prepare('SELECT state FROM transfers WHERE case_id IN (?, ?) ORDER BY case_id').all(caseIds[0], caseIds[1]) as { state: string }[];
  expect(states.map((s) => s.state)).toEqual(['已退回', '不予批准']);
});

/** 设置 → 审批: the administrator names the deputy and turns on the 分管院领导 level; others only read it. */
test('the administrator sets the deputy and the second level in settings; the chief only reads them', async ({ page, server }) => {
  const { li } = seed(server.app);
  createUser(server.app, { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'password123' });
  const wang = createUser(server.app, { username: 'wangfjz', displayName: '王副局长', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'zhaoyz', displayName: '赵院长', role: 'leader', password: 'password123' });
  const nav = page.getByRole('navigation', { name: '主导航' });

  await login(page, server.url, 'admin', 'password123');
  await nav.getByText('设置').click();
  await page.getByRole('tab', { name: '审批' }).click();
  await expect(page.getByTestId('approval-settings')).toContainText('现为 李局长');
  await page.getByTestId('deputy-select').click();
  // Only 承办人 and 书记员 can stand in for the chief: the chief and the leader are not offered.
  await expect(page.getByRole('option', { name: /李局长|赵院长/ })).toHaveCount(0);
  await page.getByRole('option', { name: '王副局长（承办人）' }).click();
  await page.getByLabel('报请中院的请求还须经分管院领导审批').check();
  await expect(page.getByTestId('approval-settings')).toContainText('分管院领导：赵院长');
  await expect(page.getByRole('checkbox', { name: '提级' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '指令' })).toBeChecked();
  await page.getByRole('checkbox', { name: '督促' }).check();
  await page.screenshot({ path: 'out/test-results/approvals-settings.png', fullPage: true });
  await page.getByTestId('save-approval-settings').click();
  await expect(page.getByText('审批设置已保存')).toBeVisible();
  expect(getSettings(server.app)).toMatchObject({ approvalDeputyUserId: wang.id, approvalSecondLevel: true, approvalSecondLevelModes: ['提级', '指令', '督促'] });
  const audit = server.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'settings.update'`).get() as { summary: string };
  expect(audit.summary).toContain('代理审批人：王副局长');
  await logout(page);

  await login(page, server.url, 'lijz', 'password123');
  await nav.getByText('设置').click();
  await page.getByRole('tab', { name: '审批' }).click();
  await expect(page.getByText('仅管理员可修改审批设置。')).toBeVisible();
  await expect(page.getByTestId('deputy-select')).toBeDisabled();
  await expect(page.getByTestId('deputy-select')).toHaveValue('王副局长（承办人）');
  void li;
});

/** Attachments picked from the case's e-file: the handler sees its 正卷 and 副卷 and adds documents to the draft. */
test('the handler attaches documents of the case e-file to a request', async ({ page, server }) => {
  const { zhang, caseIds } = seed(server.app);
  const doc = (volume: '正卷' | '副卷', sectionId: string, title: string) => {
    const blob = storeBytes(server.app, Buffer.from(`%PDF-1.7 ${title}`));
    server.app.sqlite.transaction(() =>
      insertDocument(server.app, {
        caseId: caseIds[0]!, volume, sectionId, title, name: `${title}.pdf`, size: blob.size, sha256: blob.sha256, mime: 'application/pdf', kind: 'pdf', pages: 2,
        docDate: '2025-05-06', source: 'import', userId: zhang.id,
      }),
    )();
  };
  doc('正卷', '正卷-1', '网络查控反馈');
  doc('正卷', '正卷-2', '查封裁定书');
  doc('副卷', '副卷-1', '合议庭评议笔录');
  server.app.sessions.bind('e2e-zhang', zhang.id);
  const d = await caller(server.app, toPublic(zhang), 'e2e-zhang').run('approvals.create', {
    mode: '指令', caseIds, reasons: ['超六个月未执行'], receivingCourtCode: '鄂0581', summaryProcess: '网络查控发现异地房产。', summaryGrounds: '异地财产处置困难。',
  });

  await login(page, server.url, 'zhangcb', 'password123');
  await page.goto(`${server.url.replace(/\/$/, '')}/#/approvals/${d.request.id}`);
  await page.getByTestId('attach-from-efile').click();
  const picker = page.getByTestId('efile-picker');
  await expect(picker).toContainText('合议庭评议笔录');
  await picker.getByRole('checkbox', { name: '选择 网络查控反馈' }).check();
  await picker.getByRole('checkbox', { name: '选择 合议庭评议笔录' }).check();
  await page.screenshot({ path: 'out/test-results/approvals-efile-picker.png' });
  await page.getByTestId('efile-picker-add').click();
  await expect(page.getByText('已从电子卷宗添加 2 个附件')).toBeVisible();
  await expect(page.getByText('网络查控反馈.pdf')).toBeVisible();
  await expect(page.getByText('合议庭评议笔录.pdf')).toBeVisible();
  await expect(page.getByText(/电子卷宗（副卷，仅承办人、局长、管理员可下载）/)).toBeVisible();
  // Opening the picker again shows them as attached already.
  await page.getByTestId('attach-from-efile').click();
  await expect(page.getByTestId('efile-picker').getByRole('checkbox', { name: '选择 网络查控反馈' })).toBeDisabled();
  await page.screenshot({ path: 'out/test-results/approvals-efile-picker-again.png' });
  const rows = server.app.sqlite.prepare('SELECT name FROM approval_attachments WHERE request_id = ? AND removed_at IS NULL ORDER BY id').all(d.request.id);
  expect(rows).toEqual([{ name: '网络查控反馈.pdf' }, { name: '合议庭评议笔录.pdf' }]);
});
