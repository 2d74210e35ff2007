// Builds the renderer: one bundle plus one stylesheet, loaded under the strict
// CSP of both shells (app:// in the desktop app, 127.0.0.1 in browser mode).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  // Relative asset URLs, so the same build loads from app://workstation/ and from http://127.0.0.1.
  base: './',
  plugins: [react()],
  resolve: {
    // The renderer may reach the shared core and the contract, nothing else of the house.
    alias: [
      { find: /^#core\/(.*)$/, replacement: `${here('./core')}/$1` },
      { find: /^#contract\/(.*)$/, replacement: `${here('./contract')}/$1` },
    ],
  },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // No inlined assets: data: URLs for scripts or styles would not pass the CSP.
    assetsInlineLimit: 0,
    sourcemap: false,
    // One local bundle read from disk; splitting it would buy nothing offline.
    chunkSizeWarningLimit: 1500,
    target: 'es2023',
  },
  server: { host: '127.0.0.1' },
});
