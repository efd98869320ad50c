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
    expect(text).toContain('本周新增交叉执行案件0件，累计4件，其中在办3件；本周取得实质进展或者化解0件，累计3件；本周执行到位金额2.00万元，累计20.00万元。另有执行权在他院的案件（本院移出或仅协助执行）1件，累计到位200.00万元（本周0.00万元），由现承办法院统计，未计入本院执行到位金额。');
    expect(text).toContain('补录 2025-03-09 执行进展（实质进展），到位 3.00 万元');
    expect(text).toContain('（2024）鄂0505执10号');
    // GB/T 9704 §7.2–7.3 (issue 13): 发文字号, 主送机关, 附件说明, 署名 and 成文日期; the 标志 in red.
    expect(text).toContain('猇法执周〔2025〕11号');
    expect(text).toContain('宜昌市中级人民法院执行局：');
    expect(text).toContain('附件：交叉执行工作周报图表');
    expect(text).toContain('2025年3月20日');
    expect(xml).toMatch(/<w:color w:val="E60012"\/>[\s\S]{0,400}宜昌市猇亭区人民法院/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    // Every run tagged zh-CN, so no Japanese face lays out the Chinese text.
    const textRuns = xml.split('<w:r>').slice(1).map((r) => r.split('</w:r>')[0]!).filter((r) => r.includes('<w:t'));
    expect(textRuns.length).toBeGreaterThan(100);
    expect(textRuns.filter((r) => !r.includes('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>'))).toEqual([]);
    const fonts = await unzipEntry(file('docx').bytes, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="Noto Serif CJK SC"/>');
    // Odd and even footers: the page number on the outer side.
    const settings = await unzipEntry(file('docx').bytes, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
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
    expect(flat).toContain('本周执行到位金额2.00万元，累计20.00万元');
    expect(flat).toContain('累计4件，其中在办3件');
    expect(flat).toContain('—1—');
    expect(flat).toContain('（2024）鄂0505执10号');
    // Table 1 row: 执行到位金额 2.00 / 20.00.
    expect(text).toMatch(/执行到位金额（万元）\s+2\.00\s+20\.00/);
    expect(flat).toContain('猇法执周〔2025〕11号');
    expect(flat).toContain('宜昌市中级人民法院执行局：');
  });

  it('PDF: page numbers on the outer side — odd pages right, even pages left (GB/T 9704 §7.5)', async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = lib.getDocument({ data: new Uint8Array(file('pdf').bytes), verbosity: 0 });
    const doc = await task.promise;
    expect(doc.numPages).toBeGreaterThan(1);
    for (let i = 1; i <= Math.min(doc.numPages, 4); i++) {
      const page = await doc.getPage(i);
      const width = page.getViewport({ scale: 1 }).width;
      const items = (await page.getTextContent()).items.filter((it) => 'str' in it && it.str.includes(`${i} —`)) as { transform: number[] }[];
      expect(items.length, `page ${i} number`).toBe(1);
      const x = items[0]!.transform[4]!;
      if (i % 2) expect(x, `page ${i}`).toBeGreaterThan(width / 2);
      else expect(x, `page ${i}`).toBeLessThan(width / 2);
    }
    await task.destroy();
  });

  it('XLSX: summary and detail sheets with formats, frozen header and filter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file('xlsx').bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '逾期事项', '无进展案件', '更正说明']);
    const s = wb.getWorksheet('汇总')!;
    const money = s.getRow(7);
    expect([money.getCell(1).value, money.getCell(2).value, money.getCell(3).value]).toEqual(['执行到位金额（万元）', 2, 20]);
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
    // Every sheet prints on A4, one page wide, title and header repeated; the wide 明细 in landscape (issue 13).
    for (const ws of wb.worksheets) expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(d.pageSetup.orientation).toBe('landscape');
    expect(s.pageSetup.orientation).toBe('portrait');
    expect(String(d.pageSetup.printArea).replace(/\$/g, '')).toBe(`A1:M${2 + figures.rows.length}`);
  });
});
