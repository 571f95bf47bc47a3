// Finds the line of a value in a JSON text by its path (["positions", 3, "items", 0, "text"]), so a message
// about a bad template file can name the line as well as the field. Returns the deepest line it could reach
// (e.g. the object a required key is missing from); null only for text that is not JSON at all.

/** True when the JSON text nests objects and arrays deeper than `max` (a cheap scan, before JSON.parse). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string: up to the next quote that is not escaped.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line (1-based) of a JSON.parse error, from the position V8 puts into the message. */
export function syntaxErrorLine(text: string, error: unknown): { line: number | null; column: number | null } {
  const msg = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const offset = Number(pos[1]);
    const line = lineAt(text, offset);
    return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
  }
  if (/end of (JSON|data) input/i.test(msg)) return { line: lineAt(text, text.length), column: null };
  return { line: null, column: null };
}

export function findLine(text: string, path: readonly (string | number)[]): number | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const skipString = () => {
    i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c !== '{' && c !== '[') {
      while (i < n && !/[,\]}\s]/.test(text[i]!)) i++;
      return;
    }
    const close = c === '{' ? '}' : ']';
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    while (i < n) {
      ws();
      if (c === '{') {
        skipString();
        ws();
        i++; // ':'
      }
      skipValue();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      i++;
      return;
    }
  };
  ws();
  if (i >= n) return null;
  let found = i;
  for (const seg of path) {
    ws();
    if (typeof seg === 'number') {
      if (text[i] !== '[') break;
      i++;
      let ok = true;
      for (let k = 0; k < seg; k++) {
        skipValue();
        ws();
        if (text[i] !== ',') {
          ok = false;
          break;
        }
        i++;
      }
      if (!ok) break;
      ws();
      found = i;
    } else {
      if (text[i] !== '{') break;
      i++;
      let ok = false;
      while (i < n) {
        ws();
        if (text[i] !== '"') break;
        const s = i;
        skipString();
        let key: unknown;
        try {
          key = JSON.parse(text.slice(s, i));
        } catch {
          break;
        }
        ws();
        i++; // ':'
        ws();
        if (key === seg) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] !== ',') break;
        i++;
      }
      if (!ok) break;
      found = i;
    }
  }
  return lineAt(text, found);
}
