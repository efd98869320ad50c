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
  // No subject matter found: the kind of document its title names still places it.
  for (const [hay, where] of places.slice(0, 2)) {
    const generic = GENERIC_TITLES.find((g) => g.volume === volume && hay.includes(g.title));
    const section = generic && sections.find((s) => s.name === generic.section || s.name.includes(generic.section));
    if (generic && section) return { section, reason: `${where}为「${generic.title}」→ ${section.name}` };
  }
  return null;
}

/**
 * Titles that say what kind of document it is but not what it is about (执行裁定书 may rule a
 * 查封, a 终本 or a change of party). They place a document only when no section keyword matched in
 * its name, heading or text — so 执行裁定书 about 查封 still goes to 查封…裁定书. Longest first.
 * Sections per domain brief §5.2 (catalogue order ❓, a local setting: courts rename sections, so a
 * section is found by name or by containing these words).
 */
const GENERIC_TITLES: { title: string; volume: string; section: string }[] = [
  { title: '执行裁定书', volume: '正卷', section: '中止、终结、终结本次执行程序裁定书' },
  { title: '执行决定书', volume: '正卷', section: '限制消费令、纳入失信决定书' },
  { title: '执行笔录', volume: '正卷', section: '财产查控材料' },
  { title: '谈话笔录', volume: '正卷', section: '财产查控材料' },
  { title: '现场笔录', volume: '正卷', section: '财产查控材料' },
  { title: '执行通知', volume: '正卷', section: '受理通知书、执行通知书、报告财产令及送达回证' },
  { title: '裁定书', volume: '正卷', section: '中止、终结、终结本次执行程序裁定书' },
  { title: '决定书', volume: '正卷', section: '限制消费令、纳入失信决定书' },
  { title: '通知书', volume: '正卷', section: '受理通知书、执行通知书、报告财产令及送达回证' },
  { title: '笔录', volume: '正卷', section: '财产查控材料' },
  { title: '报告', volume: '副卷', section: '审查报告、案情报告' },
  { title: '审批表', volume: '副卷', section: '各类审批表、审批意见' },
];
