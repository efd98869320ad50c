import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { seedCase, textPdf } from '../../../test/support/efiles';
import { stageBytes } from '../files/uploads';
import { updateSettings } from '../settings/settings';
import { MAX_RANGE_BYTES, openSessionDocument, readDocumentRange } from './content';

// The check behind Electron's `xdesk:readEfile` / `xdesk:saveEfile` and the browser route
// GET /api/file/efile/<id>: session, role, 副卷 rule, 副卷 audit, and the byte range itself.
let t: TestCore;
afterEach(() => t?.cleanup());

const views = () => (t.app.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'efiles.view' ORDER BY id").all() as { summary: string }[]).map((r) => r.summary);
const downloads = () => (t.app.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'efiles.download' ORDER BY id").all() as { summary: string }[]).map((r) => r.summary);

async function fixture() {
  t = testCore({ now: '2026-11-23T06:00:00Z' });
  updateSettings(t.app, { ocrEnabled: false });
  const handler = t.as('staff', '张承办');
  const c = seedCase(t.app, handler.user.id);
  const pdf = textPdf([['执行方案', '一、财产线索'], ['二、执行措施']]);
  const put = async (who: Caller, volume: '正卷' | '副卷', name: string) =>
    (await who.run('efiles.import', { caseId: c.id, uploadId: (await stageBytes(t.app, who.user, 'efiles.import', name, volume === '副卷' ? pdf : textPdf([['执行通知书']]))).uploadId, volume })).document;
  const secondary = await put(handler, '副卷', '执行方案.pdf');
  const main = await put(handler, '正卷', '执行通知书.pdf');
  return { handler, c, pdf, secondary, main };
}

describe('readDocumentRange (Electron viewer bridge)', () => {
  it('returns the asked bytes and the file length, cut at the end of the file', async () => {
    const { handler, pdf, secondary } = await fixture();
    const head = readDocumentRange(t.app, handler.sessionKey, secondary.id, 0, 1024);
    expect(head.length).toBe(pdf.length);
    expect(head.bytes.equals(pdf.subarray(0, 1024))).toBe(true);
    const middle = readDocumentRange(t.app, handler.sessionKey, secondary.id, 1000, 1500);
    expect(middle.bytes.equals(pdf.subarray(1000, 1500))).toBe(true);
    const tail = readDocumentRange(t.app, handler.sessionKey, secondary.id, pdf.length - 10, pdf.length + 5000);
    expect(tail.bytes.equals(pdf.subarray(pdf.length - 10))).toBe(true);
    expect(readDocumentRange(t.app, handler.sessionKey, secondary.id, pdf.length + 1, pdf.length + 9).bytes.length).toBe(0);
    expect(MAX_RANGE_BYTES).toBe(16 * 1024 * 1024);
  });

  it('refuses without a login, when idle-locked, and for bad arguments from the renderer', async () => {
    const { handler, main } = await fixture();
    expect(() => readDocumentRange(t.app, 'no-such-session', main.id, 0, 10)).toThrow('请先登录');
    expect(() => readDocumentRange(t.app, handler.sessionKey, main.id, -1, 10)).toThrow('「读取起点」');
    expect(() => readDocumentRange(t.app, handler.sessionKey, main.id, 10, 5)).toThrow('「读取终点」');
    expect(() => readDocumentRange(t.app, handler.sessionKey, main.id, 0.5, 5)).toThrow('「读取起点」');
    expect(() => readDocumentRange(t.app, handler.sessionKey, '1; DROP', 0, 5)).toThrow('「文件编号」');
    expect(() => readDocumentRange(t.app, handler.sessionKey, 999_999, 0, 5)).toThrow();
    // Idle past the lock setting: the session is locked, the bytes are refused like any call.
    t.setNow('2026-11-23T09:00:00Z');
    expect(() => readDocumentRange(t.app, handler.sessionKey, main.id, 0, 10)).toThrow(/锁定/);
  });

  it('the 副卷 only for the handler, the chief and administrators; a view audited once per session every 10 minutes', async () => {
    const { handler, c, secondary, main } = await fixture();
    const other = t.as('staff', '刘承办');
    const clerk = t.as('clerk');
    const chief = t.as('chief', '王局长');
    for (const u of [other, clerk]) {
      expect(() => readDocumentRange(t.app, u.sessionKey, secondary.id, 0, 10)).toThrow(/副卷仅本案承办人/);
      expect(readDocumentRange(t.app, u.sessionKey, main.id, 0, 10).bytes.length).toBe(10);
    }
    expect(views()).toEqual([]);
    // pdf.js reads a file in many ranges: that is one view.
    for (let i = 0; i < 5; i++) readDocumentRange(t.app, handler.sessionKey, secondary.id, i * 100, i * 100 + 100);
    readDocumentRange(t.app, chief.sessionKey, secondary.id, 0, 100);
    expect(views()).toEqual([`查看副卷文件「执行方案」（${c.caseNo}）`, `查看副卷文件「执行方案」（${c.caseNo}）`]);
    // The 正卷 is never audited as a 副卷 view.
    readDocumentRange(t.app, handler.sessionKey, main.id, 0, 100);
    expect(views()).toHaveLength(2);
    t.setNow('2026-11-23T06:11:00Z');
    readDocumentRange(t.app, handler.sessionKey, secondary.id, 0, 100);
    expect(views()).toHaveLength(3);
  });

  it('saving the original (xdesk:saveEfile) is a 副卷 download, audited every time', async () => {
    const { handler, secondary } = await fixture();
    const c1 = openSessionDocument(t.app, handler.sessionKey, secondary.id, 'download');
    openSessionDocument(t.app, handler.sessionKey, secondary.id, 'download');
    expect(c1).toMatchObject({ mime: 'application/pdf', name: '执行方案.pdf' });
    expect(downloads()).toHaveLength(2);
    expect(downloads()[0]).toContain('下载副卷文件「执行方案」');
  });
});
