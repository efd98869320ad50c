import type { CoreApp } from '../../app';
import { halfWidth } from './text';

/**
 * Courts as ledgers name them: by code (鄂0502), by full name (宜昌市西陵区人民法院) or by the short
 * names people use (西陵区法院, 西陵法院, 西陵). Built once per import from the courts table.
 */
export type CourtIndex = {
  resolve: (raw: string) => { code: string } | { error: string };
  nameOf: (code: string) => string;
  /** The court a pre-2016 案号 names by its abbreviation (鄂猇亭), from the directory's 旧式简称; null if none. */
  legacy: (abbreviation: string) => string | null;
};

const CODE = /^(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)$/;

/** 宜昌市西陵区人民法院 → [宜昌市西陵区人民法院, 宜昌市西陵区法院, 西陵区人民法院, 西陵区法院, 西陵区, 西陵法院, 西陵]. */
export function shortNames(name: string): string[] {
  const out = new Set<string>([name]);
  const core = name.replace(/人民法院$|法院$/, '');
  const tails = [core];
  // drop a leading province and/or city: 湖北省宜昌市西陵区 → 宜昌市西陵区 → 西陵区
  let rest = core;
  for (const re of [/^.+?(省|自治区)/, /^.+?(市|自治州|地区|盟)(?=.)/]) {
    rest = rest.replace(re, '');
    tails.push(rest);
  }
  for (const t of tails) {
    if (!t) continue;
    out.add(t + '人民法院');
    out.add(t + '法院');
    out.add(t);
    const bare = t.replace(/(区|县|市|自治县|旗)$/, '');
    if (bare.length >= 2 && bare !== t) {
      out.add(bare + '法院');
      out.add(bare);
    }
  }
  // 宜昌中院 / 宜昌市中院, 湖北高院 / 湖北省高院: how people write superior courts.
  const mid = /^(?:.+?(?:省|自治区))?(.+?)(市|自治州|地区|盟)?中级人民法院$/.exec(name);
  if (mid) for (const n of [mid[1]! + '中院', mid[1]! + (mid[2] ?? '') + '中院', mid[1]! + '中级法院']) out.add(n);
  const high = /^(.+?)(省|自治区|市)?高级人民法院$/.exec(name);
  if (high) for (const n of [high[1]! + '高院', high[1]! + (high[2] ?? '') + '高院', high[1]! + '高级法院']) out.add(n);
  return [...out];
}

/**
 * How a bureau's own ledger names its own court: 本院, 我院, 本院执行局, 本局 … They mean the court
 * set in 设置 (courtCode), whatever its directory name.
 */
const OUR_COURT = /^(本院|我院|本法院|本局|我局|本执行局|本院执行局|我院执行局|本院执行庭|我院执行庭|执行局)$/;

export function buildCourtIndex(app: CoreApp, ourCourt: string): CourtIndex {
  const rows = app.sqlite.prepare('SELECT code, name FROM courts').all() as { code: string; name: string }[];
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  const byName = new Map<string, Set<string>>();
  for (const r of rows) {
    for (const n of shortNames(r.name)) {
      const set = byName.get(n) ?? new Set<string>();
      set.add(r.code);
      byName.set(n, set);
    }
  }
  const legacy = new Map((app.sqlite.prepare('SELECT name, court_code AS code FROM court_legacy_names').all() as { name: string; code: string }[]).map((r) => [r.name, r.code]));
  return {
    nameOf: (code) => byCode.get(code) ?? code,
    legacy: (abbreviation) => legacy.get(abbreviation) ?? null,
    resolve: (raw) => {
      const s = halfWidth(raw).replace(/\s/g, '');
      if (OUR_COURT.test(s)) {
        return byCode.has(ourCourt) ? { code: ourCourt } : { error: `「${raw.trim()}」指本院，但设置中的本院代字「${ourCourt}」不在法院名录中，请先在“设置 → 法院名录”中添加` };
      }
      const code = /^[^\d]+\d*$/.test(s) && CODE.test(s) ? s : null;
      if (code) return byCode.has(code) ? { code } : { error: `法院代字「${code}」不在法院名录中，请先在“设置 → 法院名录”中添加` };
      // 西陵区法院执行局 names the court by its enforcement bureau: the court is meant.
      const name = s.replace(/[()（）]/g, '');
      const hit = byName.get(name) ?? byName.get(name.replace(/执行局$|执行庭$/, ''));
      if (!hit) return { error: `未知的法院「${raw.trim()}」，请填写法院代字（如 鄂0505）或名录中的法院名称` };
      if (hit.size > 1) return { error: `法院「${raw.trim()}」可指多家法院（${[...hit].join('、')}），请改填法院代字` };
      return { code: [...hit][0]! };
    },
  };
}
