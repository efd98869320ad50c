import type { Page } from '@playwright/test';

/**
 * Stands in for the e-files core in UI-only tests: answers efiles.* calls and serves document
 * bytes, so the renderer's behaviour (drag-and-drop order, the 副卷 notice, the viewer) is tested on
 * its own. The full flow against the real core is in efiles.spec.ts.
 */
export type MockDoc = {
  id: number;
  caseId: number;
  volume: '正卷' | '副卷';
  sectionId: string;
  title: string;
  fileName: string;
  docDate: string | null;
  pages: number | null;
  order: number;
  kind: string;
  size: number;
  ocr: string | null;
  bytes?: Buffer;
};

const S = (volume: '正卷' | '副卷', names: string[]) => names.map((name, i) => ({ id: `${volume}-${i + 1}`, volume, name, order: i + 1 }));
export const MOCK_SECTIONS = [
  ...S('正卷', ['卷宗封面', '卷内目录', '立案审批表、申请执行书及附件', '执行依据及生效证明', '当事人身份证明', '受理通知书、执行通知书及送达回证', '财产报告及核查材料', '财产查控材料', '查封、扣押、冻结、扣划裁定书', '备考表']),
  ...S('副卷', ['卷宗封面', '卷内目录', '执行方案', '各类审批表、审批意见', '备考表']),
];

export async function mockEfiles(page: Page, docs: MockDoc[], opts: { secondaryVisible?: boolean } = {}) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  await page.route('**/api/file/efile/*', async (route) => {
    const id = Number(new URL(route.request().url()).pathname.split('/').pop());
    const d = docs.find((x) => x.id === id);
    if (!d?.bytes) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, contentType: d.kind === 'pdf' ? 'application/pdf' : 'image/jpeg', body: d.bytes });
  });
  await page.route('**/api/call/efiles.*', async (route) => {
    const name = route.request().url().split('/').pop()!;
    const input = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    calls.push({ name, input });
    const strip = ({ bytes: _b, ...d }: MockDoc) => d;
    let value: unknown = { done: true };
    if (name === 'efiles.catalogue')
      value = {
        caseId: 7,
        caseNo: '（2025）鄂0505执123号',
        parties: '申请执行人 李某某；被执行人 张某',
        handlerName: '张承办',
        secondaryVisible: opts.secondaryVisible ?? true,
        secondaryNote: null,
        sections: MOCK_SECTIONS,
        documents: docs.filter((d) => opts.secondaryVisible !== false || d.volume === '正卷').map(strip),
      };
    if (name === 'efiles.document') {
      const d = docs.find((x) => x.id === input.id)!;
      value = { ...strip(d), caseNo: '（2025）鄂0505执123号', sectionName: MOCK_SECTIONS.find((s) => s.id === d.sectionId)?.name ?? '' };
    }
    if (name === 'efiles.reorder') (input.ids as number[]).forEach((id, i) => Object.assign(docs.find((d) => d.id === id)!, { order: i + 1, sectionId: input.sectionId }));
    if (name === 'efiles.update') Object.assign(docs.find((d) => d.id === input.id)!, input);
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
  });
  return calls;
}
