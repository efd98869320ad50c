import { z } from 'zod';
import { manifestSchema, MANIFEST_VERSION } from '../../contract/calls/exchange';

/**
 * The published JSON Schema of manifest.json (docs/manifest.schema.json), generated from the zod
 * schema the exporter and verifier use, so the receiver's software and ours cannot drift apart.
 * Regenerate: `npx tsx src/core/exchange/manifestJsonSchema.ts --write`; a unit test fails when
 * the committed file differs.
 */
export function manifestJsonSchemaText(): string {
  const schema = z.toJSONSchema(manifestSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const doc = {
    $schema: schema.$schema,
    $id: `https://xdesk.local/schemas/upward-package/manifest-v${MANIFEST_VERSION}.json`,
    title: '上报包清单 manifest.json（交叉执行工作台）',
    description:
      'Manifest of an upward package (上报包). Signed with Ed25519 by manifest.sig (JSON: format, version, signs, algorithm, keyId, signature base64) over the exact bytes of manifest.json. Paths follow docs/upward-package.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv.includes('--write') && /manifestJsonSchema\.ts$/.test(process.argv[1] ?? '')) {
  void import('node:fs').then((fs) => {
    fs.writeFileSync(new URL('../../../docs/manifest.schema.json', import.meta.url), manifestJsonSchemaText());
    console.log('docs/manifest.schema.json written');
  });
}
