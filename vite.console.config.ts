// Builds the manufacturer's console (console/): a page the backend serves at
// /console under a CSP of default-src 'self', so every asset is a file of its
// own under /console/assets and nothing is inlined.
import { defineConfig } from 'vite';
import { pageConfig } from './vite.config.ts';

export default defineConfig(pageConfig({ root: './console', base: '/console/', outDir: './dist/console' }));
