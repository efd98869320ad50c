import { defineConfig } from '@playwright/test';
import path from 'node:path';

/** UI tests drive Debian's Chromium against browser mode (no Electron binary can be had here). */
export default defineConfig({
  testDir: path.resolve(import.meta.dirname, 'e2e'),
  outputDir: path.resolve(import.meta.dirname, '../out/test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
  },
});
