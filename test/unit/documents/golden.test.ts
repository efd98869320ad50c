import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { renderFormPdf, renderLetterPdf } from '../../../src/core/approvals/documents/renderPdf';
import type { ApprovalForm, Letter } from '../../../src/core/approvals/documents/model';

/**
 * Layout goldens (issue 13): the 报请函 and the 审批表 rendered from fixed content, their text read back
 * with pdf.js with each run's position, compared with test/golden/*.json within 1.5 pt. A change of
 * margins, fonts, line pitch or wrapping moves text and fails here; a deliberate layout change is
 * re-recorded with UPDATE_GOLDEN=1 after looking at the pages (pdftoppm, below).
 */
const GOLDEN = path.resolve(import.meta.dirname, '../../golden');
const TOLERANCE = 1.5;

type Run = { page: number; str: string; x: number; y: number; size: number };

async function runs(bytes: Buffer): Promise<Run[]> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const out: Run[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const items = (await (await doc.getPage(p)).getTextContent()).items;
    for (const it of items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const r = (n: number) => Math.round(n * 10) / 10;
      out.push({ page: p, str: it.str, x: r(it.transform[4]!), y: r(it.transform[5]!), size: r(Math.hypot(it.transform[0]!, it.transform[1]!)) });
    }
  }
  await task.destroy();
  return out;
}

async function compare(name: string, bytes: Buffer) {
  const got = await runs(bytes);
  const file = path.join(GOLDEN, `${name}.json`);
  if (process.env.UPDATE_GOLDEN || !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(got, null, 1) + '\n');
  const want = JSON.parse(fs.readFileSync(file, 'utf8')) as Run[];
  expect(got.map((r) => `${r.page}:${r.str}`)).toEqual(want.map((r) => `${r.page}:${r.str}`));
  got.forEach((r, i) => {
    const w = want[i]!;
    expect(Math.abs(r.x - w.x), `x of “${r.str}”`).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(r.y - w.y), `y of “${r.str}”`).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(r.size - w.size), `size of “${r.str}”`).toBeLessThanOrEqual(0.2);
  });
  return got;
}

/** Renders every page to PNG (poppler's pdftoppm, on CI too) so a page that cannot be drawn fails. */
function pngPages(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  fs.writeFileSync(path.join(dir, 'd.pdf'), bytes);
  execFileSync('pdftoppm', ['-r', '40', '-png', path.join(dir, 'd.pdf'), path.join(dir, 'p')]);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
}

const letter: Letter = {
  kind: '报请函',
  court: '宜昌市猇亭区人民法院',
  docNo: '猇法执函〔2026〕1号',
  title: '关于报请指令其他法院执行（2025）鄂0505执399号案件的函',
  titleParts: ['关于报请', '指令其他法院执行', '（2025）鄂0505执399号案件', '的函'],
  addressee: '湖北省宜昌市中级人民法院',
  paragraphs: [
    '本院执行的（2025）鄂0505执399号申请执行人包玉珍与被执行人冉光荣机动车交通事故责任纠纷一案，因自收到申请执行书之日起超过六个月未执行完毕，经本院执行局长于2026年3月20日审批同意，根据《中华人民共和国民事诉讼法》第二百三十七条及《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》第十条的规定，特报请贵院对该案指令其他法院执行，建议由宜昌市西陵区人民法院执行。',
    '一、执行经过：立案后已发出执行通知书、报告财产令，网络查控发现被执行人名下异地不动产一处，本院处置困难。',
    '二、财产情况：异地不动产一处（已查封），银行存款少量。',
    '特此函请，请予审查决定。',
  ],
  attachments: ['财产查控报告', '不动产查封裁定书'],
  contact: '联系人：张承办，联系电话：0717-6512345',
  signDate: '2026年3月20日',
};

const form: ApprovalForm = {
  court: '宜昌市猇亭区人民法院',
  title: '交叉执行报请审批表',
  serial: '审批编号：1-1',
  rows: [
    { label: '案号', value: '（2025）鄂0505执399号' },
    { label: '案由', value: '机动车交通事故责任纠纷' },
    { label: '收到申请日期', value: '2025年8月29日' },
    { label: '六个月届满日', value: '2026年3月10日，已超过六个月' },
    { label: '已扣除期间', value: '公告 2025年10月21日至2025年11月20日；共扣除31日' },
    { label: '承办人意见', value: '建议报请指令其他法院执行。', signer: '张承办', date: '2026年3月20日' },
    { label: '执行局长审批意见', value: '同意报请，请承办人三日内整理卷宗材料。', signer: '王局长', date: '2026年3月20日' },
  ],
  footer: '本表根据审批记录生成（2026年3月20日），归入副卷。',
};

describe('document layout goldens', () => {
  it('报请函: 信函格式 positions, no number on page 1, title broken between its parts', async () => {
    const bytes = await renderLetterPdf(letter);
    const got = await compare('letter', bytes);
    const mark = got.find((r) => r.str.replace(/\s+/g, '') === '宜昌市猇亭区人民法院' && r.page === 1)!;
    // 标志 near 30 mm from the top of an A4 page (841.9 pt high): its baseline a 28 pt face lower.
    expect(841.9 - mark.y).toBeGreaterThan(30 * 2.835 + 10);
    expect(841.9 - mark.y).toBeLessThan(30 * 2.835 + 32);
    expect(got.some((r) => r.page === 1 && /—\s*1\s*—/.test(r.str))).toBe(false);
    expect(got.filter((r) => r.size > 21 && r.size < 23).map((r) => r.str)).toEqual(['关于报请指令其他法院执行', '（2025）鄂0505执399号案件的函']);
    expect(pngPages(bytes).length).toBeGreaterThanOrEqual(1);
  });

  it('审批表: one page, the note in the foot margin', async () => {
    const bytes = await renderFormPdf(form);
    const got = await compare('form', bytes);
    expect(new Set(got.map((r) => r.page))).toEqual(new Set([1]));
    expect(pngPages(bytes)).toHaveLength(1);
  });
});
