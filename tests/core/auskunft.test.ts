// Art. 15 GDPR export (everything stored about a trainee as a PDF and a schema-versioned JSON file) and the scans
// of consents given on paper, on real SQLite workspaces with the demo data; the PDF is read back with pdf.js.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemo } from '../../electron/core/demo';
import { AUSKUNFT_FORMAT, AUSKUNFT_SCHEMA_VERSION, type Auskunft } from '../../electron/core/exports/auskunft';
import { traineeFilesDir } from '../../electron/core/trainees/service';
import { traineeWithTask } from './glossaryFixtures';
import { docInput, JPEG, pdf, png, upload } from './immigrationFixtures';
import { testCore, traineeInput, type TestCore } from './helpers';
import { pdfText } from './pdfText';

const NOW = new Date('2026-11-20T10:00:00Z');
const HIDDEN = /^(id|uuid|.*_id|.*_path|.*_hash|.*sha256|search_text|sort.*|identity|sequence|created_at|updated_at|last_modified)$/;

/** The demo's trainee with a network, plus a document copy and a paper consent with its scan. */
async function richTrainee(core: TestCore) {
  createDemo(core.store, NOW);
  const t = core.store.db.prepare('SELECT trainee_id AS id FROM conflict_cases ORDER BY id LIMIT 1').get() as { id: number };
  await core.call('documents.create', { ...docInput(t.id, { number: 'AUSK-4711' }), copy: upload('duldung-scan.pdf', await pdf()) });
  // The demo's learning tasks are firm-wide; this one is the trainee's own (a second trainee is made on the way).
  const { input } = await traineeWithTask(core);
  await core.call('tasks.create', { ...input, traineeId: t.id, positions: [] });
  const person = (await core.call('network.overview', { traineeId: t.id })).people[0]!;
  const text = (await core.call('network.consentTexts', {}))[0]!;
  const consent = await core.call('network.saveConsent', { traineeId: t.id, textId: text.id, personId: person.id, purpose: 'Begleitung beim Übergang in die Ausbildung', categories: ['master_data'], givenOn: '2026-11-01', form: 'paper_scan' });
  return { t, consent };
}

describe('Art. 15 GDPR export', () => {
  it('holds every domain in the JSON file and in the PDF, and nothing of another trainee', async () => {
    const core = testCore({ now: () => NOW });
    const { t, consent } = await richTrainee(core);
    await core.call('network.attachConsentScan', { consentId: consent.id, copy: upload('einwilligung.jpg', JPEG) });
    const json = await core.call('exports.create', { kind: 'auskunft-json', traineeId: t.id });
    expect(json.mimeType).toBe('application/json');
    const a = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')) as Auskunft;
    expect(a.format).toBe(AUSKUNFT_FORMAT);
    expect(a.schemaVersion).toBe(AUSKUNFT_SCHEMA_VERSION);
    expect(a.databaseVersion).toBe(core.store.schemaVersion());
    expect(a.trainee.id).toBe(t.id);
    const other = core.store.db.prepare('SELECT first_name, last_name FROM trainees WHERE id <> ? ORDER BY id LIMIT 1').get(t.id) as { first_name: string; last_name: string };
    expect(json.base64.length).toBeGreaterThan(0);
    expect(JSON.stringify(a)).not.toContain(other.last_name);

    const file = await core.call('exports.create', { kind: 'auskunft', traineeId: t.id });
    const text = (await pdfText(Buffer.from(file.base64, 'base64'))).replace(/\s+/g, ' ');
    expect(text).toContain('Auskunft über gespeicherte Daten (Art. 15 DSGVO)');
    expect(text).not.toContain(other.last_name);

    // Each domain has rows, and a text value of its first row is printed.
    const domains = ['master_data', 'training_plan', 'training_record', 'learning_tasks', 'residence', 'network', 'moderation_log', 'counselling_notes', 'competences', 'consents'] as const;
    for (const d of domains) {
      const tables = Object.entries(a.domains[d]).filter(([, rows]) => rows.length > 0);
      expect(tables.length, d).toBeGreaterThan(0);
      const marker = tables
        .flatMap(([, rows]) => Object.entries(rows[0]!))
        .find(([k, v]) => !HIDDEN.test(k) && typeof v === 'string' && v.length >= 6 && !/^[\d[{]/.test(v) && !/^[a-z_]+$/.test(v))?.[1] as string | undefined;
      expect(marker, d).toBeDefined();
      expect(text, d).toContain(marker!.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' '));
    }
    // Markers named explicitly: the document (and its copy), the scan of the consent, the consent's purpose.
    expect(a.domains.residence.residence_documents!.map((r) => r.number)).toContain('AUSK-4711');
    expect(a.files.map((f) => [f.table, f.fileName, f.mimeType])).toEqual([
      ['residence_documents', 'duldung-scan.pdf', 'application/pdf'],
      ['consents', 'einwilligung.jpg', 'image/jpeg'],
    ]);
    expect(a.domains.document_copies.files).toHaveLength(2);
    for (const f of a.files) expect(text).toContain(f.sha256);
    expect(text).toContain('AUSK-4711');
    expect(text).toContain('Begleitung beim Übergang in die Ausbildung');
    expect(a.domains.consents.consent_texts!.length).toBeGreaterThan(0);
    expect(text).toContain('Ihre Rechte');
    if (process.env.WB_KEEP_AUSKUNFT) fs.writeFileSync(process.env.WB_KEEP_AUSKUNFT, Buffer.from(file.base64, 'base64'));
  });

  it('fails loudly when a table holds trainee data but has no place in the export', async () => {
    const core = testCore({ now: () => NOW });
    const t = await core.call('trainees.create', traineeInput());
    core.store.db.exec('CREATE TABLE extra_notes (id INTEGER PRIMARY KEY, trainee_id INTEGER REFERENCES trainees (id) ON DELETE CASCADE, body TEXT) STRICT');
    expect((await core.fail('exports.create', { kind: 'auskunft-json', traineeId: t.id })).code).toBe('internal');
    expect((await core.fail('exports.create', { kind: 'auskunft', traineeId: 999 })).code).toBe('not_found');
  });
});

describe('scan of a consent given on paper', () => {
  it('stores the scan with checksum, hands it out checked, replaces it, and removes it with the trainee', async () => {
    const core = testCore({ now: () => NOW });
    const { t, consent } = await richTrainee(core);
    const scanned = await core.call('network.attachConsentScan', { consentId: consent.id, copy: upload('einwilligung.pdf', await pdf('Einwilligung unterschrieben')) });
    expect(scanned.scan).toMatchObject({ fileName: 'einwilligung.pdf', mimeType: 'application/pdf' });
    expect(scanned.scan!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await core.call('network.consentScan', { consentId: consent.id });
    expect(Buffer.from(back.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = path.join(traineeFilesDir(core.store, t.id), 'consents');
    expect(fs.readdirSync(dir)).toHaveLength(1);
    // A new scan replaces the old file.
    await core.call('network.attachConsentScan', { consentId: consent.id, copy: upload('einwilligung.png', png(40, 60)) });
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(new RegExp(`^${consent.id}-[0-9a-f]{16}\\.png$`))]);
    expect((await core.call('network.overview', { traineeId: t.id })).consents.find((c) => c.id === consent.id)!.scan).toMatchObject({ fileName: 'einwilligung.png', mimeType: 'image/png' });
    // A scan changed on disk is reported, not handed out.
    fs.appendFileSync(path.join(dir, fs.readdirSync(dir)[0]!), 'x');
    expect((await core.fail('network.consentScan', { consentId: consent.id })).code).toBe('copy_damaged');
    await core.call('trainees.delete', { id: t.id });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses hostile or wrong files, electronic and revoked consents; nothing is stored', async () => {
    const core = testCore({ now: () => NOW });
    const { t, consent } = await richTrainee(core);
    const full = await pdf();
    const bomb = png(20000, 20000);
    const cases: [ReturnType<typeof upload>, string][] = [
      [upload('scan.pdf', png()), 'file_type_mismatch'],
      [upload('scan.exe', full), 'file_type_not_allowed'],
      [upload('scan.pdf', full.subarray(0, full.length - 200)), 'file_unreadable'],
      [upload('bombe.png', bomb), 'picture_too_many_pixels'],
      [upload('kaputt.jpg', Buffer.concat([JPEG.subarray(0, 2), Buffer.from([0xff, 0xc0, 0x00, 0x03]), JPEG.subarray(2)])), 'picture_broken'],
    ];
    for (const [copy, code] of cases) {
      const err = await core.fail('network.attachConsentScan', { consentId: consent.id, copy });
      expect(err.issues?.[0]?.key ?? err.code, copy.fileName).toBe(code);
    }
    const p = (await core.call('network.overview', { traineeId: t.id })).people[0]!;
    const electronic = await core.call('network.saveConsent', { traineeId: t.id, textId: consent.textId, personId: p.id, purpose: 'Zweck', categories: ['master_data'], givenOn: '2026-11-01', form: 'electronic' });
    expect((await core.fail('network.attachConsentScan', { consentId: electronic.id, copy: upload('a.png', png()) })).code).toBe('consent_not_paper');
    await core.call('network.revokeConsent', { id: consent.id, revokedOn: '2026-11-10' });
    expect((await core.fail('network.attachConsentScan', { consentId: consent.id, copy: upload('a.png', png()) })).code).toBe('consent_revoked');
    expect(core.store.db.prepare('SELECT count(*) FROM consents WHERE scan_path IS NOT NULL').pluck().get()).toBe(0);
    expect(fs.existsSync(path.join(traineeFilesDir(core.store, t.id), 'consents'))).toBe(false);
    expect((await core.fail('network.consentScan', { consentId: consent.id })).code).toBe('copy_missing');
  });
});
