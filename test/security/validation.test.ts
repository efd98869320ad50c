import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { calls, formatZodError } from '../../src/contract';
import { FIELD_LABELS } from '../../src/contract/labels';
import { withIdCheckDigit } from '../../src/core/ledger/idNumber';
import { testCore, type Caller, type TestCore } from '../support/core';
import { ensureYichangCourts } from '../support/yichangCourts';

/**
 * Issue 12 §14: what fuzzing got past validation — impossible 身份证 birth dates and region codes,
 * 立案日期 in year 0000/1000/1899, a 30-digit 案号 sequence — and messages that were not Chinese
 * ("期望 数字，实际接收 string") or named a field by its programme key.
 */

/** Every key of an input schema, however wrapped (optional, default, pipe, array, union …). */
function inputKeys(s: z.ZodType, out: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (seen.has(s)) return out;
  seen.add(s);
  const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (x: unknown) => inputKeys(x as z.ZodType, out, seen);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(k);
        walk(v);
      }
      break;
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      walk(def.innerType);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'union':
      for (const o of def.options as unknown[]) walk(o);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'tuple':
      for (const o of def.items as unknown[]) walk(o);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
  }
  return out;
}

const NOT_CHINESE = /期望|实际接收|无效输入|instanceof|string|number|boolean|undefined|object|expected|received|[<>]=/i;

describe('every message names the field in Chinese', () => {
  it('every key of every contract input has a Chinese label', () => {
    const missing: string[] = [];
    for (const [name, def] of Object.entries(calls)) {
      for (const k of inputKeys(def.input as z.ZodType, new Set())) if (!FIELD_LABELS[k]) missing.push(`${name}: ${k}`);
    }
    expect(missing).toEqual([]);
    for (const label of Object.values(FIELD_LABELS)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a wrong type, a missing field, a bad choice read as Chinese sentences under the field’s label, in every call', () => {
    const bad: string[] = [];
    for (const [name, def] of Object.entries(calls)) {
      const keys = [...inputKeys(def.input as z.ZodType, new Set())];
      for (const k of keys) {
        for (const value of [{ wrong: true }, 12.5, 'x'.repeat(5000), [], null]) {
          const r = (def.input as z.ZodType).safeParse({ [k]: value });
          if (r.success) continue;
          const { message } = formatZodError(r.error);
          if (NOT_CHINESE.test(message) || !/^「[^」]*[\u4e00-\u9fa5][^」]*」/.test(message)) bad.push(`${name} ${k}=${JSON.stringify(value).slice(0, 20)}: ${message}`);
        }
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
});

let t: TestCore;
let staff: Caller;
beforeEach(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

describe('fuzzing finds (issue 12 §14)', () => {
  it('a string where the 执行标的 number belongs: the field and the expectation in Chinese', async () => {
    const r = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执1号', amountDueFen: '100' as never });
    expect(!r.ok && r.error.message).toBe('「执行标的」应为数字，实际是文字');
  });

  it('身份证 with an impossible birth date or region code is refused, naming what is wrong', async () => {
    const { id: caseId } = await staff.run('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执2号', filedOn: '2025-01-10' });
    const party = (idNumber: string) => staff.call('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '自然人', name: `某${idNumber.slice(-4)}`, idNumber });
    const cases: [string, RegExp][] = [
      [withIdCheckDigit('42050520990101123'), /出生日期.*晚于今天/], // born in the future
      [withIdCheckDigit('42050518991231123'), /出生日期/], // before 1900
      [withIdCheckDigit('42050520230229123'), /出生日期/], // 2023 has no 29 February
      [withIdCheckDigit('00050519800101123'), /行政区划/], // no province 00
      [withIdCheckDigit('99050519800101123'), /行政区划/], // no province 99
      [withIdCheckDigit('42000019800101123'), /行政区划/], // a province, not a county
    ];
    for (const [id, reason] of cases) {
      const r = await party(id);
      expect(r.ok, id).toBe(false);
      expect(!r.ok && r.error.message, id).toMatch(reason);
      expect(!r.ok && r.error.message, id).toMatch(/^「身份证号或统一社会信用代码」/);
    }
    // Real ones still pass: a 宜昌 number, a 港澳台居民居住证 number (810000).
    expect((await party(withIdCheckDigit('42050519800101123'))).ok).toBe(true);
    expect((await party(withIdCheckDigit('81000019900101123'))).ok).toBe(true);
  });

  it('立案日期 in year 0000, 1000 or 1899 is refused with the sane range named', async () => {
    for (const filedOn of ['0000-01-01', '1000-06-15', '1899-12-31']) {
      const r = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执3号', filedOn });
      expect(!r.ok && r.error.message, filedOn).toMatch(/^「立案日期」.*1950.*2100/);
    }
    expect((await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执3号', filedOn: '2025-01-10' })).ok).toBe(true);
  });

  it('a 30-digit 案号 sequence is refused, not stored as a float', async () => {
    const r = await staff.call('ledger.edit.saveCase', { caseNo: `（2025）鄂0505执${'9'.repeat(30)}号` });
    expect(!r.ok && r.error.message).toMatch(/「案号」.*过长/);
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
  });
});

