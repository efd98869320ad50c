import { resolve } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main and preload run in Electron; the renderer is the same build that browser mode serves.
export default defineConfig({
  main: {
    // chinese-days is bundled, not left external: its data is a JSON module, and Node refuses a bare
    // JSON import from the bundle (the `with { type: 'json' }` attribute does not survive bundling).
    // drizzle-orm and zod are bundled for start-up time: loaded as external ESM, every one of
    // drizzle's ~100 files made Node re-read its 179 KB package.json `exports` map (~370 ms of a
    // 1.1 s start in a CPU profile); bundled, only the parts the core uses are in the chunk.
    plugins: [externalizeDepsPlugin({ exclude: ['chinese-days', 'drizzle-orm', 'zod'] })],
    build: {
      outDir: 'out/main',
      // server.js is browser mode as plain Node (no tsx at start-up: cold start stays under a second).
      // documentWorker.js: the document worker thread (src/core/workers/pool.ts) as its own entry.
      rollupOptions: {
        input: { main: resolve(__dirname, 'electron/main.ts'), server: resolve(__dirname, 'src/server/main.ts'), documentWorker: resolve(__dirname, 'src/core/workers/documentWorker.ts') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified, Chromium parses far less at start-up.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});

/**
 * pdf.js loads CJK CMaps, the standard fonts and its image decoders (JBIG2/CCITT fax, JPEG 2000 —
 * what scanners produce) by file name from a folder URL, so they are copied under their own names
 * to out/renderer/pdfjs/ (see src/renderer/pdf/document.ts).
 */
function pdfjsAssets() {
  const from = resolve(__dirname, 'node_modules/pdfjs-dist');
  return {
    name: 'xdesk-pdfjs-assets',
    apply: 'build' as const,
    generateBundle(this: { emitFile: (f: { type: 'asset'; fileName: string; source: Uint8Array }) => string }) {
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const name of readdirSync(resolve(from, dir))) {
          if (name.startsWith('quickjs')) continue; // JavaScript in PDFs (forms) is never run here.
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(resolve(from, dir, name)) });
        }
      }
    },
  };
}
