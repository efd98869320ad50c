import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../support/core';
import { verifyPackage } from '../../../src/core/exchange/verify';
import { trustedKeys } from '../../../src/core/exchange/view';
import { caseWithDocuments, exportAndWait, readZip } from './fixtures';

/** With the real weekly report generator and the real binder (no fakes). */
let t: TestCore;
afterEach(() => t.cleanup());

describe('upward package with the real report and binding modules', () => {
  it('contains a real DOCX, XLSX and PDF report and a bound 正卷 PDF', async () => {
    t = testCore({ now: '2025-03-10T02:00:00Z' });
    const chief = t.as('chief');
    const { caseNo } = await caseWithDocuments(t, chief);
    const { file } = await exportAndWait(t, chief, { week: '2025-W10', cases: [caseNo], includeVolumes: true });
    const r = await verifyPackage(file, { trusted: trustedKeys(t.app) });
    expect(r.problems).toEqual([]);
    const entries = await readZip(file);
    const head = (suffix: string) => entries.find((e) => e.name.endsWith(suffix))!.data.subarray(0, 4).toString('latin1');
    expect(head('周报_2025-W10.pdf')).toBe('%PDF');
    expect(head('周报_2025-W10.docx')).toBe('PK\u0003\u0004');
    expect(head('周报_2025-W10.xlsx')).toBe('PK\u0003\u0004');
    expect(head('_正卷.pdf')).toBe('%PDF');
  }, 60_000);
});
