import readline from 'node:readline';

/** Asks for a line on the terminal; with `hidden` the typed characters are not echoed. */
export function ask(question: string, hidden = false): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    if (hidden) {
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) write.call(rl, s);
        else if (s.includes('\n')) write.call(rl, '\n');
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

/** A password from --password, the XDESK_PASSWORD variable, or asked for twice on the terminal. */
export async function obtainPassword(given: string | undefined, confirm = true): Promise<string> {
  if (given) return given;
  if (process.env.XDESK_PASSWORD) return process.env.XDESK_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('请用 --password 或环境变量 XDESK_PASSWORD 提供密码');
  const a = await ask('密码：', true);
  if (confirm) {
    const b = await ask('再次输入密码：', true);
    if (a !== b) throw new Error('两次输入的密码不一致');
  }
  return a;
}
