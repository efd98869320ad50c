import fs from 'node:fs';
import path from 'node:path';
import type { CoreApp } from '../../src/core/app';
import type { UserPublic } from '../../src/contract/calls/common';
import { loadDemoData } from '../../src/core/demo/demo';
import { generateDocuments } from '../../src/core/approvals/documents/generate';
import { documentFile } from '../../src/core/approvals/documents/store';
import { createRequest, submitRequest } from '../../src/core/approvals/requests';
import { decideRequest } from '../../src/core/approvals/decide';
import { generateWeeklyReportFiles } from '../../src/core/reports/weeklyFiles';
import { bindVolume } from '../../src/core/efiles/bind/bindVolume';
import { writeLedgerWorkbook } from '../../src/core/ledger/excelImport/exportWorkbook';
import { exportRowsByCase } from '../../src/core/ledger/excelImport/exportRows';
import { testCore, type TestCore } from './core';

/**
 * Every kind of document the app writes, generated from the demo data at a fixed instant into one
 * folder: 审批表 and 报请函 (PDF + DOCX), 移送函, the weekly report (PDF, DOCX, XLSX), both bound
 * volumes of a demo case and the ledger export. Used by the layout tests (test/unit/documents) and
 * by `npx tsx test/support/documentSet.ts <dir>` to look at the pages.
 */
export const DOCUMENT_SET_NOW = '2026-03-20T02:00:00Z';

export type DocumentSet = { dir: string; files: Record<string, string>; t: TestCore };

const userOf = (app: CoreApp, username: string): UserPublic =>
  app.sqlite.prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?').get(username) as UserPublic;

export async function buildDocumentSet(outDir: string): Promise<DocumentSet> {
  fs.mkdirSync(outDir, { recursive: true });
  const t = testCore({ now: DOCUMENT_SET_NOW });
  const admin = t.as('admin', '系统管理员');
  t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
  const app = t.app;
  const handler = userOf(app, 'zhangcb');
  const chief = userOf(app, 'wangjz');
  const files: Record<string, string> = {};
  const copy = (key: string, src: string, ext: string) => {
    const to = path.join(outDir, `${key}.${ext}`);
    fs.copyFileSync(src, to);
    files[`${key}.${ext}`] = to;
  };

  // A 委托 request too, for the 移送函.
  const free = app.sqlite
    .prepare("SELECT c.id FROM cases c WHERE c.closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = c.id) AND NOT EXISTS (SELECT 1 FROM approval_request_cases l WHERE l.case_id = c.id) ORDER BY c.id LIMIT 1")
    .get() as { id: number } | undefined;
  const other = app.sqlite.prepare("SELECT code FROM courts WHERE level = '基层' ORDER BY code DESC LIMIT 1").get() as { code: string };
  if (free) {
    const id = createRequest(app, handler, {
      mode: '委托',
      caseIds: [free.id],
      reasons: ['力量不足'],
      receivingCourtCode: other.code,
      summaryProcess: '立案后已发出执行通知书、报告财产令，被执行人主要财产在受托法院辖区。',
      summaryProperty: '受托法院辖区内车辆一台（已查封）。',
      summaryGrounds: '财产在异地，委托财产所在地法院执行更为便利。',
    });
    submitRequest(app, handler, id);
    decideRequest(app, chief, id, '同意', '同意委托执行。');
  }

  const requests = app.sqlite.prepare('SELECT id, state, mode FROM approval_requests ORDER BY id').all() as { id: number; state: string; mode: string }[];
  for (const r of requests) {
    const docs = await generateDocuments(app, r.state === '待审批' ? handler : chief, r.id);
    for (const d of docs) {
      const f = documentFile(app, d.id);
      copy(`${d.kind}-${r.id}`, f.file, d.format);
    }
  }

  const { files: weekly } = await generateWeeklyReportFiles(app, { week: '2026-W11', userId: handler.id });
  for (const w of weekly) {
    const to = path.join(outDir, `周报.${w.kind}`);
    fs.writeFileSync(to, w.bytes);
    files[`周报.${w.kind}`] = to;
  }

  const withFiles = app.sqlite.prepare("SELECT case_id AS id FROM efile_documents WHERE volume = '副卷' GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1").get() as { id: number };
  for (const volume of ['正卷', '副卷'] as const) {
    const to = path.join(outDir, `卷宗-${volume}.pdf`);
    await bindVolume(app, { caseId: withFiles.id, volume, outPath: to, userId: userOf(app, 'lisj').id });
    files[`卷宗-${volume}.pdf`] = to;
  }

  const ids = (app.sqlite.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((c) => c.id);
  const ledger = path.join(outDir, '台账.xlsx');
  await writeLedgerWorkbook(ledger, `交叉执行台账（导出于 2026-03-20；共 ${ids.length} 件）`, exportRowsByCase(app, ids));
  files['台账.xlsx'] = ledger;
  return { dir: outDir, files, t };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const out = path.resolve(process.argv[2] ?? 'document-set');
  const set = await buildDocumentSet(out);
  console.log(Object.keys(set.files).join('\n'));
  set.t.cleanup();
}
