import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { writeZip } from '../../src/core/exchange/zipWrite';

/**
 * Child process of the interrupted-export test (test/unit/exchange/interrupted.test.ts): writes a
 * package of 64 MiB streamed a chunk at a time, printing a line per chunk, until its parent kills it.
 */
const [out] = process.argv.slice(2);
let n = 0;
const chunks = async function* () {
  for (; n < 64; n++) {
    yield randomBytes(1 << 20);
    process.stdout.write(`chunk ${n}\n`);
    await new Promise((r) => setTimeout(r, 15));
  }
};
await writeZip(out!, [
  { name: 'report.docx', data: { buffer: Buffer.from('first entry') } },
  { name: 'volume.pdf', data: { stream: () => Readable.from(chunks()), size: 64 << 20 } },
]);
process.stdout.write('all done\n');
