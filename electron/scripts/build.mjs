// Builds everything into dist/: the Node/Electron bundles with esbuild and the renderer with Vite.
// `node electron/scripts/build.mjs [--node-only]`
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// WERKBRUECKE_DIST lets parallel work build into separate folders (default: dist/).
const dist = path.resolve(root, process.env.WERKBRUECKE_DIST ?? 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  packages: 'external',
  loader: { '.sql': 'text' },
  define: { 'import.meta.dirname': '__dirname', __APP_VERSION__: JSON.stringify(pkg.version) },
};

export async function buildNode() {
  fs.mkdirSync(dist, { recursive: true });
  await build({
    ...common,
    entryPoints: {
      cli: 'electron/cli.ts',
      worker: 'electron/core/jobs/worker.ts',
      bench: 'electron/scripts/bench.ts',
      'open-probe': 'electron/scripts/openProbe.ts',
      main: 'electron/main.ts',
    },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    absWorkingDir: root,
  });
  // The sandboxed preload may require nothing but 'electron': bundle its dependencies (zod, contracts) in.
  await build({
    ...common,
    packages: undefined,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    absWorkingDir: root,
  });
}

export async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  compressRenderer(path.join(dist, 'renderer'));
}

/**
 * Writes FILE.br and FILE.gz beside each text file of the built renderer: browser mode sends them to a browser
 * that accepts them (electron/server/http.ts, COMPRESSIBLE there), so a cold start moves a third of the bytes.
 */
function compressRenderer(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|js|css|svg|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const data = fs.readFileSync(file);
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT };
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  await buildNode();
  if (!process.argv.includes('--node-only')) await buildRenderer();
  fs.writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
  console.log(`built dist/ in ${Date.now() - t0} ms`);
}
