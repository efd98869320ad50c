import type { EfileSection } from '../../contract/calls/efiles';
import type { CoreApp } from '../app';
import { listSections } from './documents';

/**
 * Suggests the catalogue section of a document from its file name and its text, by the keyword
 * table stored with each section (seeded from src/core/efiles/sections.ts, editable per court):
 * 执行通知书 → 受理通知书、执行通知书…; 查封裁定 → 查封、扣押、冻结…; 拘留决定书 → 限制消费令…
 * The name is trusted first, then the heading of the text (its first 80 characters, where a
 * document's title is), then the whole first page; the longest keyword wins, so 协助执行通知书
 * beats 执行通知书.
 */
export type Suggestion = { section: EfileSection; reason: string };

export function suggestSection(app: CoreApp, volume: string, name: string, text = ''): Suggestion | null {
  const sections = listSections(app).filter((s) => s.volume === volume);
  const flat = (s: string) => s.replace(/\s+/g, '');
  const places: [string, string][] = [
    [flat(name), '文件名'],
    [flat(text).slice(0, 80), '文书标题'],
    [flat(text), '文书内容'],
  ];
  for (const [hay, where] of places) {
    if (!hay) continue;
    let best: { s: EfileSection; k: string } | null = null;
    for (const s of sections) for (const k of s.keywords) if (hay.includes(k) && (!best || k.length > best.k.length)) best = { s, k };
    if (best) return { section: best.s, reason: `${where}含「${best.k}」→ ${best.s.name}` };
  }
  return null;
}
