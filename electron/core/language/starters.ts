// Starter glossaries (resources/glossary/*.json): German side and English, for the shipped occupations and a
// firm-wide list, so nobody starts with an empty glossary. Each is copied into the workspace once; entries the
// firm edits or deletes stay as the firm left them.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GlossaryEntryInput } from '../../../shared/glossary';
import { resourcesDir } from '../paths';
import type { Db } from '../store/db';
import { findSame, normalise, writeEntry } from './glossary';

export const StarterFile = z
  .object({
    /** An occupation id, or 'general' for the firm-wide list. */
    scope: z.string().min(1),
    version: z.number().int().positive(),
    source: z.string().min(1),
    entries: z.array(z.object({}).passthrough()).min(1),
  })
  .strict();

export interface Starter {
  scope: string;
  version: number;
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
  const done = new Set((db.prepare('SELECT scope FROM glossary_starters').all() as { scope: string }[]).map((r) => r.scope));
  const pending = starters.filter((s) => !done.has(s.scope));
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const s of pending) {
      if (s.scope !== 'general' && !db.prepare('SELECT 1 FROM occupations WHERE id = ?').get(s.scope)) continue;
      let n = 0;
      for (const e of s.entries) {
        const d = normalise(e);
        if (findSame(db, d) !== null) continue;
        writeEntry(db, null, d, 'starter', now.toISOString());
        n++;
      }
      db.prepare('INSERT OR IGNORE INTO glossary_starters (scope, version, entries, seeded_at) VALUES (?, ?, ?, ?)').run(s.scope, s.version, n, now.toISOString());
    }
  })();
}
