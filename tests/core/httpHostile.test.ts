// Browser mode must never die from a request: malformed request targets and escapes, sent on raw sockets to the
// real `serve` process, get 400 (or Node's own 400 for what it cannot parse), and the server keeps serving.
import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodePath, isJsonContentType, TOKEN_HEADER } from '../../electron/server/http';
import { ensureBuilt, startServe, tempDir, type ServeProcess } from './helpers';

beforeAll(ensureBuilt, 120_000);

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.stop();
  serve = null;
});

/** Sends raw bytes and returns the status line of the answer ('' when the server closed without one). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

describe('browser mode under hostile requests', () => {
  it('answers malformed targets with 400 and still serves an authorised call afterwards', async () => {
    serve = await startServe(tempDir());
    const host = `127.0.0.1:${serve.port}`;
    const targets = ['/%E0', '/%zz', '/%', '/api/%E0%A4%A', '/api/trainees.list%', '/%00', '/a%00b', 'http://[', '//%zz', '/..%2f..%2f%E0'];
    for (const t of targets) {
      const status = await raw(serve.port, `GET ${t} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(status, t).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
    // Garbage Node's parser refuses, and a request without a token that carries a bad escape in the API path.
    expect(await raw(serve.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(serve.port, `POST /api/%zz HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)).toMatch(/^HTTP\/1\.1 400/);

    const r = await fetch(`http://${host}/api/trainees.list`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: serve.token }, body: '{}' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, data: { items: [], total: 0, offset: 0 } });
    expect(serve.proc.exitCode).toBeNull();
  });

  it('decodes paths safely and takes only JSON as the content type', () => {
    expect(decodePath('/a%20b')).toBe('/a b');
    for (const bad of ['/%E0', '/%zz', '/%', '/a%00b']) expect(decodePath(bad), bad).toBeNull();
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    for (const bad of [undefined, '', 'application/jsonp', 'application/json-seq', 'text/json', 'application/json; charset=latin1', 'application/json, text/html']) {
      expect(isJsonContentType(bad), String(bad)).toBe(false);
    }
  });
});
