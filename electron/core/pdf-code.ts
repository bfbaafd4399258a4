/**
 * The code that makes PDFs and reads typefaces (pdfkit, fontkit: about 0.9 MB bundled, more than the core itself)
 * is slow to load, and most calls — every CLI command, most of the app's — never make a document. So it loads
 * here, on the first document or letterhead check, never at start (docs/performance.md, "CLI start-up").
 */
export const pdfCode = {
  attendanceLetter: () => import('./documents/attendance-letter-pdf'),
  destructionCertificate: () => import('./documents/destruction-certificate-pdf'),
  glyphs: () => import('./documents/glyphs'),
};
