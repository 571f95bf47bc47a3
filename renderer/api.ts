// The renderer's typed client. In the desktop app it calls window.api (the preload); in browser mode it
// posts to /api/<name> with the token from the start address. Both return the same envelope.
import type { CallInput, CallName, CallOutput } from '../shared/api';
import type { ApiErrorBody, Envelope, FieldIssue } from '../shared/errors';

declare global {
  interface Window {
    api?: {
      transport: 'ipc';
      invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
      /** Opens a PDF in the system's viewer (a temporary file the app removes later). */
      openPdf(fileName: string, base64: string): Promise<boolean>;
    };
  }
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
  get issues(): FieldIssue[] {
    return this.body.issues ?? [];
  }
}

const TOKEN_KEY = 'werkbruecke.token';
/** This page's token, once read (session storage keeps it over a reload of the tab). */
let token: string | undefined;
const currentToken = () => (token ??= sessionStorage.getItem(TOKEN_KEY) ?? '');

/**
 * Takes the token from "#token=…" of the start address into session storage and cleans the address bar.
 * Returns whether the address carried a token (a new one after a restart, pasted into the same tab).
 * With `keep: false` the token is only taken into memory: the start script (boot.ts) sends its first calls before
 * it cleans the address (cleanAddress) and keeps the token only once the first page is shown (keepToken), because a
 * fresh tab's first use of session storage takes a while.
 */
export function captureToken({ keep = true } = {}): boolean {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!m) return false;
  try {
    token = decodeURIComponent(m[1]!);
  } catch {
    token = m[1]!;
  }
  if (keep) {
    keepToken();
    cleanAddress();
  }
  return true;
}

/** Takes the token out of the address bar (the start page's address stays). */
export function cleanAddress() {
  if (/(?:^#|&)token=/.test(window.location.hash)) history.replaceState(null, '', `${window.location.pathname}#/`);
}

/** Writes the token taken by captureToken into session storage, for a reload of the tab. */
export function keepToken() {
  if (token !== undefined) sessionStorage.setItem(TOKEN_KEY, token);
}

async function httpInvoke(name: string, input: unknown): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-werkbruecke-token': currentToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: 'network error' } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
  }
}

const invoke = (name: string, input: unknown) => (window.api ? window.api.invoke(name, input) : httpInvoke(name, input));

// Calls started by the start script (boot.ts) before the app's script is loaded, so that the start page's data
// travels while React is still being parsed (ui_first_rows_ms in npm run bench). Each answer is taken once: by
// call() with the same name and input, or by the first render through prefetched(); dropPrefetched() forgets the
// rest once the first page is shown, so that nothing later gets an old answer.
interface Early {
  promise: Promise<Envelope<unknown>>;
  envelope?: Envelope<unknown>;
}
const early = new Map<string, Early>();
/** Until the first page is shown: afterwards nothing is asked for in advance any more. */
let starting = true;
const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input ?? {})}`;

/**
 * Starts a call now, for a page that is not there yet. Returns its answer's promise (never rejects), or null once
 * the first page is shown (then the page asks for itself).
 */
export function prefetch<K extends CallName>(name: K, input: CallInput<K>): Promise<Envelope<CallOutput<K>>> | null {
  if (!starting) return null;
  const entry: Early = { promise: invoke(name, input) };
  void entry.promise.then((e) => (entry.envelope = e));
  early.set(keyOf(name, input), entry);
  return entry.promise as Promise<Envelope<CallOutput<K>>>;
}

/**
 * The data of a prefetched call that has already succeeded, else undefined: lets the first render show it at once.
 * Taken once, like call() takes it: a later call with the same input asks the core again.
 */
export function prefetched<K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> | undefined {
  const key = keyOf(name, input);
  const envelope = early.get(key)?.envelope;
  if (!envelope?.ok) return undefined;
  early.delete(key);
  return envelope.data as CallOutput<K>;
}

/**
 * Ends asking in advance (called once the first page is shown). What was asked for stays until the page that asked
 * for it takes it, however late its code arrives (a lazily loaded page mounts after the app): each answer once.
 */
export function endPrefetch() {
  starting = false;
}

/** Forgets prefetched answers and ends asking in advance (another page than the start's: nothing of it is shown). */
export function dropPrefetched() {
  early.clear();
  starting = false;
}

export async function call<K extends CallName>(name: K, ...args: {} extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>]): Promise<CallOutput<K>> {
  const input = args[0] ?? {};
  const key = keyOf(name, input);
  const pending = early.get(key);
  early.delete(key);
  const envelope = pending ? await pending.promise : await invoke(name, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as CallOutput<K>;
}

function blobUrl(file: { mimeType: string; base64: string }) {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
}

/**
 * A tab to show a PDF in, opened at once while the click still counts as the user's (pop-up blockers), before
 * the export is ready. Null in the desktop app, which hands the PDF to the system's viewer instead.
 */
export function reserveViewer(): Window | null {
  return window.api ? null : window.open('', '_blank');
}

/** Shows a PDF for reading and printing: the system's viewer (desktop app) or the browser's, in the reserved tab. */
export async function openPdf(file: { fileName: string; mimeType: string; base64: string }, viewer: Window | null): Promise<void> {
  if (window.api) {
    await window.api.openPdf(file.fileName, file.base64);
    return;
  }
  const url = blobUrl(file);
  if (viewer) viewer.location.href = url;
  else window.open(url, '_blank');
  // The tab keeps its own copy once loaded; the URL itself is released after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file produced by the core (PDF, CSV …) through the browser's download (Electron asks where to save). */
export function saveFile(file: { fileName: string; mimeType: string; base64: string }) {
  const url = blobUrl(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
