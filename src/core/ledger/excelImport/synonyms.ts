import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { SYNONYM_KINDS, SYNONYM_TARGETS, type SynonymKind } from '../../../contract/calls/ledgerExcel';
import { halfWidth } from './text';

/**
 * Words a bureau's ledger uses for the fixed vocabularies that the built-in table (valueMaps.ts)
 * does not know — e.g. 「异地交叉（提级）」 meaning 提级. An administrator adds them from the
 * import preview ("把「…」视为…") or in 设置 → 台账导入; they are stored in `ledger_import_synonyms`
 * (local setting, not law) and every later analysis reads them before the built-in words.
 */
export type SynonymMaps = Record<SynonymKind, ReadonlyMap<string, string>>;
export type SynonymRow = { kind: SynonymKind; phrase: string; value: string; createdAt: string; createdBy: string };

/** The key a cell's text is looked up by: NFKC, no whitespace — so 「指定 执行」 and 「指定执行」 are one entry. */
export const synonymKey = (raw: string): string => halfWidth(raw).replace(/\s/g, '');

export function loadSynonyms(app: CoreApp): SynonymMaps {
  const maps = Object.fromEntries(SYNONYM_KINDS.map((k) => [k, new Map<string, string>()])) as Record<SynonymKind, Map<string, string>>;
  for (const r of listSynonyms(app)) maps[r.kind].set(r.phrase, r.value);
  return maps;
}

export function listSynonyms(app: CoreApp): SynonymRow[] {
  return app.sqlite
    .prepare('SELECT kind, phrase, value, created_at AS createdAt, created_by AS createdBy FROM ledger_import_synonyms ORDER BY kind, phrase')
    .all() as SynonymRow[];
}

/** Adds or replaces one synonym; the target must be a word of the app's vocabulary for that column. */
export function saveSynonym(app: CoreApp, user: { displayName: string }, input: { kind: SynonymKind; phrase: string; value: string }): SynonymRow {
  const phrase = synonymKey(input.phrase);
  if (!phrase) fail('INVALID_INPUT', '请填写台账中的原词', 'phrase');
  if (phrase.length > 50) fail('INVALID_INPUT', '原词不能超过 50 个字', 'phrase');
  const targets = SYNONYM_TARGETS[input.kind] as readonly string[];
  if (!targets.includes(input.value)) fail('INVALID_INPUT', `应为 ${targets.join('、')} 之一`, 'value');
  if (targets.includes(phrase)) fail('INVALID_INPUT', `「${phrase}」本身就是系统用语，无需设置同义词`, 'phrase');
  const row: SynonymRow = { kind: input.kind, phrase, value: input.value, createdAt: app.now().toISOString(), createdBy: user.displayName };
  app.sqlite
    .prepare(
      `INSERT INTO ledger_import_synonyms (kind, phrase, value, created_at, created_by) VALUES (@kind, @phrase, @value, @createdAt, @createdBy)
       ON CONFLICT (kind, phrase) DO UPDATE SET value = excluded.value, created_at = excluded.created_at, created_by = excluded.created_by`,
    )
    .run(row);
  return row;
}

export function deleteSynonym(app: CoreApp, input: { kind: SynonymKind; phrase: string }): void {
  const r = app.sqlite.prepare('DELETE FROM ledger_import_synonyms WHERE kind = ? AND phrase = ?').run(input.kind, synonymKey(input.phrase));
  if (r.changes === 0) fail('NOT_FOUND', `没有「${input.phrase}」这个同义词`, 'phrase');
}
