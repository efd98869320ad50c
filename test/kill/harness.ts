import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../src/core/app';
import { createUser } from '../../src/core/auth/users';
import { verifyAudit } from '../../src/core/audit/audit';
import { sweepStore, verifyStore } from '../../src/core/efiles/store';
import { fileUnfiledReports } from '../../src/core/reports/efilesFiling';
import { tempDir } from '../support/core';
import { seedCase } from '../support/efiles';
import { spawnTs } from '../support/child';
import { checkOp, prepare, runOp, type Op } from './ops';

/**
 * The kill harness (issue 12, "How it is checked"): for each operation, a host process runs it and
 * is killed with SIGKILL at a random moment; then, as the next host start would, the folder is
 * opened and checked — quick_check, `efile verify`, `audit verify`, no blob without a row after
 * `efile sweep`, no leftovers (tmp/, .part, .partial) — the operation is re-run to completion,
 * and its own invariant must hold (same result as an uninterrupted run).
 * A kill that lands after the operation finished is not counted as tried.
 */
export type Figures = { op: Op; tried: number; survived: number; lost: number; finishedFirst: number; problems: string[] };

/** Longest useful kill delay per operation (ms after the child reports it began), from trial runs. */
const WINDOW: Record<Op, number> = { excel: 2500, efile: 5000, export: 4000, report: 6000, backup: 40 };

export async function killRounds(op: Op, kills: number, log: (s: string) => void = () => undefined): Promise<Figures> {
  const dataDir = tempDir(`xdesk-kill-${op}-`);
  const work = tempDir(`xdesk-killwork-${op}-`);
  const f: Figures = { op, tried: 0, survived: 0, lost: 0, finishedFirst: 0, problems: [] };
  try {
    let app = openCore({ dataDir });
    const staff = createUser(app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
    seedCase(app, staff.id);
    await prepare(app, work);
    app.close();
    let completed = 0;
    for (let round = 0; f.tried < kills && round < kills * 3; round++) {
      const child = spawnTs('test/kill/killChild.ts', [op, dataDir, work]);
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => child.stdout().includes('begin') && (clearInterval(t), resolve()), 10);
        void child.exited.then(() => (clearInterval(t), reject(new Error(`child ended before it began: ${child.stderr().slice(-1500)}`))));
      });
      const delay = Math.random() * WINDOW[op];
      await Promise.race([new Promise((r) => setTimeout(r, delay)), child.exited]);
      child.proc.kill('SIGKILL');
      const end = await child.exited;
      if (child.stdout().includes('done')) {
        f.finishedFirst++;
        completed++;
        if (op === 'excel') resetExcel(dataDir);
        continue;
      }
      if (end !== 'SIGKILL') throw new Error(`child failed (${end}): ${child.stderr().slice(-1500)}`);
      f.tried++;

      // The next host start: open (sweeps leftovers when alone), finish pending filings, check.
      app = openCore({ dataDir });
      const problems: string[] = [];
      try {
        await fileUnfiledReports(app);
        if (app.sqlite.pragma('quick_check', { simple: true }) !== 'ok') problems.push('quick_check 未通过');
        const a = verifyAudit(app);
        if (!a.ok) problems.push(`audit verify：${a.firstBad?.reason}`);
        sweepStore(app, { graceMs: 0 });
        const v = await verifyStore(app);
        if (v.problems.length) problems.push(`efile verify：${v.problems.length} 个问题`);
        if (v.orphans) problems.push(`efile sweep 后仍有 ${v.orphans} 个无记录文件`);
        problems.push(...leftovers(dataDir));
        // Re-run to completion, as the user would.
        await runOp(app, op, work);
        completed++;
        await fileUnfiledReports(app);
        problems.push(...checkOp(app, op, work, completed));
        problems.push(...leftovers(dataDir).map((p) => `重做后：${p}`));
        const after = verifyAudit(app);
        if (!after.ok) problems.push(`重做后 audit verify：${after.firstBad?.reason}`);
      } catch (e) {
        problems.push(`重做失败：${e instanceof Error ? e.message : String(e)}`);
      } finally {
        app.close();
      }
      // A re-run makes a second import of the same workbook a no-op; reset so the next kill lands in real work.
      if (op === 'excel') resetExcel(dataDir);
      if (problems.length) {
        f.lost++;
        f.problems.push(`第 ${f.tried} 次（${Math.round(delay)} ms）：${problems.join('；')}`);
      } else f.survived++;
      log(`${op}: kill ${f.tried} at ${Math.round(delay)} ms — ${problems.length ? problems.join('; ') : 'ok'}`);
    }
    return f;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Things no operation may leave behind once a host has started alone. */
function leftovers(dataDir: string): string[] {
  const found: string[] = [];
  for (const rel of ['tmp/uploads', 'tmp/exchange', 'tmp/downloads', 'efiles/tmp']) {
    const d = path.join(dataDir, rel);
    if (fs.existsSync(d) && fs.readdirSync(d).length) found.push(`遗留 ${rel}/${fs.readdirSync(d)[0]}`);
  }
  for (const rel of ['.', 'backups']) {
    const d = path.join(dataDir, rel);
    if (fs.existsSync(d)) for (const f of fs.readdirSync(d)) if (/\.part(ial)?-/.test(f)) found.push(`遗留 ${rel}/${f}`);
  }
  return found;
}

function resetExcel(dataDir: string): void {
  const app = openCore({ dataDir });
  try {
    // Through SQL: the harness wants the workbook to import afresh, not a product path.
    app.sqlite.pragma('foreign_keys = OFF');
    const ids = "SELECT id FROM cases WHERE case_no LIKE '（2023）%'";
    for (const t of app.sqlite.prepare("SELECT m.name AS t FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'case_id' AND m.name NOT LIKE '%fts%'").all() as { t: string }[]) {
      app.sqlite.prepare(`DELETE FROM ${t.t} WHERE case_id IN (${ids})`).run();
    }
    app.sqlite.prepare(`DELETE FROM cases WHERE case_no LIKE '（2023）%'`).run();
    app.sqlite.pragma('foreign_keys = ON');
  } finally {
    app.close();
  }
}
