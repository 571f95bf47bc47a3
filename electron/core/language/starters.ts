// Starter glossaries (resources/glossary/*.json): German side and translations (English, Arabic, Dari, Farsi,
// Pashto, Tigrinya, Ukrainian), for the shipped occupations and a firm-wide list, so nobody starts with an empty
// glossary. Each is copied into the workspace once; entries the firm edits or deletes stay as the firm left them.
// Shipped translations are suggestions until the firm marks them checked. A newer version of a file adds the
// translations that an entry still in the workspace lacks (as suggestions), and changes nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GlossaryEntryInput } from '../../../shared/glossary';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';
import { findSame, getEntry, normalise, searchText, writeEntry } from './glossary';

export const StarterFile = z
  .object({
    /** An occupation id, or 'general' for the firm-wide list. */
    scope: z.string().min(1),
    version: z.number().int().positive(),
    source: z.string().min(1),
    /** Languages whose shipped translations were reviewed (English); all others arrive as suggestions. */
    checked: z.array(z.string()).default([]),
    entries: z.array(z.object({}).passthrough()).min(1),
  })
  .strict();

export interface Starter {
  scope: string;
  version: number;
  /** Languages whose shipped translations are reviewed; the others are suggestions. */
  checked: string[];
  entries: z.output<typeof GlossaryEntryInput>[];
}

let cache: Starter[] | null = null;

export function starterDir() {
  return path.join(resourcesDir(), 'glossary');
}

/** All starter glossaries, checked (a broken shipped file is a bug and throws). */
export function loadStarters(): Starter[] {
  if (cache) return cache;
  const out: Starter[] = [];
  for (const f of fs.readdirSync(starterDir()).filter((x) => x.endsWith('.json')).sort()) {
    const raw = StarterFile.parse(JSON.parse(fs.readFileSync(path.join(starterDir(), f), 'utf8')));
    const occupationId = raw.scope === 'general' ? null : raw.scope;
    out.push({
      scope: raw.scope,
      version: raw.version,
      checked: raw.checked,
      entries: raw.entries.map((e, i) => {
        const r = GlossaryEntryInput.safeParse({ ...e, occupationId });
        if (!r.success) throw new Error(`${f}, entry ${i + 1}: ${r.error.message}`);
        return r.data;
      }),
    });
  }
  cache = out;
  return out;
}

/** Copies starter glossaries that the workspace has not received yet (cheap when all are there). */
export function ensureStarters(db: Db, now = new Date()): void {
  const starters = loadStarters();
  const done = new Map((db.prepare('SELECT scope, version FROM glossary_starters').all() as { scope: string; version: number }[]).map((r) => [r.scope, r.version]));
  const pending = starters.filter((s) => !done.has(s.scope));
  const newer = starters.filter((s) => (done.get(s.scope) ?? s.version) < s.version);
  if (pending.length === 0 && newer.length === 0) return;
  db.transaction(() => {
    for (const s of newer) addTranslations(db, s);
    for (const s of pending) {
      if (s.scope !== 'general' && !db.prepare('SELECT 1 FROM occupations WHERE id = ?').get(s.scope)) continue;
      let n = 0;
      for (const e of s.entries) {
        const d = normalise(e);
        if (findSame(db, d) !== null) continue;
        writeEntry(db, null, d, 'starter', now.toISOString(), suggestedOf(s, d));
        n++;
      }
      db.prepare('INSERT OR IGNORE INTO glossary_starters (scope, version, entries, seeded_at) VALUES (?, ?, ?, ?)').run(s.scope, s.version, n, now.toISOString());
    }
  })();
}

const suggestedOf = (s: Starter, d: { translations: Record<string, string> }) =>
  new Map(Object.keys(d.translations).filter((l) => !s.checked.includes(l)).map((l) => [l, 'suggested' as const]));

/** A newer starter file: its translations that a matching entry lacks are added (as suggestions, but for `checked`). */
function addTranslations(db: Db, s: Starter) {
  const insert = db.prepare('INSERT OR IGNORE INTO glossary_translations (entry_id, language, text, review) VALUES (?, ?, ?, ?)');
  for (const e of s.entries) {
    const d = normalise(e);
    const id = findSame(db, d);
    if (id === null) continue;
    let added = 0;
    for (const [lang, text] of Object.entries(d.translations)) if (text) added += insert.run(id, lang, text, s.checked.includes(lang) ? 'checked' : 'suggested').changes;
    if (added > 0) {
      const entry = getEntry(db, id);
      db.prepare('UPDATE glossary_entries SET search_text = ? WHERE id = ?').run(searchText(entry, entry.translations), id);
    }
  }
  db.prepare('UPDATE glossary_starters SET version = ? WHERE scope = ?').run(s.version, s.scope);
}
