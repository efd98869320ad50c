import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../src/core/app';
import { createUser, toPublic } from '../../src/core/auth/users';
import { exportPackage } from '../../src/core/exchange/exportPackage';
import { ensureSigningKey, publicKeyPem } from '../../src/core/exchange/keys';
import { updateSettings } from '../../src/core/settings/settings';
import { test, expect, login } from './server';

/** Export a week from the UI (job with progress), then verify and open the package read-only. */
test('exports a week, then verifies and opens the package read-only', async ({ page, server }) => {
  createUser(server.app, { username: 'wangjz', displayName: '王局长', role: 'chief', password: 'password123' });
  await login(page, server.url, 'wangjz', 'password123');
  await page.goto(server.url + '#/exchange');
  await page.getByLabel('周次').fill('2025-W10');
  // One step (issue 14 §3): 生成 alone starts the download once the job is done — no second click.
  const saved = page.waitForEvent('download', { timeout: 20_000 });
  await page.getByRole('button', { name: '生成上报包' }).click();
  await expect(page.getByTestId('exchange-job')).toContainText('上报包已生成', { timeout: 20_000 });
  await expect(page.getByTestId('exchange-job')).toContainText('2025-W10_第1版.zip');
  const download = await saved;
  expect(download.suggestedFilename()).toMatch(/2025-W10_第1版\.zip$/);
  expect(fs.statSync(await download.path()).size).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-export.png') });

  // History shows the export.
  await page.getByRole('tab', { name: '导出记录' }).click();
  await expect(page.getByTestId('exchange-history')).toContainText('2025-W10');
  // …and any past export downloads again from there.
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 2025-W10 第1版' }).click();
  expect((await again).suggestedFilename()).toMatch(/2025-W10_第1版\.zip$/);

  // The package as the 中院 receives it: verify, then open.
  const downloads = path.join(server.dir, 'tmp', 'downloads');
  const zip = fs.readdirSync(downloads).find((f) => f.endsWith('.bin'))!;
  const copy = path.join(server.dir, 'received.zip');
  fs.copyFileSync(path.join(downloads, zip), copy);
  await page.getByRole('tab', { name: '校验并打开' }).click();
  await page.locator('input[type=file]').setInputFiles(copy);
  await expect(page.getByTestId('exchange-verified')).toContainText('校验通过');
  await expect(page.getByRole('tab', { name: /台账摘录/ })).toBeVisible();
  await page.getByRole('button', { name: '查看' }).first().click();
  await expect(page.locator('.mantine-Modal-content canvas').first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-open.png') });
  await page.keyboard.press('Escape');

  // A tampered copy is rejected with the reason.
  const buf = fs.readFileSync(copy);
  buf[200] ^= 0xff;
  const bad = path.join(server.dir, 'tampered.zip');
  fs.writeFileSync(bad, buf);
  await page.locator('input[type=file]').setInputFiles(bad);
  await expect(page.getByTestId('exchange-problems')).toContainText('校验未通过');
});

/**
 * The 中院's side (issue 7 §3): a package from another installation (夷陵) is refused until the
 * chief pins 夷陵's public key in 签名密钥 — fingerprint shown, court chosen — then it verifies as
 * pinned; removing the pin (with a reason, audited) makes it untrusted again.
 */
test('pins another court’s public key from the UI; its package then verifies as pinned', async ({ page, server }) => {
  test.setTimeout(90_000);
  // The sending court: its own installation and data folder.
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-e2e-yiling-'));
  const other = openCore({ dataDir: otherDir });
  try {
    updateSettings(other, { courtName: '宜昌市夷陵区人民法院', courtCode: '鄂0506' });
    const clerk = toPublic(createUser(other, { username: 'zhousj', displayName: '周书记员', role: 'clerk', password: 'password123' }));
    const pkg = path.join(server.dir, '夷陵上报包.zip');
    await exportPackage(other, clerk, { week: '2025-W10', cases: [], includeVolumes: false, includeDocuments: false, includeSecondary: false }, pkg);
    const key = ensureSigningKey(other);
    const pem = path.join(server.dir, `上报包签名公钥-${key.keyId}.pem`);
    fs.writeFileSync(pem, publicKeyPem(other, key.keyId));

    createUser(server.app, { username: 'wangjz', displayName: '王局长', role: 'chief', password: 'password123' });
    await login(page, server.url, 'wangjz', 'password123');
    await page.goto(server.url + '#/exchange');

    // Not pinned yet: refused, and the signer is shown as unknown.
    await page.getByRole('tab', { name: '校验并打开' }).click();
    await page.locator('input[type=file]').setInputFiles(pkg);
    await expect(page.getByTestId('exchange-problems')).toContainText('未被信任');
    await expect(page.getByTestId('exchange-signer')).toHaveText('未登记的密钥');

    // Pin: upload the .pem, read the fingerprint, choose the court, confirm the comparison.
    await page.getByRole('tab', { name: '签名密钥' }).click();
    await expect(page.getByTestId('pinned-keys-empty')).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(pem);
    await expect(page.getByTestId('pin-fingerprint')).toHaveText(key.fingerprint.replace(/(.{4})/g, '$1 ').trim());
    await expect(page.getByTestId('pin-confirm')).toBeDisabled();
    await page.getByTestId('pin-court').click();
    await page.getByRole('option', { name: /宜昌市夷陵区人民法院（鄂0506）/ }).click();
    await page.getByTestId('pin-compared').check();
    await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-pin.png') });
    await page.getByTestId('pin-confirm').click();
    await expect(page.getByTestId('pinned-keys')).toContainText('宜昌市夷陵区人民法院（鄂0506）');
    await expect(page.getByTestId('pinned-keys')).toContainText(key.keyId);
    await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-pinned.png'), fullPage: true });

    // Now the package verifies, and says whose pinned key signed it.
    await page.getByRole('tab', { name: '校验并打开' }).click();
    await page.locator('input[type=file]').setInputFiles(pkg);
    await expect(page.getByTestId('exchange-verified')).toContainText('校验通过');
    await expect(page.getByTestId('exchange-signer')).toHaveText('已登记：宜昌市夷陵区人民法院（鄂0506）');
    await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-open-pinned.png') });

    // Remove the pin with a reason: audited, and the package is untrusted again.
    await page.getByRole('tab', { name: '签名密钥' }).click();
    await page.getByRole('button', { name: '撤销登记 宜昌市夷陵区人民法院' }).click();
    await page.getByTestId('unpin-reason').fill('夷陵法院已更换密钥');
    await page.getByTestId('unpin-confirm').click();
    await expect(page.getByTestId('pinned-keys-empty')).toBeVisible();
    const audit = server.app.sqlite.prepare(`SELECT call, summary FROM audit_log WHERE call LIKE 'exchange.trust.%' ORDER BY id`).all() as { call: string; summary: string }[];
    expect(audit.map((a) => a.call)).toEqual(['exchange.trust.pin', 'exchange.trust.remove']);
    expect(audit[1]!.summary).toContain('夷陵法院已更换密钥');
    await page.getByRole('tab', { name: '校验并打开' }).click();
    await page.locator('input[type=file]').setInputFiles(pkg);
    await expect(page.getByTestId('exchange-problems')).toContainText('未被信任');
  } finally {
    other.close();
    fs.rmSync(otherDir, { recursive: true, force: true });
  }
});
