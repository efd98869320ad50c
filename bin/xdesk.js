#!/usr/bin/env node
// The `xdesk` command: runs the TypeScript CLI through tsx (shipped as a dependency).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// better-sqlite3 is built for Node 22 (the version npm scripts pin): an older Node crashed inside the
// native module (segfault on 20). Stop first, in both languages (issue 12 §15).
const REQUIRED_MAJOR = 22;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  process.stderr.write(
    `错误：交叉执行工作台命令行需要 Node.js ${REQUIRED_MAJOR} 或更高版本，当前为 ${process.version}。请安装 Node.js ${REQUIRED_MAJOR}，或在项目目录中用 npx xdesk 运行。\n` +
      `Error: xdesk requires Node.js ${REQUIRED_MAJOR} or later; this is ${process.version}. Install Node.js ${REQUIRED_MAJOR}, or run it as npx xdesk in the project folder.\n`,
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsxCli, path.join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
