import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { testCore } from '../support/core';
import { seedCase, textPdf } from '../support/efiles';
import { createCanvas } from '@napi-rs/canvas';
import { updateSettings } from '../../src/core/settings/settings';
import { fileGeneratedDocument } from '../../src/core/efiles/fileGenerated';
import { bindVolume } from '../../src/core/efiles/bind/bindVolume';
import { blobPath } from '../../src/core/efiles/store';
import { CATALOGUE_ROWS_PER_PAGE } from '../../src/core/efiles/bind/layout';
import { median, ms, type Bench } from './harness';

const DOCS = 25;
const PAGES_PER_PDF = 19; // + one scanned photo per document = 20 pages each, 500 in all
const RUNS = 3;

/**
 * 一键组卷 of a 500-page volume (issue 5: ≤ 10 s): 25 documents of 19 text pages plus a scanned
 * JPEG each, bound with cover, catalogue, 备考表, page numbers and bookmarks. Baseline: poppler's
 * `pdfunite` merely concatenating the same PDFs (no cover, no numbering, no images).
 */
export const efilesBindBench: Bench = {
  name: 'e-file binding (一键组卷, 500-page volume)',
  run: async () => {
    const t = testCore({ now: '2026-11-23T06:00:00Z' });
    try {
      updateSettings(t.app, { ocrEnabled: false });
      const staff = t.as('staff');
      const c = seedCase(t.app, staff.user.id, 9001);
      const photo = (() => {
        const cv = createCanvas(1240, 1754);
        const g = cv.getContext('2d');
        g.fillStyle = '#f3efe6';
        g.fillRect(0, 0, cv.width, cv.height);
        g.fillStyle = '#222';
        for (let y = 200; y < 1600; y += 60) g.fillRect(120, y, 1000, 6);
        return cv.toBuffer('image/jpeg', 80);
      })();
      const pdfs: string[] = [];
      for (let d = 0; d < DOCS; d++) {
        const pages = Array.from({ length: PAGES_PER_PDF }, (_, p) => [`执行文书 ${d + 1}`, `第 ${p + 1} 页`, '本院在执行申请执行人李某某与被执行人张某民间借贷纠纷一案中，依法查封被执行人名下财产。'.repeat(6)]);
        const r = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: `执行文书${d + 1}`, fileName: `文书${d + 1}.pdf`, bytes: textPdf(pages), userId: staff.user.id });
        await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: `现场照片${d + 1}`, fileName: `照片${d + 1}.jpg`, bytes: photo, userId: staff.user.id });
        const sha = (t.app.sqlite.prepare('SELECT sha256 FROM efile_documents WHERE id = ?').get(r.documentId) as { sha256: string }).sha256;
        pdfs.push(blobPath(t.app, sha));
      }
      const times: number[] = [];
      let pages = 0;
      let size = 0;
      for (let i = 0; i < RUNS; i++) {
        const out = path.join(t.dir, `bound-${i}.pdf`);
        const t0 = performance.now();
        pages = (await bindVolume(t.app, { caseId: c.id, volume: '正卷', outPath: out, userId: staff.user.id })).pages;
        times.push(performance.now() - t0);
        size = fs.statSync(out).size;
      }
      const base: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = spawnSync('pdfunite', [...pdfs, path.join(t.dir, 'unite.pdf')]);
        if (r.status !== 0) break;
        base.push(performance.now() - t0);
      }
      const m = median(times.sort((a, b) => a - b));
      const b = base.length ? median(base.sort((x, y) => x - y)) : null;
      return [
        {
          name: `bind ${pages} pages (${DOCS * 2} documents, ${DOCS} of them JPEG scans), median of ${RUNS}`,
          figure: `${ms(m)}, ${(size / 2 ** 20).toFixed(1)} MB`,
          baseline: b === null ? 'pdfunite unavailable' : `pdfunite of the ${DOCS} PDFs ${ms(b)}`,
          ratio: b ? `${(m / b).toFixed(1)}×` : undefined,
          target: '≤ 10000 ms',
          // cover + catalogue pages + 500 document pages + 备考表
          pass: m <= 10_000 && pages === 1 + Math.ceil((2 * DOCS + 1) / CATALOGUE_ROWS_PER_PAGE) + DOCS * (PAGES_PER_PDF + 1) + 1,
        },
      ];
    } finally {
      t.cleanup();
    }
  },
};

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  for (const r of await efilesBindBench.run()) console.log(r);
}
