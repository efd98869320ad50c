import type { CoreApp } from '../app';
import { appendAudit } from '../audit/audit';
import { getUser } from '../auth/users';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';
import { caseHead } from './access';
import { insertDocument, requireSection, sectionByName } from './documents';
import { inspectBytes } from './inspect';
import { FALLBACK_SECTION, GENERATED_FILING } from './sections';
import { suggestDocDate } from './docDate';
import { storeBytes } from './store';
import { suggestSection } from './suggest';
import { indexAfterCommit } from './textHook';
import { chinaToday } from '../ledger/dates';

export type GeneratedInput = {
  caseId: number | null;
  volume: '正卷' | '副卷' | '局务';
  sectionName?: string;
  title: string;
  fileName: string;
  bytes: Buffer;
  userId: number;
  docDate?: string;
  /** 文号 and 责任者 for the 卷内目录; 责任者 defaults to the court (the app generates on its behalf). */
  docNo?: string | null;
  author?: string;
};

/**
 * 随案同步生成: files a document the app generated (an approval form, a letter, a weekly report)
 * into the right case, volume and section, as if it had been imported: bytes into the
 * content-addressed store first, then the row and its audit entry in one transaction, then the
 * text index. `caseId` null is a bureau record (volume 局务).
 */
export async function fileGeneratedDocument(app: CoreApp, input: GeneratedInput): Promise<{ documentId: number }> {
  if ((input.caseId === null) !== (input.volume === '局务')) fail('INVALID_INPUT', '「卷」局务文件不属于案件，案件文件应归入正卷或副卷', 'volume');
  const caseNo = input.caseId === null ? null : caseHead(app, input.caseId).caseNo;
  const info = await inspectBytes(input.bytes, input.fileName);
  const rule = generatedFiling(input.title);
  const section =
    (input.sectionName ? sectionByName(app, input.volume, input.sectionName) : null) ??
    (rule?.volume === input.volume ? sectionByName(app, input.volume, rule.section) : null) ??
    suggestSection(app, input.volume, `${input.title} ${input.fileName}`, info.text)?.section ??
    requireSection(app, FALLBACK_SECTION[input.volume], input.volume);
  const blob = storeBytes(app, input.bytes);
  const userName = input.userId > 0 ? safeName(app, input.userId) : '系统';
  const row = app.sqlite.transaction(() => {
    const r = insertDocument(app, {
      caseId: input.caseId,
      volume: input.volume,
      sectionId: section.id,
      title: input.title.slice(0, 200),
      name: input.fileName,
      size: blob.size,
      sha256: blob.sha256,
      mime: info.mime,
      kind: info.kind,
      pages: info.pages,
      // A generated document bears the date it was made (its 落款); no person is asked.
      docDate: input.docDate ?? suggestDocDate(info.text, chinaToday(app.now()))?.date ?? chinaToday(app.now()),
      docNo: input.docNo ?? null,
      author: input.author ?? getSettings(app).courtName,
      source: 'generated',
      userId: input.userId,
    });
    appendAudit(app, {
      userId: input.userId > 0 ? input.userId : null,
      userName,
      call: 'efiles.fileGenerated',
      recordType: 'efile',
      recordId: r.id,
      summary: `随案生成文件「${r.title}」归入${caseNo ?? '局务'}${input.volume === '局务' ? '' : input.volume}「${section.name}」`,
    });
    return r;
  })();
  await indexAfterCommit(app, row.id);
  return { documentId: row.id };
}

/** The filing rule for a generated document, by the kind its title starts with (交叉执行报请审批表 → 审批表). */
export function generatedFiling(title: string): (typeof GENERATED_FILING)[keyof typeof GENERATED_FILING] | null {
  const kind = (Object.keys(GENERATED_FILING) as (keyof typeof GENERATED_FILING)[]).find((k) => title.includes(k));
  return kind ? GENERATED_FILING[kind] : null;
}

function safeName(app: CoreApp, id: number): string {
  try {
    return getUser(app, id).displayName;
  } catch {
    return '系统';
  }
}
