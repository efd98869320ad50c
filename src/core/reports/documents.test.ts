import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import yauzl from 'yauzl';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { buildReportFixture } from '../../../test/support/reportFixture';
import { generateWeeklyReportFiles, type WeeklyReportFile } from './weeklyFiles';
import type { WeeklyFigures } from './weeklyFigures';

/**
 * The text inside the generated DOCX and PDF says what the figures say. Set REPORT_LOOK=<dir> to
 * keep the files there for looking at (pdftoppm / libreoffice).
 */
let t: TestCore;
let files: WeeklyReportFile[];
let figures: WeeklyFigures;
beforeAll(async () => {
  t = testCore({ now: '2025-01-01T02:00:00Z' });
  const staff = t.as('staff', '张承办');
  const fx = buildReportFixture(t.app, t.setNow, staff.user);
  fx.later();
  t.setNow('2025-03-20T01:00:00Z');
  ({ files, figures } = await generateWeeklyReportFiles(t.app, { week: '2025-W11', userId: staff.user.id }));
  const look = process.env.REPORT_LOOK;
  if (look) {
    fs.mkdirSync(look, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(look, f.fileName), f.bytes);
  }
});
afterAll(() => t.cleanup());

const file = (kind: string) => files.find((f) => f.kind === kind)!;

function unzipEntry(buf: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.readEntry();
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in zip`)));
    });
  });
}

/** What a reader sees: text of the runs, paragraph by paragraph. */
const docxText = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');

describe('the generated files', () => {
  it('names the three files by week', () => {
    expect(files.map((f) => f.fileName)).toEqual(['交叉执行周报-2025-W11.docx', '交叉执行周报-2025-W11.xlsx', '交叉执行周报-2025-W11.pdf']);
  });

  it('DOCX: GB/T 9704 page, East Asian fonts, the figures in the text', async () => {
    const xml = await unzipEntry(file('docx').bytes, 'word/document.xml');
    // A4 portrait 11906 × 16838 twips; margins 37/35/28/26 mm.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"[^>]*w:bottom="1984"[^>]*w:left="1587"|w:top="2098"/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('<w:sz w:val="32"/>');
    const text = docxText(xml);
    expect(text).toContain('宜昌市猇亭区人民法院交叉执行工作周报');
    expect(text).toContain('（2025年第11周：2025年3月10日至3月16日）');
    expect(text).toContain('本周新增交叉执行案件0件，累计4件，其中在办3件；本周取得实质进展或者化解0件，累计3件；本周执行到位金额2.00万元，累计220.00万元。');
    expect(text).toContain('补录 2025-03-09 执行进展（实质进展），到位 3.00 万元');
    expect(text).toContain('（2024）鄂0505执10号');
    const footer = await unzipEntry(file('docx').bytes, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    const media = await unzipEntry(file('docx').bytes, 'word/_rels/document.xml.rels');
    expect(media.match(/media\/[^"]+\.png/g)?.length).toBe(2);
  });

  it('PDF: embedded Chinese font, the figures in the extracted text', () => {
    const dir = fs.mkdtempSync(path.join(t.dir, 'pdf-'));
    const p = path.join(dir, 'r.pdf');
    fs.writeFileSync(p, file('pdf').bytes);
    const fonts = execFileSync('pdffonts', [p]).toString();
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(fonts.split('\n').slice(2).filter(Boolean).every((l) => /\byes\b/.test(l))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', p, '-']).toString().replace(/[ \t]+/g, ' ');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('宜昌市猇亭区人民法院交叉执行工作周报');
    expect(flat).toContain('本周执行到位金额2.00万元，累计220.00万元');
    expect(flat).toContain('累计4件，其中在办3件');
    expect(flat).toContain('—1—');
    expect(flat).toContain('（2024）鄂0505执10号');
    // Table 1 row: 执行到位金额 2.00 / 220.00.
    expect(text).toMatch(/执行到位金额（万元）\s+2\.00\s+220\.00/);
  });

  it('XLSX: summary and detail sheets with formats, frozen header and filter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file('xlsx').bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '逾期事项', '无进展案件', '更正说明']);
    const s = wb.getWorksheet('汇总')!;
    const money = s.getRow(7);
    expect([money.getCell(1).value, money.getCell(2).value, money.getCell(3).value]).toEqual(['执行到位金额（万元）', 2, 220]);
    expect(money.getCell(3).numFmt).toBe('#,##0.00');
    const d = wb.getWorksheet('明细')!;
    expect(d.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(d.autoFilter).toBeTruthy();
    expect(d.getRow(2).getCell(2).value).toBe('案号');
    expect(d.rowCount).toBe(2 + figures.rows.length);
    const a = d.getRow(3);
    expect([a.getCell(2).value, a.getCell(10).value, a.getCell(11).value]).toEqual(['（2024）鄂0505执10号', 2, 17]);
    expect(a.getCell(11).numFmt).toBe('#,##0.00');
    expect(wb.getWorksheet('更正说明')!.rowCount).toBe(2 + 3);
  });
});
