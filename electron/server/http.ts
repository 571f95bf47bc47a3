// Browser mode: the same API as the desktop app, over HTTP on 127.0.0.1 only.
// - every API request needs the random token created at this start (header x-werkbruecke-token);
// - the Host header must name this server (no DNS rebinding), a foreign Origin is refused;
// - bodies are JSON, at most MAX_BODY bytes;
// - the built renderer is served with a strict CSP.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Registry } from '../core/api/registry';

export const MAX_BODY = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-werkbruecke-token';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Kinds of files the build also writes compressed (FILE.br, FILE.gz), and the suffix of each encoding. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
const ENCODINGS = { br: '.br', gzip: '.gz' } as const;
type Encoding = keyof typeof ENCODINGS;

/** The best encoding the request accepts (Accept-Encoding, q=0 refuses) that has a compressed copy of the file. */
export function pickEncoding(accept: string | undefined, file: string): Encoding | null {
  if (!accept) return null;
  const accepted = new Set<string>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  let mtime: number | undefined;
  for (const enc of Object.keys(ENCODINGS) as Encoding[]) {
    if (!accepted.has(enc) && !accepted.has('*')) continue;
    const copy = fs.statSync(`${file}${ENCODINGS[enc]}`, { throwIfNoEntry: false });
    // Only a copy written with or after the file itself (never an older build's).
    mtime ??= fs.statSync(file).mtimeMs;
    if (copy?.isFile() && copy.mtimeMs >= mtime) return enc;
  }
  return null;
}

export interface BrowserServer {
  url: string;
  /** The address to open, with the token in the fragment (never sent to the server or logged). */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(data);
}

const denied = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * The decoded path of a request target, or null when it is malformed (no parseable URL, a bad percent-escape,
 * a NUL byte). Used by browser mode and by the desktop app's app:// protocol.
 */
export function decodePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

function requestPath(target: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
  return decodePath(url.pathname);
}

/** Exactly JSON: `application/json`, optionally with a UTF-8 charset parameter. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

export async function startServer(o: {
  registry: Registry;
  staticDir: string;
  port?: number;
  token?: string;
  log?: (msg: string, e: unknown) => void;
}): Promise<BrowserServer> {
  const log = o.log ?? ((msg: string, e: unknown) => console.error(`Werkbrücke: ${msg}:`, e));
  const token = o.token ?? crypto.randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let allowedHosts = new Set<string>();
  const staticRoot = path.resolve(o.staticDir);

  const server = http.createServer((req, res) => {
    // Nothing a request does may end the process: any throw becomes a 500 with the generic envelope.
    req.on('error', (e) => log('request stream failed', e));
    res.on('error', (e) => log('response stream failed', e));
    try {
      route(req, res);
    } catch (e) {
      fail(res, e);
    }
  });
  server.on('clientError', (_e, socket) => {
    // A request Node cannot even parse: answer 400 if the socket still can take it.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  function fail(res: http.ServerResponse, e: unknown) {
    log('request failed', e);
    if (res.headersSent) return res.destroy();
    send(res, 500, denied('internal', 'Internal error'));
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse) {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) return send(res, 421, denied('forbidden_host', 'Unknown Host header'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, denied('forbidden_origin', 'Foreign origin'));
    }
    const pathname = requestPath(req.url);
    if (pathname === null) {
      req.resume();
      return send(res, 400, denied('bad_request', 'Malformed request target'));
    }
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, denied('method_not_allowed', 'Method not allowed'));
    serveStatic(req, res, pathname);
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    if (req.method !== 'POST') return send(res, 405, denied('method_not_allowed', 'Use POST'));
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBuf.length || !crypto.timingSafeEqual(given, tokenBuf)) {
      req.resume();
      return send(res, 401, denied('unauthorized', 'Missing or wrong token'));
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      return send(res, 415, denied('unsupported_media_type', 'JSON expected'));
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      // Answer at once and throw the body away unread (no buffering); resetting the socket instead could
      // cut off the answer before the client reads it.
      res.setHeader('connection', 'close');
      send(res, 413, denied('payload_too_large', 'Request too large'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (aborted) {
        // Keep discarding what the client still sends, so it can read the answer; give up on an endless stream.
        if (size > 4 * MAX_BODY) req.socket.destroy();
        return;
      }
      if (size > MAX_BODY) {
        aborted = true;
        chunks.length = 0;
        send(res, 413, denied('payload_too_large', 'Request too large'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', async () => {
      if (aborted) return;
      let input: unknown;
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        input = raw.length ? JSON.parse(raw) : {};
      } catch {
        return send(res, 400, denied('bad_json', 'Body is not valid JSON'));
      }
      try {
        send(res, 200, await o.registry.invoke(name, input));
      } catch (e) {
        fail(res, e);
      }
    });
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    let rel = pathname;
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(staticRoot, `.${rel}`);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    const ext = path.extname(file);
    // A copy compressed at build time (electron/scripts/build.mjs) when the browser takes it: fewer bytes to send
    // while the core may be busy with the start page's first calls.
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding'], file) : null;
    const body = encoding ? `${file}${ENCODINGS[encoding]}` : file;
    // Read whole and sent in one write (the renderer's files are small): the answer does not wait for the event
    // loop between chunks of a stream.
    fs.readFile(body, (e, data) => {
      if (e) return fail(res, e);
      res.writeHead(200, {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
        'content-length': String(data.length),
        ...(COMPRESSIBLE.has(ext) ? { vary: 'accept-encoding' } : {}),
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
