import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import { testCore, tempDir } from '../support/core';
import { seedCase, textPdf } from '../support/efiles';
import { ensureYichangCourts } from '../support/yichangCourts';
import { generatedLedger } from '../support/ledgerWorkbooks';
import { createUser } from '../../src/core/auth/users';
import { updateSettings } from '../../src/core/settings/settings';
import { fileGeneratedDocument } from '../../src/core/efiles/fileGenerated';
import { buildLedgerFixture } from './ledgerFixture';
import { ms, type Bench, type BenchResult } from './harness';

/**
 * Load test on loopback (issue 15): 50 simulated users doing the daily mix — ledger pages, case
 * pages, progress entries, notices, e-file searches — against browser mode in its own process, first
 * alone, then while one 10k-row Excel import, one 500-page binding and one weekly report run as jobs;
 * then each heavy job alone while 5 users keep reading the ledger. Bounded: a fixed time per phase
 * and a cap on requests; the server process is ended when the bench ends. Targets: p99 of reads ≤ 200 ms
 * under the full mix, 0 errors, 0 lost writes; p99 ≤ 100 ms of ledger reads beside each heavy job.
 */
// XDESK_LOAD_QUICK=1: a small run to check the harness itself (not a figure to record).
const QUICK = process.env.XDESK_LOAD_QUICK === '1';
const USERS = Number(process.env.XDESK_LOAD_USERS ?? (QUICK ? 8 : 50));
const PHASE_MS = QUICK ? 3_000 : 12_000;
const HEAVY_CAP_MS = 120_000;
const MAX_REQUESTS = 200_000;
const ROWS = QUICK ? 500 : 10_000;
const DOCS = QUICK ? 3 : 25; // 19 text pages + one photo each: 500 pages in the full run
const FIXTURE = QUICK ? { cases: 2_000, transfers: 400, progress: 10_000 } : { cases: 20_000, transfers: 4_000, progress: 100_000 };

type Session = { cookie: string; csrf: string };
type Sample = { call: string; ms: number; ok: boolean; write: boolean };

// Keep-alive like a browser; an idle socket is dropped by the client after 4 s, before the server's
// 5 s keep-alive timeout, so no request is sent on a socket the server is closing (a client artefact).
const agent = new http.Agent({ keepAlive: process.env.XDESK_LOAD_KEEPALIVE !== '0', maxSockets: 256, scheduling: 'fifo', timeout: 4_000 });
// A reset arriving on an idle pooled socket belongs to no request; the next request on it counts the error.
agent.on('free', (socket) => {
  if (socket.listenerCount('error') === 0) socket.on('error', () => {});
});
let port = 0;
let sent = 0;

function request(method: string, p: string, s: Session | null, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  sent++;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: p, method, agent, headers: { Host: `127.0.0.1:${port}`, ...(s ? { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } : {}), ...headers } },
      (res) => {
        let b = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (b += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: b }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function call(s: Session, name: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { message: string } }> {
  const r = await request('POST', `/api/call/${name}`, s, JSON.stringify(input), { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` });
  const parsed = JSON.parse(r.body);
  const renewed = r.headers['x-xdesk-csrf'];
  if (renewed) {
    s.csrf = String(renewed);
    s.cookie = String(r.headers['set-cookie']).split(';')[0]!;
  }
  return parsed;
}

async function signIn(username: string): Promise<Session> {
  const r = await request('GET', '/api/csrf', null);
  const s = { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: JSON.parse(r.body).value.csrf as string };
  const l = await call(s, 'auth.login', { username, password: 'password123' });
  if (!l.ok) throw new Error(`login ${username}: ${l.error?.message}`);
  return s;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : NaN);

/** One simulated user's working day, compressed: read mostly, write a progress entry now and then. */
async function dailyMix(s: Session, caseIds: number[], until: () => boolean, out: Sample[], acked: number[], readsOnly = false): Promise<void> {
  let i = 0;
  while (!until() && sent < MAX_REQUESTS) {
    const caseId = caseIds[Math.floor(Math.random() * caseIds.length)]!;
    const pick = readsOnly ? i % 2 : i % 6;
    const step: [string, unknown, boolean] =
      pick === 0
        ? ['ledger.table', { page: 1 + (i % 5), pageSize: 50, sort: ['filedOn', 'caseNo', 'amountDue'][i % 3], order: 'desc' }, false]
        : pick === 1
          ? ['ledger.caseView', { caseId }, false]
          : pick === 2
            ? ['notifications.list', { limit: 30 }, false]
            : pick === 3
              ? ['efiles.search', { q: '查封' }, false]
              : pick === 4
                ? ['approvals.queueCount', {}, false]
                : ['ledger.edit.addProgress', { caseId, onDate: '2026-11-20', measures: ['网络查控'], text: `负载测试进展 ${i}` }, true];
    const t0 = performance.now();
    let ok = false;
    try {
      const r = await call(s, step[0], step[1]);
      ok = r.ok;
      if (!r.ok && out.filter((x) => !x.ok).length < 3) console.error(`  ${step[0]} refused: ${r.error?.message}`);
      if (r.ok && step[2]) acked.push(caseId);
    } catch (e) {
      if (out.filter((x) => !x.ok).length < 3) console.error(`  ${step[0]} failed: ${(e as Error).message}`);
    }
    out.push({ call: step[0], ms: performance.now() - t0, ok, write: step[2] });
    i++;
    // Think time: a person reads what came back before the next click.
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
  }
}

function summary(label: string, samples: Sample[], target: number): BenchResult {
  const reads = samples.filter((x) => !x.write && x.ok).map((x) => x.ms).sort((a, b) => a - b);
  const errors = samples.filter((x) => !x.ok).length;
  const p99 = pct(reads, 99);
  return {
    name: `${label}: ${reads.length} reads, ${samples.filter((x) => x.write).length} writes`,
    figure: `p50 ${ms(pct(reads, 50))}, p99 ${ms(p99)}, max ${ms(reads[reads.length - 1] ?? NaN)}, errors ${errors}`,
    target: `p99 ≤ ${target} ms, 0 errors`,
    pass: p99 <= target && errors === 0,
  };
}

async function waitJob(s: Session, jobId: string): Promise<{ ms: number; state: string; error?: string }> {
  const t0 = performance.now();
  for (;;) {
    const j = await call(s, 'jobs.get', { jobId });
    if (!j.ok) return { ms: performance.now() - t0, state: 'failed', error: j.error?.message };
    if (j.value.state !== 'running') return { ms: performance.now() - t0, state: j.value.state, error: j.value.error?.message };
    if (performance.now() - t0 > HEAVY_CAP_MS) return { ms: performance.now() - t0, state: 'timeout' };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const loadBench: Bench = {
  id: 'load',
  name: `load: ${USERS} users on loopback while an import, a binding and a report run`,
  run: async () => {
    const dir = tempDir('xdesk-load-');
    const results: BenchResult[] = [];
    // Fixture: a ledger, the users, a 500-page volume, a 10k-row workbook.
    const t = testCore({ dir });
    ensureYichangCourts(t.app);
    updateSettings(t.app, { ocrEnabled: false });
    buildLedgerFixture(t.app, FIXTURE);
    const caseIds = (t.app.sqlite.prepare('SELECT id FROM cases ORDER BY id LIMIT 5000').all() as { id: number }[]).map((r) => r.id);
    const names = Array.from({ length: USERS }, (_, i) => `load${i}`);
    for (const n of names) createUser(t.app, { username: n, displayName: `负载${n}`, role: 'clerk', password: 'password123' });
    const chief = createUser(t.app, { username: 'loadchief', displayName: '负载局长', role: 'chief', password: 'password123' });
    createUser(t.app, { username: 'loadclerk', displayName: '负载导入员', role: 'clerk', password: 'password123' });
    const volumeCase = seedCase(t.app, chief.id, 8001);
    const photo = (() => {
      const cv = createCanvas(1240, 1754);
      const g = cv.getContext('2d');
      g.fillStyle = '#f3efe6';
      g.fillRect(0, 0, cv.width, cv.height);
      return cv.toBuffer('image/jpeg', 80);
    })();
    for (let d = 0; d < DOCS; d++) {
      const pages = Array.from({ length: 19 }, (_, p) => [`执行文书 ${d + 1}`, `第 ${p + 1} 页`, '依法查封被执行人名下财产。'.repeat(12)]);
      await fileGeneratedDocument(t.app, { caseId: volumeCase.id, volume: '正卷', title: `执行文书${d + 1}`, fileName: `文书${d + 1}.pdf`, bytes: textPdf(pages), userId: chief.id });
      await fileGeneratedDocument(t.app, { caseId: volumeCase.id, volume: '正卷', title: `现场照片${d + 1}`, fileName: `照片${d + 1}.jpg`, bytes: photo, userId: chief.id });
    }
    const workbook = await generatedLedger(ROWS, { year: 2024 });
    const progressBefore = (t.app.sqlite.prepare("SELECT count(*) AS n FROM progress_entries WHERE text LIKE '负载测试进展%'").get() as { n: number }).n;
    t.app.close();

    const child = spawn(path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx'), [path.resolve(import.meta.dirname, 'loadServerChild.ts'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      port = await new Promise<number>((resolve, reject) => {
        child.stdout.once('data', (d) => resolve(JSON.parse(String(d)).port));
        child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
      });
      const sessions: Session[] = [];
      for (const n of names) sessions.push(await signIn(n));
      const chiefS = await signIn('loadchief');
      const clerkS = await signIn('loadclerk');
      const acked: number[] = [];

      // 1. The daily mix alone.
      let end = performance.now() + PHASE_MS;
      const quiet: Sample[] = [];
      await Promise.all(sessions.map((s) => dailyMix(s, caseIds, () => performance.now() > end, quiet, acked)));
      results.push(summary(`${USERS} users, daily mix alone (${PHASE_MS / 1000} s)`, quiet, 200));

      // 2. The same, while an import, a binding and a report run as jobs.
      const up = await request('POST', `/api/file/upload?for=ledger.import.preview&name=${encodeURIComponent('负载.xlsx')}`, clerkS, workbook, { 'Content-Type': 'application/octet-stream', Origin: `http://127.0.0.1:${port}` });
      const uploadId = JSON.parse(up.body).value.uploadId as string;
      const pv = await call(clerkS, 'ledger.import.preview', { uploadId });
      if (!pv.ok) throw new Error(`preview: ${pv.error?.message}`);
      const heavy: Sample[] = [];
      let heavyDone = false;
      const mix = Promise.all(sessions.map((s) => dailyMix(s, caseIds, () => heavyDone, heavy, acked)));
      const tHeavy = performance.now();
      const jobs = await Promise.all([
        call(clerkS, 'jobs.start', { call: 'ledger.import.commit', input: { uploadId } }),
        call(chiefS, 'jobs.start', { call: 'efiles.bind', input: { caseId: volumeCase.id, volume: '正卷' } }),
        call(chiefS, 'jobs.start', { call: 'reports.weekly.generate', input: { week: '2026-W47' } }),
      ]);
      const ends = await Promise.all(jobs.map((j, i) => (j.ok ? waitJob(i === 0 ? clerkS : chiefS, j.value.jobId) : Promise.resolve({ ms: 0, state: 'failed', error: j.error?.message }))));
      heavyDone = true;
      await mix;
      results.push(summary(`${USERS} users while import + binding + report run (${((performance.now() - tHeavy) / 1000).toFixed(1)} s)`, heavy, 200));
      results.push({
        name: 'heavy jobs beside the users',
        figure: [`${ROWS}-row import`, `${DOCS * 20}-page binding`, 'weekly report'].map((n, i) => `${n} ${ends[i]!.state} in ${ms(ends[i]!.ms)}${ends[i]!.error ? ` (${ends[i]!.error})` : ''}`).join('; '),
        pass: ends.every((e) => e.state === 'done'),
      });

      // 3. Each heavy job alone beside 5 users reading the ledger.
      const solo: [string, () => Promise<{ ok: boolean; value?: any; error?: { message: string } }>, Session][] = [
        [`${ROWS}-row import (re-import: every row checked, recognised as duplicate)`, async () => {
          const u = await request('POST', `/api/file/upload?for=ledger.import.preview&name=x.xlsx`, clerkS, workbook, { 'Content-Type': 'application/octet-stream', Origin: `http://127.0.0.1:${port}` });
          return call(clerkS, 'jobs.start', { call: 'ledger.import.commit', input: { uploadId: JSON.parse(u.body).value.uploadId } });
        }, clerkS],
        [`${DOCS * 20}-page binding`, () => call(chiefS, 'jobs.start', { call: 'efiles.bind', input: { caseId: volumeCase.id, volume: '正卷' } }), chiefS],
        ['weekly report generation', () => call(chiefS, 'jobs.start', { call: 'reports.weekly.generate', input: { week: '2026-W46' } }), chiefS],
      ];
      for (const [label, start, owner] of solo) {
        const reads: Sample[] = [];
        let done = false;
        const readers = Promise.all(sessions.slice(0, 5).map((s) => dailyMix(s, caseIds, () => done, reads, acked, true)));
        const j = await start();
        const e = j.ok ? await waitJob(owner, j.value.jobId) : { ms: 0, state: 'failed', error: j.error?.message };
        done = true;
        await readers;
        const r = summary(`ledger reads (5 users) beside ${label} — job ${e.state} in ${ms(e.ms)}`, reads, 100);
        results.push({ ...r, pass: r.pass && e.state === 'done' });
      }

      // 4. Lost writes: every acknowledged progress entry is in the database.
      const check = testCore({ dir });
      const stored = (check.app.sqlite.prepare("SELECT count(*) AS n FROM progress_entries WHERE text LIKE '负载测试进展%'").get() as { n: number }).n - progressBefore;
      check.app.close();
      results.push({ name: 'writes acknowledged vs stored (progress entries)', figure: `${acked.length} acknowledged, ${stored} stored`, target: 'equal (0 lost)', pass: stored === acked.length });
      results.push({ name: 'requests sent', figure: `${sent.toLocaleString('en')} (cap ${MAX_REQUESTS.toLocaleString('en')}); load average after ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}` });
    } finally {
      child.stdin.end();
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill();
      agent.destroy();
    }
    return results;
  },
};
