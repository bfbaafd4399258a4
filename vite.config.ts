import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/** The dev server needs inline scripts and a websocket, so only there the meta CSP is left out. */
const devWithoutMetaCsp: Plugin = {
  name: 'confide-dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

// The built renderer is served from app://confide/ under a CSP with no 'unsafe-inline':
// relative asset URLs, no inline scripts, and no modulepreload polyfill (Chromium has it natively).
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), devWithoutMetaCsp],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // The passphrase-strength dictionaries are one lazily loaded chunk of about 1.2 MB; that is expected.
    chunkSizeWarningLimit: 1500,
  },
  server: { strictPort: true },
});
