import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The start script (boot.ts) is small and loads the app (main.tsx) itself, after it has started the first calls.
 * So that the app's chunks are not fetched only then, the page names them for preloading from the start.
 */
function preloadApp(): Plugin {
  return {
    name: 'werkbruecke-preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith(`${path.sep}renderer${path.sep}main.tsx`) || c.facadeModuleId?.endsWith('/renderer/main.tsx'));
        if (!app) throw new Error('preloadApp: no chunk for renderer/main.tsx');
        const files = new Set<string>();
        const add = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const f of chunk?.imports ?? []) add(f);
        };
        add(app.fileName);
        files.delete(ctx.chunk?.fileName ?? ''); // the start script itself is loaded by its script tag
        return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  root: path.join(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), preloadApp()],
  build: {
    outDir: path.join(path.resolve(import.meta.dirname, process.env.WERKBRUECKE_DIST ?? 'dist'), 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
    // Few, large chunks for a desktop app loaded from disk; the start script's size is watched by npm run bench
    // (renderer_js_gzip_kb).
    chunkSizeWarningLimit: 1500,
  },
});
