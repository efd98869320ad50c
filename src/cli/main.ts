import { Command, CommanderError } from 'commander';
import { registerFoundation } from './commands/foundation';
import { registerLedgerExcel } from './commands/ledgerExcel';
import { registerLedgerDeadlines } from './commands/ledgerDeadlines';
import { registerEfiles } from './commands/efiles';
import { registerEfilesSearch } from './commands/efilesSearch';
import { registerExchange } from './commands/exchange';
import { registerReports } from './commands/reports';
import { registerServe } from './commands/serve';
import { CliError } from './context';
import { DomainError } from '../core/errors';

/** `xdesk` / `npm run cli -- …`: the administrator's and automation's host of the core. */
export function buildProgram(): Command {
  const program = new Command('xdesk')
    .description('交叉执行工作台 命令行（Cross-Execution Desk CLI）')
    .option('--data <dir>', '数据目录（默认：本机用户数据目录；也可用环境变量 XDESK_DATA）')
    .option('--json', '以 JSON 输出，供程序读取')
    .showHelpAfterError()
    .exitOverride();
  // Each module registers its commands here (one line each).
  registerFoundation(program);
  registerLedgerExcel(program);
  registerLedgerDeadlines(program);
  registerEfiles(program);
  registerEfilesSearch(program);
  registerExchange(program);
  registerReports(program);
  registerServe(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    const msg = e instanceof CliError || e instanceof DomainError || e instanceof Error ? e.message : String(e);
    process.stderr.write(`错误：${msg}\n`);
    return e instanceof CliError ? e.exitCode : 1;
  }
}

const isMain = process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
