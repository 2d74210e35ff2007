// Builds the renderer: one bundle plus one stylesheet, loaded under the strict
// CSP of both shells (app:// in the desktop app, 127.0.0.1 in browser mode).
// The manufacturer's console (vite.console.config.ts) is built the same way.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A page of ours: its folder, the URL it is served under, and where its build goes. */
export function pageConfig(page: { root: string; base: string; outDir: string }): UserConfig {
  return {
    root: here(page.root),
    base: page.base,
    plugins: [react()],
    resolve: {
      // A page may reach the shared core and the contract, nothing else of the house.
      alias: [
        { find: /^#core\/(.*)$/, replacement: `${here('./core')}/$1` },
        { find: /^#contract\/(.*)$/, replacement: `${here('./contract')}/$1` },
      ],
    },
    build: {
      outDir: here(page.outDir),
      emptyOutDir: true,
      // No inlined assets: data: URLs for scripts or styles would not pass the CSP.
      assetsInlineLimit: 0,
      sourcemap: false,
      // One local bundle read from disk; splitting it would buy nothing offline.
      chunkSizeWarningLimit: 1500,
      target: 'es2023',
    },
    server: { host: '127.0.0.1' },
  };
}

// Relative asset URLs, so the same build loads from app://workstation/ and from http://127.0.0.1.
export default defineConfig(pageConfig({ root: './renderer', base: './', outDir: './dist/renderer' }));
