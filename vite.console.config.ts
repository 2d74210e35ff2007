// Builds the manufacturer's console (console/): a page the backend serves at
// /console under a CSP of default-src 'self', so every asset is a file of its
// own under /console/assets and nothing is inlined.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./console'),
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^#core\/(.*)$/, replacement: `${here('./core')}/$1` },
      { find: /^#contract\/(.*)$/, replacement: `${here('./contract')}/$1` },
    ],
  },
  build: {
    outDir: here('./dist/console'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    target: 'es2023',
  },
  server: { host: '127.0.0.1' },
});
