import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors';

/**
 * Who holds a data folder (issue 12 §7). Every host — the desktop window, browser mode, each CLI
 * command — opens the folder through `openCore`, which leaves a mark `<data>/hosts/<pid>-<rand>.json`
 * until it closes. A restore replaces the database file under the hosts' feet, so it refuses while
 * any live mark exists, and while it runs it holds `<data>/restore.lock`, which `openCore` honours.
 * A mark of a process that no longer exists (killed, power cut) is stale and is removed on sight.
 * Both sides write their own mark before they look at the other's, so neither can slip past.
 */
type Mark = { pid: number; host: string; at: string; what: string };

const HOSTS = 'hosts';
export const RESTORE_LOCK = 'restore.lock';

/** Marks of this process, removed at exit even if a host forgot to close. */
const held = new Set<string>();
let exitHooked = false;

const hostsDir = (dataDir: string) => path.join(dataDir, HOSTS);

/** True unless the process is known to be gone (same machine, no such pid). */
function alive(m: Mark): boolean {
  if (m.host !== os.hostname()) return true; // another machine on a shared folder: cannot tell, assume alive
  try {
    process.kill(m.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readMark(file: string): Mark | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Mark;
  } catch {
    return null; // half-written by a process killed mid-write: treated as stale
  }
}

const describe = (m: Mark) => `${m.what}（进程 ${m.pid}${m.host !== os.hostname() ? `，计算机 ${m.host}` : ''}，自 ${m.at}）`;

/** Leaves this host's mark; the returned function removes it (also on process exit). */
export function holdDataDir(dataDir: string, what = hostName()): () => void {
  fs.mkdirSync(hostsDir(dataDir), { recursive: true, mode: 0o700 });
  const file = path.join(hostsDir(dataDir), `${process.pid}-${randomBytes(4).toString('hex')}.json`);
  const mark: Mark = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), what };
  fs.writeFileSync(file, JSON.stringify(mark), { mode: 0o600 });
  held.add(file);
  if (held.size === 1 && !exitHooked) {
    exitHooked = true;
    process.on('exit', () => held.forEach((f) => fs.rmSync(f, { force: true })));
  }
  const release = () => {
    fs.rmSync(file, { force: true });
    held.delete(file);
  };
  try {
    const restore = readMark(path.join(dataDir, RESTORE_LOCK));
    if (restore && restore.pid !== process.pid && alive(restore)) {
      throw new DomainError('CONFLICT', `数据目录正在从备份恢复：${describe(restore)}。请等恢复完成后再打开。`);
    }
  } catch (e) {
    release();
    throw e;
  }
  return release;
}

/** Live marks of hosts holding the folder (stale ones are removed). */
export function liveHolders(dataDir: string): Mark[] {
  const dir = hostsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const live: Mark[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const m = readMark(file);
    if (m && alive(m)) live.push(m);
    else fs.rmSync(file, { force: true });
  }
  return live;
}

/**
 * Runs `fn` holding the restore lock, after checking that no host holds the folder. A second
 * restore at the same time is refused; a lock left by a killed restore is taken over.
 */
export function whileNoHostHolds<T>(dataDir: string, fn: () => T): T {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = path.join(dataDir, RESTORE_LOCK);
  const mark: Mark = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), what: '恢复备份' };
  for (;;) {
    try {
      fs.writeFileSync(lock, JSON.stringify(mark), { flag: 'wx', mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readMark(lock);
      if (other && alive(other)) throw new DomainError('CONFLICT', `另一个恢复正在进行：${describe(other)}`);
      fs.rmSync(lock, { force: true });
    }
  }
  try {
    const holders = liveHolders(dataDir);
    if (holders.length) {
      throw new DomainError(
        'CONFLICT',
        `数据目录正在使用，不能恢复：${holders.map(describe).join('；')}。请先关闭桌面窗口、浏览器模式和正在运行的命令，再恢复（恢复会替换数据库，运行中的程序之后写入的内容会丢失）。`,
      );
    }
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function hostName(): string {
  if (process.versions.electron) return '桌面窗口';
  const script = process.argv[1] ?? '';
  if (/server|launcher|start/.test(script)) return '浏览器模式';
  if (/cli|xdesk/.test(script)) return `命令行 ${process.argv.slice(2).filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}`.trim();
  return '程序';
}
