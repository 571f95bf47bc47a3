// Browser mode's HTTP transport: loopback only, per-start token, Host/Origin checks, body limit.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, TOKEN_HEADER, type BrowserServer } from '../../electron/server/http';
import { tempDir, testCore, traineeInput } from './helpers';

let server: BrowserServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const core = testCore();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Werkbrücke</title>');
  server = await startServer({ registry: core.registry, staticDir });
  return { core, server };
}

/** A raw request, so that Host and Origin can be set like a hostile page or a rebinding DNS would. */
function request(s: BrowserServer, o: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path: o.path, method: o.method ?? 'GET', headers: { host: `127.0.0.1:${s.port}`, ...o.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}

const api = (s: BrowserServer, name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(s, { path: `/api/${name}`, method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...headers }, body: JSON.stringify(input) });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only, with a fresh token at each start', async () => {
    const { server: s } = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.openUrl).toBe(`${s.url}#token=${s.token}`);
    const core2 = testCore();
    const s2 = await startServer({ registry: core2.registry, staticDir: tempDir() });
    expect(s2.token).not.toBe(s.token);
    expect(s2.token.length).toBeGreaterThanOrEqual(32);
    await s2.close();
  });

  it('answers API calls with the token', async () => {
    const { server: s } = await start();
    const r = await api(s, 'trainees.create', traineeInput());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { lastName: 'Yousef' } });
  });

  it('refuses requests without the token or with a wrong one, and changes nothing', async () => {
    const { core, server: s } = await start();
    const none = await request(s, { path: '/api/trainees.create', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(traineeInput()) });
    expect(none.status).toBe(401);
    const wrong = await api(s, 'trainees.create', traineeInput(), { [TOKEN_HEADER]: 'x'.repeat(s.token.length) });
    expect(wrong.status).toBe(401);
    expect((await core.call('trainees.list', {})).items).toEqual([]);
  });

  it('refuses a foreign Origin and a foreign Host header', async () => {
    const { core, server: s } = await start();
    const origin = await api(s, 'trainees.create', traineeInput(), { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    const host = await api(s, 'trainees.create', traineeInput(), { host: `evil.example:${s.port}` });
    expect(host.status).toBe(421);
    const sameOrigin = await api(s, 'trainees.list', {}, { origin: `http://127.0.0.1:${s.port}` });
    expect(sameOrigin.status).toBe(200);
    expect((await core.call('trainees.list', {})).items).toEqual([]);
  });

  it('refuses a 50 MB body, declared or streamed, without reading it', async () => {
    const { server: s } = await start();
    const send = (headers: Record<string, string>, chunks: number) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: s.port, path: '/api/trainees.list', method: 'POST', headers: { host: `127.0.0.1:${s.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...headers } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        if (chunks === 0) {
          // Only the headers: the server must answer from the declared length alone.
          req.flushHeaders();
          return;
        }
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let i = 0;
        const pump = () => {
          while (i < chunks) {
            i++;
            if (!req.write(chunk)) return req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    expect(await send({ 'content-length': String(50 * 1024 * 1024) }, 0)).toBe(413);
    expect(await send({ 'transfer-encoding': 'chunked' }, 50)).toBe(413);
  });

  it('refuses bad JSON, a wrong content type and GET on the API', async () => {
    const { server: s } = await start();
    expect((await request(s, { path: '/api/trainees.list', method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token }, body: '{nope' })).status).toBe(400);
    expect((await request(s, { path: '/api/trainees.list', method: 'POST', headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: s.token }, body: '{}' })).status).toBe(415);
    expect((await request(s, { path: '/api/trainees.list', headers: { [TOKEN_HEADER]: s.token } })).status).toBe(405);
  });

  it('sends a file compressed at build time to a browser that takes it, never an older copy, with the same headers', async () => {
    const { core } = await start();
    const staticDir = tempDir();
    fs.mkdirSync(path.join(staticDir, 'assets'));
    const file = path.join(staticDir, 'assets', 'app.js');
    const js = `export const words = ${JSON.stringify('Auszubildende '.repeat(2000))};`;
    fs.writeFileSync(file, js);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(js));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(js));
    await server!.close();
    server = await startServer({ registry: core.registry, staticDir });
    const s = server;
    const get = (acceptEncoding?: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        const headers: Record<string, string> = { host: `127.0.0.1:${s.port}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) };
        http
          .get({ host: '127.0.0.1', port: s.port, path: '/assets/app.js', headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const raw = Buffer.concat(chunks);
              const enc = res.headers['content-encoding'];
              const body = enc === 'br' ? zlib.brotliDecompressSync(raw) : enc === 'gzip' ? zlib.gunzipSync(raw) : raw;
              expect(Number(res.headers['content-length'])).toBe(raw.length);
              resolve({ headers: res.headers, text: body.toString('utf8') });
            });
          })
          .on('error', reject);
      });
    const br = await get('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe(js);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");
    expect(br.headers['cache-control']).toBe('max-age=3600');
    expect(br.headers.vary).toBe('accept-encoding');
    const gz = await get('br;q=0, gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(js);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(js);
    expect(plain.headers.vary).toBe('accept-encoding');
    // The file rebuilt after its copies (an older build's copies left behind): the file itself, as it is now.
    const newer = `${js}\nexport const rebuilt = true;`;
    fs.writeFileSync(file, newer);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    const fresh = await get('gzip, deflate, br');
    expect(fresh.headers['content-encoding']).toBeUndefined();
    expect(fresh.text).toBe(newer);
  });

  it('serves the renderer with a CSP and nothing outside its folder', async () => {
    const { server: s } = await start();
    const index = await request(s, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request(s, { path: '/../../etc/passwd' })).status).toBe(404);
    expect((await request(s, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });
});
