import type { EfileDocument } from '../../contract/calls/efiles';
import type { AuditCallName } from '../../contract/auditNames';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { auditSecondary, canSeeSecondary, caseHead, requireVolumeAccess, SECONDARY_NOTE } from './access';
import { docRow, listSections, nextOrder, requireSection, sectionById, withStatus, type DocRow } from './documents';
import { releaseBlob } from './store';
import { unmarkAutoCatalogue } from './autoCatalogue';

/**
 * Reading and arranging a case's e-file: the catalogue (sections and documents by volume, the
 * 副卷 only for those allowed), one document (a 副卷 view is audited), editing the catalogue entry,
 * reordering by dragging, the recycle bin. Writers run inside the dispatcher's transaction.
 */
const EDIT_ROLES = new Set(['staff', 'clerk', 'chief', 'admin']);

function partiesLine(app: CoreApp, caseId: number): string {
  const rows = app.sqlite.prepare('SELECT side, name FROM parties WHERE case_id = ? ORDER BY id').all(caseId) as { side: string; name: string }[];
  const of = (side: string) => rows.filter((r) => r.side === side).map((r) => r.name).join('、');
  return [of('申请执行人') && `申请执行人 ${of('申请执行人')}`, of('被执行人') && `被执行人 ${of('被执行人')}`].filter(Boolean).join('；');
}

export function catalogueOf(app: CoreApp, user: UserPublic, caseId: number) {
  const c = caseHead(app, caseId);
  const secondary = canSeeSecondary(user, c);
  const rows = app.sqlite
    .prepare(
      `SELECT * FROM efile_documents WHERE case_id = ? AND deleted_at IS NULL ${secondary ? '' : "AND volume = '正卷'"}
       ORDER BY volume, section_id, sort_order, id`,
    )
    .all(caseId) as DocRow[];
  return {
    caseId: c.id,
    caseNo: c.caseNo,
    parties: partiesLine(app, caseId),
    handlerName: c.handlerName,
    secondaryVisible: secondary,
    secondaryNote: secondary ? null : SECONDARY_NOTE,
    canEdit: EDIT_ROLES.has(user.role),
    sections: listSections(app).filter((s) => s.volume === '正卷' || (secondary && s.volume === '副卷')),
    documents: withStatus(app, rows),
  };
}

/** A document the user may see (副卷 checked); `audit` records a 副卷 view. */
export function readableDoc(app: CoreApp, user: UserPublic, id: number): DocRow & { caseNo: string | null } {
  const d = docRow(app, id);
  requireVolumeAccess(app, user, d.case_id, d.volume);
  return { ...d, caseNo: d.case_id === null ? null : caseHead(app, d.case_id).caseNo };
}

export function documentFor(app: CoreApp, user: UserPublic, id: number, call: AuditCallName) {
  const d = readableDoc(app, user, id);
  if (d.deleted_at && !EDIT_ROLES.has(user.role)) fail('NOT_FOUND', '文件已被删除（在回收站中）', 'id');
  if (d.volume === '副卷') auditSecondary(app, user, { id: d.id, title: d.title, caseNo: d.caseNo }, '查看', call);
  const doc = withStatus(app, [d])[0]!;
  return { ...doc, caseNo: d.caseNo ?? '局务', sectionName: sectionById(app, d.section_id)?.name ?? '' };
}

type Patch = { title?: string; docDate?: string | null; volume?: '正卷' | '副卷'; sectionId?: string };

export function updateDoc(app: CoreApp, user: UserPublic, id: number, patch: Patch): { doc: EfileDocument; summary: string } {
  const d = readableDoc(app, user, id);
  if (d.deleted_at) fail('INVALID_INPUT', '文件在回收站中，请先恢复再修改', 'id');
  if (d.case_id === null && (patch.volume || patch.sectionId)) fail('INVALID_INPUT', '局务文件不能移入案件卷宗', 'volume');
  const volume = patch.volume ?? d.volume;
  requireVolumeAccess(app, user, d.case_id, volume);
  let sectionId = patch.sectionId ?? d.section_id;
  if (patch.volume && patch.volume !== d.volume && !patch.sectionId) fail('INVALID_INPUT', `「目录」移到${patch.volume}时请选择目录`, 'sectionId');
  const section = requireSection(app, sectionId, volume);
  sectionId = section.id;
  const moved = volume !== d.volume || sectionId !== d.section_id;
  if (patch.sectionId) unmarkAutoCatalogue(app, id);
  app.sqlite
    .prepare('UPDATE efile_documents SET title = ?, doc_date = ?, volume = ?, section_id = ?, sort_order = ? WHERE id = ?')
    .run(
      patch.title ?? d.title,
      patch.docDate === undefined ? d.doc_date : patch.docDate,
      volume,
      sectionId,
      moved ? nextOrder(app, d.case_id, volume, sectionId) : d.sort_order,
      id,
    );
  const changes = [
    patch.title !== undefined && patch.title !== d.title && `标题改为「${patch.title}」`,
    patch.docDate !== undefined && patch.docDate !== d.doc_date && `文书日期改为 ${patch.docDate ?? '（空）'}`,
    moved && `移到${volume}「${section.name}」`,
  ].filter(Boolean);
  return { doc: withStatus(app, [docRow(app, id)])[0]!, summary: `${d.caseNo ?? '局务'}「${d.title}」${changes.join('，') || '未改动'}` };
}

/** Puts the documents of one section in the given order (the order after a drag); others keep theirs after them. */
export function reorder(app: CoreApp, user: UserPublic, input: { caseId: number; volume: '正卷' | '副卷'; sectionId: string; ids: number[] }): string {
  const c = caseHead(app, input.caseId);
  requireVolumeAccess(app, user, input.caseId, input.volume);
  const section = requireSection(app, input.sectionId, input.volume);
  if (new Set(input.ids).size !== input.ids.length) fail('INVALID_INPUT', '「排序」中有重复的文件', 'ids');
  const rows = app.sqlite
    .prepare('SELECT id FROM efile_documents WHERE case_id = ? AND volume = ? AND section_id = ? AND deleted_at IS NULL ORDER BY sort_order, id')
    .all(input.caseId, input.volume, input.sectionId) as { id: number }[];
  const inSection = new Set(rows.map((r) => r.id));
  const stray = input.ids.find((i) => !inSection.has(i));
  if (stray) fail('INVALID_INPUT', `「排序」中的文件（编号 ${stray}）不在${input.volume}「${section.name}」中，请刷新后重试`, 'ids');
  const order = [...input.ids, ...rows.map((r) => r.id).filter((i) => !input.ids.includes(i))];
  const set = app.sqlite.prepare('UPDATE efile_documents SET sort_order = ? WHERE id = ?');
  order.forEach((docId, i) => set.run(i + 1, docId));
  return `${c.caseNo} 调整${input.volume}「${section.name}」中 ${order.length} 个文件的顺序`;
}

export function softDelete(app: CoreApp, user: UserPublic, id: number): string {
  const d = readableDoc(app, user, id);
  if (d.deleted_at) fail('INVALID_INPUT', '文件已在回收站中', 'id');
  app.sqlite.prepare('UPDATE efile_documents SET deleted_at = ?, deleted_by = ? WHERE id = ?').run(app.now().toISOString(), user.id > 0 ? user.id : null, id);
  return `${d.caseNo ?? '局务'} 将${d.volume}文件「${d.title}」移入回收站`;
}

export function restore(app: CoreApp, user: UserPublic, id: number): string {
  const d = readableDoc(app, user, id);
  if (!d.deleted_at) fail('INVALID_INPUT', '文件不在回收站中', 'id');
  const section = sectionById(app, d.section_id);
  app.sqlite
    .prepare('UPDATE efile_documents SET deleted_at = NULL, deleted_by = NULL, sort_order = ? WHERE id = ?')
    .run(nextOrder(app, d.case_id, d.volume, d.section_id), id);
  return `${d.caseNo ?? '局务'} 从回收站恢复${d.volume}文件「${d.title}」到「${section?.name ?? d.section_id}」`;
}

/**
 * Removes a document for good (administrators only, from the recycle bin). The row goes in the
 * transaction; the blob is removed only when no other row names it, and only after the commit
 * (`after`): a crash in between leaves an orphan blob for the sweep, never a row without its file.
 */
export function purge(app: CoreApp, user: UserPublic, id: number): { summary: string; sha256: string } {
  const d = readableDoc(app, user, id);
  if (!d.deleted_at) fail('INVALID_INPUT', '只能彻底删除回收站中的文件，请先删除（移入回收站）', 'id');
  app.sqlite.prepare('DELETE FROM efile_documents WHERE id = ?').run(id);
  return { summary: `${d.caseNo ?? '局务'} 彻底删除${d.volume}文件「${d.title}」（SHA-256 ${d.sha256.slice(0, 12)}…）`, sha256: d.sha256 };
}

export function afterPurge(app: CoreApp, sha256: string): boolean {
  return releaseBlob(app, sha256);
}

export function recycleBin(app: CoreApp, user: UserPublic, caseId: number): EfileDocument[] {
  const c = caseHead(app, caseId);
  const secondary = canSeeSecondary(user, c);
  const rows = app.sqlite
    .prepare(`SELECT * FROM efile_documents WHERE case_id = ? AND deleted_at IS NOT NULL ${secondary ? '' : "AND volume = '正卷'"} ORDER BY deleted_at DESC`)
    .all(caseId) as DocRow[];
  return withStatus(app, rows);
}

export function saveSection(
  app: CoreApp,
  input: { id?: string; volume: '正卷' | '副卷' | '局务'; name: string; order: number; keywords: string[]; active: boolean },
): { id: string; summary: string } {
  const clash = app.sqlite.prepare('SELECT id FROM efile_sections WHERE volume = ? AND name = ? AND id IS NOT ?').get(input.volume, input.name, input.id ?? null) as { id: string } | undefined;
  if (clash) fail('INVALID_INPUT', `「目录名称」${input.volume}中已有「${input.name}」`, 'name');
  const keywords = input.keywords.map((k) => k.replace(/,/g, '')).filter(Boolean).join(',');
  if (input.id) {
    const old = sectionById(app, input.id) ?? fail('NOT_FOUND', '目录不存在', 'id');
    if (old.volume !== input.volume) fail('INVALID_INPUT', '「卷」目录不能换到另一卷；请新建目录', 'volume');
    app.sqlite.prepare('UPDATE efile_sections SET name = ?, sort_order = ?, keywords = ?, active = ? WHERE id = ?').run(input.name, input.order, keywords, input.active ? 1 : 0, input.id);
    return { id: input.id, summary: `修改卷宗目录：${input.volume}「${old.name}」${old.name !== input.name ? `→「${input.name}」` : ''}` };
  }
  const n = (app.sqlite.prepare("SELECT COUNT(*) AS n FROM efile_sections WHERE volume = ?").get(input.volume) as { n: number }).n;
  let id = `${input.volume}-c${n + 1}`;
  while (sectionById(app, id)) id += 'x';
  app.sqlite.prepare('INSERT INTO efile_sections (id, volume, name, sort_order, keywords, active) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.volume, input.name, input.order, keywords, input.active ? 1 : 0);
  return { id, summary: `新增卷宗目录：${input.volume}「${input.name}」` };
}
