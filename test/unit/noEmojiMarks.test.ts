import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The domain brief's verification marks (✅🟢🟡❓) and other emoji render as empty boxes on
 * 统信/麒麟 (no colour-emoji font) and in the generated PDFs. They belong in source comments only;
 * text a user reads says it in words: （待核实）, （本地规定）. Icons come from @tabler/icons-react.
 */
const ROOT = path.resolve(import.meta.dirname, '../../src');
// ★☆ (U+2605/2606) are in the CJK fonts (the demo seal draws one), so they are allowed.
const MARKS = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{2604}\u{2607}-\u{26FF}\u{2700}-\u{27BF}\u{2B00}-\u{2BFF}]/u;

function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) yield p;
  }
}

/** Drops comments (line, block, JSX) so only code and strings are looked at. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => (/^\s*\/\//.test(l) ? '' : l.replace(/\s\/\/\s.*$/, '')))
    .join('\n');
}

describe('no emoji in user-facing text', () => {
  it('src/ (core messages, renderer, CLI output, documents) carries no emoji outside comments', () => {
    const found: string[] = [];
    for (const file of sources(ROOT)) {
      code(fs.readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (MARKS.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found).toEqual([]);
  });
});
