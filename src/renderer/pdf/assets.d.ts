// Vite turns `?url` imports into the URL of a file copied to the build (see pdfjs.ts).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
