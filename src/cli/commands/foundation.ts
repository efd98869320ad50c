import type { Command } from 'commander';
import { ROLE_LABELS, ROLES, type Role } from '../../contract/roles';
import { countUsers, listUsers } from '../../core/auth/users';
import { loadDemoData, DEMO_PASSWORD, DEMO_USERS } from '../../core/demo/demo';
import { backupTo, restoreFrom } from '../../core/db/backup';
import { backupFull } from '../../core/db/fullBackup';
import { indexMissingText } from '../../core/efiles/text/catchUp';
import { callAsCli, cliPrincipal, CliError, globals, output, withApp } from '../context';
import { obtainPassword } from '../prompt';

export function registerFoundation(program: Command): void {
  program
    .command('init')
    .description('首次运行：创建管理员（first run: create the administrator）')
    .option('--username <name>', '管理员用户名', 'admin')
    .option('--name <displayName>', '管理员姓名', '系统管理员')
    .option('--password <password>', '管理员密码（也可用环境变量 XDESK_PASSWORD）')
    .option('--demo', '同时载入演示数据')
    .action(async (opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (countUsers(app) > 0) throw new CliError('已初始化：管理员已存在。新增用户请用 user add');
        const password = await obtainPassword(opts.password);
        const u = await callAsCli(app, 'auth.setupAdmin', {
          username: opts.username,
          displayName: opts.name,
          password,
          loadDemo: !!opts.demo,
        });
        output(o, { user: u, dataDir: app.dataDir }, () => `已创建管理员 ${u.displayName}（${u.username}），数据目录：${app.dataDir}`);
      }),
    );

  const user = program.command('user').description('用户管理（users）');
  user
    .command('add <username>')
    .description('新增用户')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', `角色：${ROLES.map((r) => `${r}=${ROLE_LABELS[r]}`).join(' ')}`)
    .option('--password <password>', '初始密码（也可用环境变量 XDESK_PASSWORD）')
    .action(async (username: string, opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (!ROLES.includes(opts.role)) throw new CliError(`角色应为 ${ROLES.join(' / ')} 之一`);
        const password = await obtainPassword(opts.password);
        const u = await callAsCli(app, 'users.add', { username, displayName: opts.name, role: opts.role as Role, password });
        output(o, u, () => `已新增用户 ${u.displayName}（${u.username}，${ROLE_LABELS[u.role]}）`);
      }),
    );
  user
    .command('list')
    .description('列出用户')
    .action(async (_opts, cmd: Command) =>
      withApp(cmd, (app, o) => {
        const rows = listUsers(app).map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          disabled: u.disabled,
          lockedUntil: u.lockedUntil,
          lastLoginAt: u.lastLoginAt,
        }));
        output(o, rows, () =>
          rows.length
            ? rows.map((u) => `${u.id}\t${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}${u.disabled ? '\t已停用' : ''}`).join('\n')
            : '（尚无用户，请先运行 init）',
        );
      }),
    );
  user
    .command('passwd <username>')
    .description('重置用户密码')
    .option('--password <password>', '新密码（也可用环境变量 XDESK_PASSWORD）')
    .action(async (username: string, opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const u = findUser(app, username);
        const password = await obtainPassword(opts.password);
        await callAsCli(app, 'users.resetPassword', { userId: u.id, newPassword: password });
        output(o, { done: true }, () => `已重置 ${u.displayName} 的密码`);
      }),
    );
  user
    .command('disable <username>')
    .description('停用用户（--enable 重新启用）')
    .option('--enable', '重新启用')
    .action(async (username: string, opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const u = findUser(app, username);
        await callAsCli(app, 'users.setDisabled', { userId: u.id, disabled: !opts.enable });
        output(o, { done: true }, () => `已${opts.enable ? '启用' : '停用'}用户 ${u.displayName}`);
      }),
    );

  program
    .command('demo')
    .description('载入演示数据（虚构）；未初始化时同时创建管理员 admin')
    .option('--password <password>', '新建管理员的密码（默认 admin12345）')
    .action(async (opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        let adminNote = '';
        if (countUsers(app) === 0) {
          await callAsCli(app, 'auth.setupAdmin', {
            username: 'admin',
            displayName: '系统管理员',
            password: opts.password ?? process.env.XDESK_PASSWORD ?? 'admin12345',
            loadDemo: true,
          });
          adminNote = `管理员 admin，密码 ${opts.password ?? process.env.XDESK_PASSWORD ?? 'admin12345'}\n`;
        } else {
          app.sqlite.transaction(() => loadDemoData(app, cliPrincipal()))();
        }
        // The demo's documents are indexed after its transaction; the CLI exits when this returns,
        // so wait for it here (scans stay queued for OCR, which runs when the app starts).
        await indexMissingText(app);
        output(o, { users: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD }, () =>
          `${adminNote}已载入演示数据。演示账户：${DEMO_USERS.map((u) => `${u.displayName} ${u.username}`).join('、')}，密码均为 ${DEMO_PASSWORD}`,
        );
      }),
    );

  program
    .command('backup <target>')
    .description('完整备份到新文件夹：数据库、电子卷宗文件、审批文书、密钥（--db-only 只备份数据库到一个文件）')
    .option('--db-only', '只备份数据库（不含电子卷宗文件和密钥）')
    .action(async (target: string, opts: { dbOnly?: boolean }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.dbOnly) {
          const r = await backupTo(app, target);
          output(o, { ...r, holds: ['数据库'] }, () => `已备份数据库到 ${r.file}（${(r.bytes / 1024).toFixed(0)} KB）。注意：仅含数据库，不含电子卷宗文件和密钥；完整备份请去掉 --db-only`);
          return;
        }
        const r = await backupFull(app, target);
        output(o, r, () => [`已完整备份到 ${r.dir}，包含：`, ...r.manifest.holds.map((h) => `  · ${h}`)].join('\n'));
      }),
    );
  program
    .command('restore <backup>')
    .description('从备份恢复（完整备份文件夹或仅数据库的文件；当前数据库先另存一份；须先关闭所有窗口和命令）')
    .action(async (file: string, _opts, cmd: Command) => {
      const o = globals(cmd);
      const r = restoreFrom(o.data, file, { by: cliPrincipal().displayName });
      output(o, r, () => `已从 ${file} 恢复；恢复前的数据另存于 ${r.previous ?? '（无）'}`);
    });

  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链，报告第一条被改动或删除的记录')
    .action(async (_opts, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const v = await callAsCli(app, 'audit.verify', {});
        output(o, v, () => (v.ok ? `审计日志完整：共 ${v.count} 条记录` : `审计日志被改动：${v.firstBad?.reason}`));
        if (!v.ok) process.exitCode = 3;
      }),
    );
}

function findUser(app: Parameters<typeof listUsers>[0], username: string) {
  const u = listUsers(app).find((x) => x.username.toLowerCase() === username.toLowerCase());
  if (!u) throw new CliError(`用户「${username}」不存在`);
  return u;
}
