import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.join(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(path.resolve(import.meta.dirname, process.env.WERKBRUECKE_DIST ?? 'dist'), 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
    // One bundle for a desktop app loaded from disk; its size is watched by npm run bench (renderer_js_gzip_kb).
    chunkSizeWarningLimit: 1500,
  },
});
