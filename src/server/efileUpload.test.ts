import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { caller, testCore, type TestCore } from '../../test/support/core';
import { httpRequest } from '../../test/support/http';
import { seedCase, textPdf } from '../../test/support/efiles';
import { updateSettings } from '../core/settings/settings';
import { stageFile } from '../core/files/uploads';

// Browser uploads for efiles.import follow the per-file setting efileMaxFileMb (default 500 MB,
// not the 100 MB default of other uploads) and stream to disk as they arrive.
let t: TestCore;
let s: RunningServer;
beforeAll(async () => {
  t = testCore();
  s = await startServer({ app: t.app, rendererDir: t.dir });
});
afterAll(async () => {
  await s.close();
  t.cleanup();
});
beforeEach(() => updateSettings(t.app, { efileMaxFileMb: 500, ocrEnabled: false }));

const MB = 1024 * 1024;
const stagingDir = () => path.join(t.dir, 'tmp', 'uploads');
const staged = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []);

async function session() {
  const r = await send('/api/csrf', {});
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const csrf = JSON.parse(r.body).value.csrf as string;
  const u = t.as('staff', '张承办');
  t.app.sessions.bind(decodeURIComponent(cookie.split('=')[1]!), u.user.id);
  return { cookie, csrf, user: u.user };
}

/** One request with the body written chunk by chunk (test/support/http.ts); the answer as text. */
async function send(p: string, o: { method?: string; headers?: Record<string, string>; chunks?: AsyncIterable<Buffer>; length?: number }) {
  const r = await httpRequest(s.port, p, o);
  return { ...r, body: r.body.toString('utf8') };
}

async function* filled(total: number, onChunk?: (sent: number) => Promise<void>): AsyncIterable<Buffer> {
  const chunk = Buffer.alloc(MB, 0x25);
  for (let sent = 0; sent < total; ) {
    const n = Math.min(MB, total - sent);
    yield n === MB ? chunk : chunk.subarray(0, n);
    sent += n;
    await onChunk?.(sent);
  }
}

const upload = (sess: { cookie: string; csrf: string }, name: string, chunks: AsyncIterable<Buffer>, length?: number) =>
  send(`/api/file/upload?for=efiles.import&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Cookie: sess.cookie, 'X-CSRF-Token': sess.csrf, Origin: `http://127.0.0.1:${s.port}`, 'Content-Type': 'application/octet-stream' },
    chunks,
    length,
  });

describe('browser upload for efiles.import', () => {
  it('refuses a file just over a lowered efileMaxFileMb, by its declared length and while streaming, leaving nothing staged', async () => {
    updateSettings(t.app, { efileMaxFileMb: 2 });
    const sess = await session();
    const declared = await upload(sess, '扫描件.pdf', filled(2 * MB + 1), 2 * MB + 1);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '「扫描件.pdf」超过单个文件 2 MB 的上限（设置项「单个文件大小上限」），未上传' });
    // Chunked (no length given): cut off at the limit while streaming, the partial file removed.
    const streamed = await upload(sess, '扫描件.pdf', filled(2 * MB + 1));
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toContain('超过单个文件 2 MB');
    expect(staged()).toEqual([]);
    // Exactly at the limit is accepted.
    const at = await upload(sess, '扫描件.pdf', filled(2 * MB), 2 * MB);
    expect(JSON.parse(at.body)).toMatchObject({ ok: true, value: { size: 2 * MB } });
  });

  it('the Electron and CLI path (stageFile) applies the same setting', async () => {
    updateSettings(t.app, { efileMaxFileMb: 1 });
    const sess = await session();
    const file = path.join(t.dir, '大文件.pdf');
    fs.writeFileSync(file, Buffer.alloc(MB + 1, 0x25));
    await expect(stageFile(t.app, sess.user, 'efiles.import', file)).rejects.toThrow('「大文件.pdf」超过单个文件 1 MB 的上限');
    fs.truncateSync(file, MB);
    await expect(stageFile(t.app, sess.user, 'efiles.import', file)).resolves.toMatchObject({ size: MB });
  });

  it('takes more than the 100 MB of other uploads, streamed to disk as it arrives', async () => {
    const sess = await session();
    const total = 120 * MB;
    let onDisk = 0;
    const body = filled(total, async (sent) => {
      // Halfway through sending, the server must already have most of it in the staging file:
      // the body goes to disk as it arrives instead of being collected in memory.
      if (sent !== 60 * MB) return;
      const part = () => staged().filter((f) => f.endsWith('.part')).map((f) => fs.statSync(path.join(stagingDir(), f)).size)[0] ?? 0;
      for (let i = 0; i < 100 && part() < 40 * MB; i++) await new Promise((r) => setTimeout(r, 50));
      onDisk = part();
    });
    const r = await upload(sess, '整卷扫描件.pdf', body, total);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: '整卷扫描件.pdf', size: total } });
    expect(onDisk).toBeGreaterThanOrEqual(40 * MB);
    expect(onDisk).toBeLessThanOrEqual(60 * MB);
  }, 120_000);

  it('a staged file is still checked against the setting when it is imported (the setting may have been lowered meanwhile)', async () => {
    const sess = await session();
    const c = seedCase(t.app, sess.user.id);
    const pdf = Buffer.concat([textPdf([['执行裁定书']]), Buffer.alloc(MB, 0x20)]);
    const stagedUp = JSON.parse((await upload(sess, '裁定书.pdf', (async function* () { yield pdf; })(), pdf.length)).body).value;
    updateSettings(t.app, { efileMaxFileMb: 1 });
    const r = await caller(t.app, sess.user, decodeURIComponent(sess.cookie.split('=')[1]!)).call('efiles.import', { caseId: c.id, uploadId: stagedUp.uploadId, volume: '正卷' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('超过单个文件 1 MB');
  });
});
