import { describe, expect, it } from 'vitest';
import { checkCaseNo as parseCaseNumber } from '../../contract/caseNumber';
import { parseCreditCode, withCreditCheckChar } from './creditCode';
import { isLegalDate, plusDays } from './dates';
import { parseIdNumber, withIdCheckDigit } from './idNumber';
import { formatFen, parseMoney } from './money';
import { parseAmountCell } from './excelImport/amounts';
import { parseDateCell } from './excelImport/dates';

/**
 * Generated inputs for the ledger's parsers (issue 3, "Bad input"): none may throw, every input an
 * independent oracle calls invalid is rejected, and valid values round-trip. A seeded PRNG keeps
 * failures reproducible (the seed is in the test name); no dependency needed.
 */
const SEED = 20261123;
const N = 3000;

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a: number, b: number) => a + Math.floor(next() * (b - a + 1));
  const pick = <T>(xs: readonly T[] | string): T => (xs as readonly T[])[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}
type R = ReturnType<typeof prng>;

const PROVINCES = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵';
const TYPES = ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他', '执请'];
/** Characters mutations draw from: the ones 案号, IDs and dates are made of, plus look-alikes and junk. */
const NOISE = '0123456789（）()【】〔〕执恢保异复监协他字第号鄂京最高法年月日-/. XxOoIl０１２３４５６７８９\u3000\t\n\u200b😀';

function mutate(r: R, s: string): string {
  const chars = [...s];
  const k = r.int(0, 4);
  const i = r.int(0, Math.max(0, chars.length - 1));
  if (k === 0) chars.splice(i, 1);
  else if (k === 1) chars.splice(i, 0, r.pick([...NOISE]));
  else if (k === 2) chars[i] = r.pick([...NOISE]);
  else if (k === 3 && chars.length > 1) [chars[i], chars[(i + 1) % chars.length]] = [chars[(i + 1) % chars.length]!, chars[i]!];
  else chars.push(...r.pick(['号', '1', '）', ' ', '字第']));
  return chars.join('');
}

function junk(r: R, max = 30): string {
  return Array.from({ length: r.int(0, max) }, () => (r.next() < 0.7 ? r.pick([...NOISE]) : String.fromCharCode(r.int(0x20, 0x9fff)))).join('');
}

// ---- 案号 -------------------------------------------------------------------------------------
/** This year in China time: a 收案年度 after it cannot exist yet. */
const YEAR_MAX = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
/**
 * Oracle written apart from the parser: the rule of 法〔2015〕137号 as the domain brief §3 states it —
 * 2016-style numbers from 2016 to this year; pre-2016 numbers with a Chinese court abbreviation and 字第;
 * at most 9 significant digits; a number ≥ 1.
 */
function caseNoOracle(raw: string): boolean {
  const s = raw.normalize('NFKC').replace(/\s/g, '').replace(/[(〔[【]/g, '（').replace(/[)〕\]】]/g, '）');
  if (raw.length > 60) return false;
  const court = `(最高法|[${PROVINCES}](?:\\d{2}|\\d{4})?)`;
  const seqOk = (d: string) => Number(d) >= 1 && d.replace(/^0+/, '').length <= 9;
  const modern = new RegExp(`^（(\\d{4})）${court}(知|海|金|铁)?(执恢|执保|执异|执复|执监|执协|执他|执请|执)(\\d+)号$`).exec(s);
  if (modern) return Number(modern[1]) >= 2016 && Number(modern[1]) <= YEAR_MAX && seqOk(modern[5]!);
  const legacy = /^（(\d{4})）([\u4e00-\u9fff]+?)(执恢|执保|执异|执复|执监|执协|执他|执请|执)字第(\d+)号$/.exec(s);
  return !!legacy && legacy[2]!.length <= 12 && Number(legacy[1]) >= 1950 && Number(legacy[1]) < 2016 && seqOk(legacy[4]!);
}

function validCaseNo(r: R): { raw: string; year: number; court: string; type: string; seq: number } {
  const year = r.int(2016, YEAR_MAX);
  const p = r.pick([...PROVINCES]);
  const court = r.next() < 0.05 ? '最高法' : p + r.pick(['', String(r.int(1, 99)).padStart(2, '0'), String(r.int(101, 9999)).padStart(4, '0')]);
  const type = r.pick(TYPES);
  const seq = r.int(1, 99999);
  const [o, c] = r.pick([['（', '）'], ['(', ')'], ['〔', '〕'], ['（', ')']]);
  const sp = () => (r.next() < 0.2 ? r.pick([' ', '\u3000', '\t']) : '');
  return { raw: `${sp()}${o}${year}${c}${sp()}${court}${type}${seq}号${sp()}`, year, court, type, seq };
}

describe(`案号 fuzz (seed ${SEED})`, () => {
  it('valid numbers in any bracket/space style parse to their parts and round-trip', () => {
    const r = prng(SEED);
    for (let i = 0; i < N; i++) {
      const v = validCaseNo(r);
      const p = parseCaseNumber(v.raw);
      expect(p.ok, v.raw).toBe(true);
      if (!p.ok) continue;
      expect(p.value).toMatchObject({ year: v.year, courtCode: v.court, typeCode: v.type, seq: v.seq, legacy: false, key: p.value.caseNo });
      expect(p.value.caseNo).toBe(`（${v.year}）${v.court}${v.type}${v.seq}号`);
      const again = parseCaseNumber(p.value.caseNo);
      expect(again.ok && again.value.caseNo).toBe(p.value.caseNo);
    }
  });

  it('mutated and random inputs never throw and are accepted only when the rule allows them', () => {
    const r = prng(SEED + 1);
    let rejected = 0;
    for (let i = 0; i < N * 3; i++) {
      const base = validCaseNo(r).raw;
      const raw = i % 3 === 2 ? junk(r) : mutate(r, i % 3 === 1 ? mutate(r, base) : base);
      const p = parseCaseNumber(raw);
      expect(p.ok, JSON.stringify(raw)).toBe(caseNoOracle(raw));
      if (!p.ok) {
        rejected++;
        expect(p.reason).toMatch(/[\u4e00-\u9fff]/); // a Chinese reason
      }
    }
    expect(rejected).toBeGreaterThan(N); // the generator really produces bad input
    for (const v of [undefined, null, 42, {}, [], '', ' '.repeat(100), '（2025）鄂0505执' + '9'.repeat(200) + '号']) {
      expect(parseCaseNumber(v as never).ok).toBe(false);
    }
  });
});

// ---- 身份证号 / 统一社会信用代码 ------------------------------------------------------------
function idOracle(raw: string): boolean {
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  // GB/T 2260 provinces (81–83: 港澳台居民居住证, only as xx0000); never a province-level xx0000 otherwise.
  const province = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'].includes(s.slice(0, 2));
  const region = province && (s.slice(2, 6) !== '0000' || ['81', '82', '83'].includes(s.slice(0, 2)));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return '10X98765432'[sum % 11] === s[17] && region && isLegalDate(birth) && birth >= '1900-01-01' && birth <= today;
}

function validId(r: R): { id: string; birth: string } {
  const birth = plusDays('1900-01-01', r.int(0, 45_000));
  const region = `${r.pick(['11', '13', '31', '42', '44', '51', '65'])}${String(r.int(1, 99)).padStart(2, '0')}${String(r.int(0, 99)).padStart(2, '0')}`;
  return { id: withIdCheckDigit(`${region}${birth.replace(/-/g, '')}${String(r.int(0, 999)).padStart(3, '0')}`), birth };
}

const CC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function ccOracle(raw: string): boolean {
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  const w = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));
  const sum = w.reduce((a, x, i) => a + x * CC.indexOf(s[i]!), 0);
  return CC[(31 - (sum % 31)) % 31] === s[17];
}

function validCc(r: R): string {
  const head = r.pick(['91', '92', '93', '11', '12', '51', '52', '53', 'Y1']);
  const region = String(r.int(110000, 659999));
  return withCreditCheckChar(head + region + Array.from({ length: 9 }, () => r.pick(CC)).join(''));
}

describe(`ID number and credit code fuzz (seed ${SEED})`, () => {
  it('valid IDs round-trip with birth date and sex; any single changed character is caught', () => {
    const r = prng(SEED + 2);
    for (let i = 0; i < N; i++) {
      const { id, birth } = validId(r);
      const p = parseIdNumber(r.next() < 0.3 ? ` ${id.toLowerCase()} ` : id);
      expect(p.ok, id).toBe(true);
      if (p.ok) {
        expect(p.value).toBe(id);
        expect(p.birthDate).toBe(birth);
        expect(p.sex).toBe(Number(id[16]) % 2 ? '男' : '女');
      }
      // ISO 7064 MOD 11-2 detects every single substitution.
      const pos = r.int(0, 17);
      const sub = r.pick('0123456789X'.replace(id[pos]!, ''));
      const broken = id.slice(0, pos) + sub + id.slice(pos + 1);
      expect(parseIdNumber(broken).ok, broken).toBe(idOracle(broken));
      if (pos < 17 && sub !== 'X') expect(parseIdNumber(broken).ok, broken).toBe(false);
    }
  });

  it('valid credit codes round-trip; single substitutions and junk are rejected', () => {
    const r = prng(SEED + 3);
    for (let i = 0; i < N; i++) {
      const cc = validCc(r);
      const p = parseCreditCode(r.next() < 0.3 ? cc.toLowerCase() : cc);
      expect(p.ok && p.value, cc).toBe(cc);
      const pos = r.int(0, 17);
      const broken = cc.slice(0, pos) + r.pick(CC.replace(cc[pos]!, '')) + cc.slice(pos + 1);
      expect(parseCreditCode(broken).ok, broken).toBe(false);
    }
    for (let i = 0; i < N; i++) {
      const raw = i % 2 ? junk(r, 20) : mutate(r, validCc(r));
      expect(parseIdNumber(raw).ok, raw).toBe(idOracle(raw));
      expect(parseCreditCode(raw).ok, raw).toBe(ccOracle(raw));
    }
    for (const v of [undefined, null, 1, {}]) {
      expect(parseIdNumber(v as never).ok).toBe(false);
      expect(parseCreditCode(v as never).ok).toBe(false);
    }
  });
});

// ---- dates -----------------------------------------------------------------------------------
function isoOracle(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

describe(`date fuzz (seed ${SEED})`, () => {
  it('every real date in every spreadsheet style parses to the same legal date; serials agree', () => {
    const r = prng(SEED + 4);
    for (let i = 0; i < N; i++) {
      const iso = plusDays('1950-01-01', r.int(0, 54_000));
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const styles = [iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, ''), `${y}年${m}月${d}日`.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))];
      for (const s of styles) {
        const p = parseDateCell(s);
        expect(p.ok && p.value, s).toBe(iso);
      }
      expect(isLegalDate(iso)).toBe(true);
      const serial = Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
      expect(parseDateCell(serial)).toEqual({ ok: true, value: iso });
      expect(parseDateCell(new Date(iso + 'T00:00:00Z'))).toEqual({ ok: true, value: iso });
    }
  });

  it('impossible dates and junk are rejected with a reason; nothing throws', () => {
    const r = prng(SEED + 5);
    for (let i = 0; i < N; i++) {
      const y = r.int(1950, 2100);
      const m = r.int(0, 14);
      const d = r.int(0, 33);
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(isLegalDate(iso), iso).toBe(isoOracle(y, m, d));
      for (const s of [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`]) {
        const p = parseDateCell(s);
        expect(p.ok, s).toBe(isoOracle(y, m, d));
        if (p.ok) expect(p.value).toBe(iso);
      }
      const raw = i % 2 ? junk(r, 16) : mutate(r, iso);
      const p = parseDateCell(raw);
      if (p.ok) {
        expect(isLegalDate(p.value), `${raw} → ${p.value}`).toBe(true);
        expect(p.value >= '1950-01-01' && p.value <= '2100-12-31').toBe(true);
      } else expect(p.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(isLegalDate(raw)).toBe(/^\d{4}-\d{2}-\d{2}$/.test(raw) && isoOracle(+raw.slice(0, 4), +raw.slice(5, 7), +raw.slice(8, 10)));
    }
    for (const v of [NaN, Infinity, -1, 0, 1e308, new Date('x'), null, undefined, {}, true]) expect(parseDateCell(v).ok).toBe(false);
  });
});

// ---- amounts ---------------------------------------------------------------------------------
describe(`amount fuzz (seed ${SEED})`, () => {
  it('amounts in 元 or 万元, with separators, symbols and full-width digits, give the same fen', () => {
    const r = prng(SEED + 6);
    for (let i = 0; i < N; i++) {
      const fen = r.next() < 0.1 ? r.int(0, 99) : r.int(0, 2_000_000_000) * (r.next() < 0.5 ? 1 : 100);
      const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      const grouped = formatFen(fen);
      for (const s of [yuan, grouped, `${yuan}元`, `¥${grouped}`, `人民币${yuan}`, yuan.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]) {
        const p = parseMoney(s);
        expect(p.ok && p.fen, s).toBe(fen);
      }
      // 万元: fen / 1e6 exactly as a decimal string
      const wan = `${Math.floor(fen / 1_000_000)}.${String(fen % 1_000_000).padStart(6, '0')}`;
      expect(parseMoney(wan, '万元')).toEqual({ ok: true, fen });
      expect(parseMoney(`${wan}万元`)).toEqual({ ok: true, fen });
      const cell = parseAmountCell(yuan, '元');
      expect(cell.ok && cell.fen, yuan).toBe(fen);
      const cellWan = parseAmountCell(`${wan}万元`, null);
      expect(cellWan.ok && cellWan.fen, wan).toBe(fen);
      expect(parseAmountCell(fen / 100, '元')).toMatchObject({ ok: true, fen });
    }
  });

  it('negative, non-numeric and absurd amounts are rejected; junk never throws; results are whole fen ≥ 0', () => {
    const r = prng(SEED + 7);
    for (let i = 0; i < N; i++) {
      const n = r.int(1, 10_000_000);
      for (const s of [`-${n}`, `－${n}`, `-${n}.5元`]) {
        expect(parseMoney(s).ok, s).toBe(false);
        expect(parseAmountCell(s, '元').ok, s).toBe(false);
      }
      expect(parseAmountCell(-n, '元').ok).toBe(false);
      for (const s of [`${n}e3`, `0x${n}`, `${n}.1.2`, `十万`, `${n}美元`, `${n}.${'9'.repeat(3)}`]) expect(parseMoney(s).ok, s).toBe(false);
      const raw = i % 2 ? junk(r, 12) : mutate(r, String(n));
      for (const p of [parseMoney(raw), parseAmountCell(raw, r.pick(['元', '万元', null] as const))]) {
        if (p.ok) {
          expect(Number.isSafeInteger(p.fen) && p.fen >= 0, raw).toBe(true);
          expect(p.fen).toBeLessThanOrEqual(100_000_000_000_000);
        } else expect(p.reason).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(parseMoney('1' + '0'.repeat(16)).ok).toBe(false);
    expect(parseAmountCell('2万亿元', null).ok).toBe(false);
    for (const v of [NaN, Infinity, -Infinity, null, undefined, {}, true]) {
      expect(parseMoney(v as never).ok).toBe(false);
      expect(parseAmountCell(v, '元').ok).toBe(false);
    }
  });
});
