import type { z } from 'zod';
import type { CourtRow, courtInput } from '../../../contract/calls/courts';
import type { CoreApp } from '../../app';
import { fail } from '../../errors';

/** The court directory: list and save (admins). Codes are primary keys that cases point to, so a code is never renamed or deleted. */
export function listCourts(app: CoreApp, includeInactive: boolean): CourtRow[] {
  const rows = app.sqlite
    .prepare(
      `SELECT c.code, c.name, c.level, c.parent_code AS parentCode, c.active,
         (SELECT count(*) FROM cases WHERE court_code = c.code)
         + (SELECT count(*) FROM transfers WHERE original_court_code = c.code OR receiving_court_code = c.code OR deciding_court_code = c.code) AS useCount
       FROM courts c ${includeInactive ? '' : 'WHERE c.active = 1'}
       ORDER BY length(c.code), c.code`,
    )
    .all() as (Omit<CourtRow, 'active' | 'legacyNames'> & { active: number })[];
  const legacy = new Map<string, string[]>();
  for (const l of app.sqlite.prepare('SELECT name, court_code AS code FROM court_legacy_names ORDER BY rowid').all() as { name: string; code: string }[])
    legacy.set(l.code, [...(legacy.get(l.code) ?? []), l.name]);
  return rows.map((r) => ({ ...r, active: r.active === 1, legacyNames: legacy.get(r.code) ?? [] }));
}

/**
 * Which level a code's shape allows (法〔2015〕137号 第四条、第五条; 2018 amendment: special courts use
 * the intermediate/basic digits 71–99). 最高法 = 最高; province only = 高级; +2 digits = 中级 (or 专门);
 * +4 digits = 基层 (or 专门).
 */
export function levelsForCode(code: string): string[] {
  if (code === '最高法') return ['最高'];
  const digits = code.replace(/^\D+/, '');
  if (digits.length === 0) return ['高级'];
  if (digits.length === 2) return Number(digits) >= 71 ? ['专门', '中级'] : ['中级', '专门'];
  return ['基层', '专门'];
}

export function saveCourt(app: CoreApp, v: z.output<typeof courtInput>): { code: string; created: boolean } {
  const allowed = levelsForCode(v.courtCode);
  if (!allowed.includes(v.level)) fail('INVALID_INPUT', `「法院级别」代字 ${v.courtCode} 对应的级别应为${allowed.join('或')}`, 'level');
  if (v.parentCode) {
    if (v.parentCode === v.courtCode) fail('INVALID_INPUT', '「上级法院」不能是本院', 'parentCode');
    const parent = app.sqlite.prepare('SELECT code FROM courts WHERE code = ?').get(v.parentCode);
    if (!parent) fail('INVALID_INPUT', `「上级法院」${v.parentCode} 不在法院名录中，请先添加上级法院`, 'parentCode');
    // A basic court's code extends its intermediate court's code (鄂05 → 鄂0505) (第五条).
    if (!v.courtCode.startsWith(v.parentCode.replace(/^最高法$/, ''))) fail('INVALID_INPUT', `「上级法院」${v.parentCode} 与代字 ${v.courtCode} 不对应`, 'parentCode');
  }
  const clash = app.sqlite.prepare('SELECT code FROM courts WHERE name = ? AND code != ?').get(v.courtName, v.courtCode) as { code: string } | undefined;
  if (clash) fail('CONFLICT', `「法院名称」${v.courtName} 已用于代字 ${clash.code}`, 'courtName');
  for (const name of v.legacyNames ?? []) {
    const held = app.sqlite.prepare('SELECT c.code, c.name FROM court_legacy_names l JOIN courts c ON c.code = l.court_code WHERE l.name = ? AND l.court_code != ?').get(name, v.courtCode) as
      | { code: string; name: string }
      | undefined;
    if (held) fail('CONFLICT', `「旧式简称」${name} 已登记为 ${held.name}（${held.code}）的简称`, 'legacyNames');
  }
  const exists = app.sqlite.prepare('SELECT code FROM courts WHERE code = ?').get(v.courtCode);
  const saveLegacy = () => {
    if (!v.legacyNames) return;
    // Cases keep the court code they were saved with, so dropping an abbreviation changes no record.
    app.sqlite.prepare('DELETE FROM court_legacy_names WHERE court_code = ?').run(v.courtCode);
    const ins = app.sqlite.prepare('INSERT INTO court_legacy_names (name, court_code) VALUES (?, ?)');
    for (const name of new Set(v.legacyNames)) ins.run(name, v.courtCode);
  };
  const args = { code: v.courtCode, name: v.courtName, level: v.level, parent: v.parentCode ?? null, active: v.active ? 1 : 0 };
  if (exists) {
    app.sqlite.prepare('UPDATE courts SET name = @name, level = @level, parent_code = @parent, active = @active WHERE code = @code').run(args);
    saveLegacy();
    return { code: v.courtCode, created: false };
  }
  app.sqlite.prepare('INSERT INTO courts (code, name, level, parent_code, active) VALUES (@code, @name, @level, @parent, @active)').run(args);
  saveLegacy();
  return { code: v.courtCode, created: true };
}
