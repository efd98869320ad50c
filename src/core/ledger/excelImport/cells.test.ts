import { describe, expect, it } from 'vitest';
import { parseDateCell } from './dates';
import { parseAmountCell, unitFromHeader } from './amounts';
import { matchHeader } from './headers';
import { splitNames } from './text';
import { shortNames } from './courtIndex';
import { toClosure, toMode, toReasons, toState } from './valueMaps';

describe('dates as typed in ledgers', () => {
  it.each([
    ['2025-03-04', '2025-03-04'],
    ['2025/3/4', '2025-03-04'],
    ['2025.3.4', '2025-03-04'],
    ['2025年3月4日', '2025-03-04'],
    ['２０２５年３月４日', '2025-03-04'],
    ['二〇二五年三月十四日', '2025-03-14'],
    ['二〇二五年十二月三十一日', '2025-12-31'],
    ['20250304', '2025-03-04'],
    ['2025-03-04 00:00:00', '2025-03-04'],
    [45720, '2025-03-04'],
    ['45720', '2025-03-04'],
    [new Date(Date.UTC(2025, 2, 4)), '2025-03-04'],
  ])('%s → %s', (input, out) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: out });
  });
  it('1904 date system', () => {
    expect(parseDateCell(44258, { date1904: true })).toEqual({ ok: true, value: '2025-03-04' });
  });
  it.each(['2025-02-29', '2025-13-01', '2025/4/31', '明天', '3月4日', 1234.5, '12', '99999999', 0])('rejects %s', (input) => {
    expect(parseDateCell(input).ok).toBe(false);
  });
  it('fuzz: random strings and numbers never crash, and whatever passes is a real date', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const alphabet = '0123456789-/.年月日 二〇一三十号:T';
    for (let i = 0; i < 5000; i++) {
      const input = rnd() < 0.3 ? Math.floor(rnd() * 100000) - 1000 : Array.from({ length: Math.floor(rnd() * 14) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const r = parseDateCell(input);
      if (r.ok) expect(new Date(r.value + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(r.value);
      else expect(r.reason.length).toBeGreaterThan(0);
    }
  });
});

describe('amounts in 元 or 万元', () => {
  it.each([
    [1234.56, null, 123456],
    [12.5, '万元', 12_500_000],
    ['12.5万元', null, 12_500_000],
    ['12.5万', '元', 12_500_000],
    ['¥1,234.56', null, 123456],
    ['人民币3亿元', null, 30_000_000_000],
    ['１２３４元', null, 123400],
    ['1234.567', null, 123457],
    [0.07, null, 7],
    [0.1 + 0.2, null, 30],
  ] as const)('%s (%s) → %i fen', (input, unit, fen) => {
    const r = parseAmountCell(input, unit);
    expect(r.ok && r.fen).toBe(fen);
  });
  it.each([-1, '-5', '负100', '十万', 'abc', '1.2.3', '99999999999999万元'])('rejects %s', (input) => {
    expect(parseAmountCell(input, null).ok).toBe(false);
  });
  it('reads the unit from the header', () => {
    expect(unitFromHeader('标的金额（万元）')).toBe('万元');
    expect(unitFromHeader('标的额/万元')).toBe('万元');
    expect(unitFromHeader('到位金额(元)')).toBe('元');
    expect(unitFromHeader('执行标的')).toBeNull();
  });
  it('fuzz: never crashes, never negative', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const alphabet = '0123456789.,-万元亿¥ 人民币整';
    for (let i = 0; i < 5000; i++) {
      const s = Array.from({ length: Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const r = parseAmountCell(s, rnd() < 0.5 ? '万元' : null);
      if (r.ok) expect(Number.isInteger(r.fen) && r.fen >= 0).toBe(true);
    }
  });
});

describe('column names', () => {
  it.each([
    ['案号', 'caseNo'], ['执行案号', 'caseNo'], ['原案号', 'originalCaseNo'], ['申请人', 'applicants'], ['申请执行人', 'applicants'],
    ['被执行人', 'debtors'], ['标的额', 'amountDue'], ['执行标的', 'amountDue'], ['标的金额（万元）', 'amountDue'], ['标的金额(万元)', 'amountDue'],
    ['交叉方式', 'mode'], ['原执行法院', 'originalCourt'], ['承办法院', 'receivingCourt'], ['承办人', 'handler'], ['立案日期', 'filedOn'],
    ['收到申请日期', 'applicationReceivedOn'], ['结案日期', 'closedOn'], ['到位金额', 'recovered'], ['案 号', 'caseNo'], ['*案号', 'caseNo'],
    ['ＡＢ', null],
  ])('%s → %s', (h, f) => expect(matchHeader(h).field).toBe(f));
});

describe('values', () => {
  it('splits several parties but keeps a company name with brackets whole', () => {
    expect(splitNames('张三、李四；王五\n赵六')).toEqual(['张三', '李四', '王五', '赵六']);
    expect(splitNames('宜昌某（集团,控股）有限公司，张三')).toEqual(['宜昌某（集团,控股）有限公司', '张三']);
  });
  it('maps the words ledgers use', () => {
    expect(toMode('指令执行')).toBe('指令');
    expect(toMode('提级执行')).toBe('提级');
    expect(toMode('院内')).toBe('院内交叉');
    expect(toMode('交叉')).toBeNull();
    expect(toClosure('终本')).toBe('终结本次执行程序');
    expect(toState('已办结')).toBe('已结案');
    expect(toReasons('消极执行、超六个月、领导批示')).toEqual({ reasons: ['消极执行', '超六个月未执行', '其他'], other: '领导批示' });
  });
  it('knows the short names of a court', () => {
    expect(shortNames('宜昌市猇亭区人民法院')).toEqual(expect.arrayContaining(['猇亭区法院', '猇亭法院', '猇亭', '宜昌市猇亭区人民法院']));
    expect(shortNames('湖北省宜昌市中级人民法院')).toEqual(expect.arrayContaining(['宜昌中院', '宜昌市中院']));
    expect(shortNames('湖北省高级人民法院')).toEqual(expect.arrayContaining(['湖北高院', '湖北省高院']));
  });
});
