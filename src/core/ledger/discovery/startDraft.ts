import type { CoreApp } from '../../app';
import type { UserPublic } from '../../../contract/calls/common';
import type { DiscoveryClass } from '../../../contract/calls/ledgerDeadlines';
import { transferInput } from '../../../contract/calls/ledgerEdit';
import { fail } from '../../errors';
import { getSettings } from '../../settings/settings';
import { createTransfer } from '../edit/transfers';
import { offloadWarnings, type OffloadWarning } from './offload';

/**
 * One click from a discovery candidate: a 草稿 transfer out per case, reported to the superior
 * court (who decides the mode: 民诉法237, 执行程序解释 art. 11), with the reason pre-filled.
 * The handler completes and submits it for the chief's approval as usual.
 */
const PRESET: Record<DiscoveryClass, { mode: '指令' | '集中'; reasons: ('超六个月未执行' | '关联案件' | '其他')[]; other?: string }> = {
  sixMonth: { mode: '指令', reasons: ['超六个月未执行'] },
  zhongben: { mode: '指令', reasons: ['其他'], other: '长期终本案件（重点类别）清理' },
  debtor: { mode: '集中', reasons: ['关联案件'] },
};

export function startDraftFromDiscovery(
  app: CoreApp,
  actor: UserPublic,
  input: { class: DiscoveryClass; caseIds: number[] },
): { transferIds: number[]; caseNos: string[]; warnings: (OffloadWarning & { caseNo: string })[] } {
  const ours = getSettings(app).courtCode;
  const parent = (app.sqlite.prepare(`SELECT parent_code AS p FROM courts WHERE code = ?`).get(ours) as { p: string | null } | undefined)?.p;
  if (!parent) fail('INVALID_INPUT', `「法院代字」本院（${ours}）在法院名录中没有上一级法院，无法报请交叉执行`, 'caseIds');
  const preset = PRESET[input.class];
  const transferIds: number[] = [];
  const caseNos: string[] = [];
  const warnings: (OffloadWarning & { caseNo: string })[] = [];
  for (const caseId of [...new Set(input.caseIds)]) {
    const v = transferInput.parse({
      caseId,
      mode: preset.mode,
      direction: '移出',
      reasons: preset.reasons,
      reasonOther: preset.other,
      initiatedBy: '依职权',
      decidingCourtCode: parent,
      receivingCourtCode: parent,
    });
    const r = createTransfer(app, actor, v);
    transferIds.push(r.id);
    caseNos.push(r.caseNo);
    for (const w of offloadWarnings(app, { caseId, direction: '移出', reasons: preset.reasons })) warnings.push({ ...w, caseNo: r.caseNo });
  }
  return { transferIds, caseNos, warnings };
}
