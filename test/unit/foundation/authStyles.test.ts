import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const authDir = path.join(root, 'src/renderer/auth');

/** The @mantine/core stylesheets each component of the sign-in pages needs (@mantine/core/styles/<name>.css). */
const NEEDS: Record<string, string[]> = {
  Alert: ['Alert', 'CloseButton'],
  Box: [],
  Button: ['Button', 'UnstyledButton', 'Loader'],
  Center: ['Center'],
  Checkbox: ['Checkbox', 'InlineInput'],
  Divider: ['Divider'],
  Group: ['Group'],
  Loader: ['Loader'],
  Paper: ['Paper'],
  PasswordInput: ['Input', 'PasswordInput', 'ActionIcon', 'UnstyledButton'],
  Stack: ['Stack'],
  Text: ['Text'],
  TextInput: ['Input'],
  Title: ['Title'],
};

/**
 * The first-run, login and lock pages load only the Mantine styles main.tsx names (the whole
 * stylesheet comes with the shell, after sign-in: cold start). A component added to those pages
 * without its stylesheet would show unstyled until someone signs in, so this test names it.
 */
it('main.tsx loads the stylesheet of every Mantine component the sign-in pages use', () => {
  const main = fs.readFileSync(path.join(root, 'src/renderer/main.tsx'), 'utf8');
  const loaded = new Set([...main.matchAll(/import '@mantine\/core\/styles\/([A-Za-z-]+)\.css'/g)].map((m) => m[1]!));
  const used = new Set<string>();
  for (const f of fs.readdirSync(authDir).filter((n) => n.endsWith('.tsx'))) {
    const src = fs.readFileSync(path.join(authDir, f), 'utf8');
    for (const m of src.matchAll(/import \{([^}]+)\} from '@mantine\/core'/g)) {
      for (const name of m[1]!.split(',').map((s) => s.trim().replace(/^type\s+/, '')).filter(Boolean)) if (/^[A-Z]/.test(name)) used.add(name);
    }
  }
  expect(used.size).toBeGreaterThan(5);
  const unknown = [...used].filter((c) => !NEEDS[c]);
  expect(unknown, 'add these components to NEEDS here and their stylesheets to src/renderer/main.tsx').toEqual([]);
  const missing = [...used].flatMap((c) => NEEDS[c]!.filter((css) => !loaded.has(css)).map((css) => `${c}: ${css}.css`));
  expect(missing).toEqual([]);
  // The global layer the components rely on, and the Notification toast any call's error can show.
  for (const css of ['baseline', 'default-css-variables', 'global', 'Notification', 'CloseButton']) expect(loaded.has(css), css).toBe(true);
});
