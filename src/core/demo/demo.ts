import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { createUser } from '../auth/users';
import { appendAudit } from '../audit/audit';
import { countUsers } from '../auth/users';
import { ledgerDemo } from '../ledger/demo';
import { efilesDemoStep } from '../efiles/demo';
import { approvalsDemo } from '../approvals/demo';

/** Demo accounts (fictional people); the first-run page shows them. */
export const DEMO_PASSWORD = 'demo12345';
export const DEMO_USERS = [
  { username: 'zhangcb', displayName: '张承办', role: 'staff' as const },
  { username: 'liucb', displayName: '刘承办', role: 'staff' as const },
  { username: 'lisj', displayName: '李书记员', role: 'clerk' as const },
  { username: 'wangjz', displayName: '王局长', role: 'chief' as const },
  { username: 'zhaoyz', displayName: '赵副院长', role: 'leader' as const },
];

export type DemoStep = (app: CoreApp, ctx: { admin: UserPublic; users: Record<string, UserPublic> }) => void;

/** How each module extends the demo, in dependency order (modules add one line each). */
const DEMO_STEPS: DemoStep[] = [ledgerDemo, efilesDemoStep, approvalsDemo];

/** Loads fictional demo data: the staff of a bureau, then each module's records. Runs inside the caller's transaction. */
export function loadDemoData(app: CoreApp, admin: UserPublic): void {
  const users: Record<string, UserPublic> = {};
  const existing = new Set(
    (app.sqlite.prepare('SELECT username FROM users').all() as { username: string }[]).map((r) => r.username.toLowerCase()),
  );
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) {
      const row = app.sqlite.prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ? COLLATE NOCASE').get(u.username) as UserPublic;
      users[u.username] = row;
      continue;
    }
    const created = createUser(app, { ...u, password: DEMO_PASSWORD });
    users[u.username] = { id: created.id, username: created.username, displayName: created.displayName, role: created.role };
  }
  for (const step of DEMO_STEPS) step(app, { admin, users });
  appendAudit(app, { userId: admin.id, userName: admin.displayName, call: 'demo.load', summary: `载入演示数据（${countUsers(app)} 名用户）` });
}
