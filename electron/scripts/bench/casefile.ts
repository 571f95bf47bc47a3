// Case files (issue 12), a full case: 182 signed weeks, 20 residence documents with copies, a moderation case with
// sessions and agreements, and 3 PDFs (moderation protocol, training record, progress), encrypted to a mediator's
// X25519 key. casefile_export_ms (target ≤ 3,000) and casefile_open_ms (≤ 1,500) without the key derivation;
// casefile_kdf_ms: opening a passphrase file (scrypt, work factor 18) on its own.
import fs from 'node:fs';
import path from 'node:path';
import { ExportInput } from '../../../shared/casefile';
import { toIsoDate } from '../../../shared/format';
import { CaseInput, ConsentInput, PersonInput, StepInput, AgreementInput, ViewInput } from '../../../shared/network';
import { addDays } from '../../../shared/trainingCalendar';
import { decrypt, encrypt } from '../../core/casefile/format';
import { ensureKeys, keyFileText, publicKeys } from '../../core/casefile/keys';
import { exportCasefile, openShared } from '../../core/casefile/service';
import { inlineRunner } from '../../core/jobs/runner';
import { saveAgreement, saveCase, saveConsent, saveConsentText, savePerson, saveStep, saveView } from '../../core/network/service';
import { openStore } from '../../core/store/db';
import { traineeFilesDir } from '../../core/trainees/service';
import { seedFullTraining } from './plan';
import { median, round } from './util';

export async function benchCasefile(dir: string) {
  const now = new Date('2030-02-15T10:00:00Z');
  const today = toIsoDate(now);
  const firm = openStore(path.join(dir, 'firm'));
  const med = openStore(path.join(dir, 'mediator'));
  const { db } = firm;
  const { traineeId } = seedFullTraining(db, now);
  // 20 documents, each with a copy (a scan of about 150 KB).
  const folder = path.join(traineeFilesDir(firm, traineeId), 'documents');
  fs.mkdirSync(folder, { recursive: true });
  const ts = now.toISOString();
  for (let i = 0; i < 20; i++) {
    const bytes = Buffer.alloc(150_000, i);
    bytes.write('%PDF-1.4\n', 0);
    const rel = `documents/${i}-scan.pdf`;
    fs.writeFileSync(path.join(folder, `${i}-scan.pdf`), bytes);
    db.prepare(`INSERT INTO residence_documents (trainee_id, type, valid_until, copy_path, copy_name, copy_mime, copy_size, copy_sha256, created_at, updated_at)
      VALUES (?, 'duldung', ?, ?, ?, 'application/pdf', ?, ?, ?, ?)`).run(traineeId, addDays(today, 30 * i), rel, `scan-${i}.pdf`, bytes.length, '0'.repeat(64), ts, ts);
  }
  const text = saveConsentText(db, { title: 'Einwilligung', body: 'Text' }, now);
  const person = savePerson(db, PersonInput.parse({ traineeId, name: 'Sara Berater', role: 'mediator' }), now);
  const consent = saveConsent(db, ConsentInput.parse({ traineeId, textId: text.id, personId: person.id, purpose: 'Konfliktmoderation', categories: ['master_data', 'training_plan', 'training_record', 'residence', 'document_copies', 'moderation_log'], givenOn: addDays(today, -10), form: 'paper_scan', validUntil: addDays(today, 365) }), now);
  const c = saveCase(db, CaseInput.parse({ traineeId, category: 'attendance', occasion: 'Verspätungen und eine Krankmeldung zu spät', raisedBy: 'firm', raisedOn: addDays(today, -60) }), now);
  for (let k = 0; k < 4; k++) {
    const step = saveStep(db, StepInput.parse({ caseId: c.id, kind: k === 0 ? 'firm_talk' : 'moderated', heldOn: addDays(today, -50 + k * 10), participants: [{ name: 'Petra Meister', role: 'firm' }, { name: 'Yusuf Haddad', role: 'trainee' }], facts: 'Verspätungen an drei Tagen; Gespräch in ruhigem Ton.' }), now).steps[k]!;
    saveView(db, ViewInput.parse({ stepId: step.id, side: 'firm', text: 'Pünktlichkeit ist auf der Baustelle entscheidend.' }), now);
    saveView(db, ViewInput.parse({ stepId: step.id, side: 'trainee', text: 'Der Bus fährt nur stündlich.' }), now);
    for (let a = 0; a < 3; a++) saveAgreement(db, AgreementInput.parse({ stepId: step.id, what: `Vereinbarung ${k}.${a}`, who: 'Yusuf Haddad', dueOn: addDays(today, -40 + k * 10 + a) }), now);
  }
  const keyFile = keyFileText(publicKeys(med.db, await ensureKeys(med.db, now)));
  await ensureKeys(db, now);
  const jobs = inlineRunner(() => firm);
  const input = ExportInput.parse({ traineeId, consentId: consent.id, from: '2026-08-01', to: today, encryption: { mode: 'recipient', keyFile } });
  let file: Uint8Array = new Uint8Array();
  const casefile_export_ms = await median(async () => (file = (await exportCasefile(firm, jobs, input, now)).bytes), 5, 1);
  // The same without the PDFs: what the PDFs (the 182-sheet training record above all) cost of the export.
  const casefile_export_no_pdf_ms = await median(() => exportCasefile(firm, jobs, { ...input, pdfs: false }, now), 5, 1);
  const medJobs = inlineRunner(() => med);
  // Each open stores the case; the next run removes it again so that every run stores it anew.
  const casefile_open_ms = await median(async () => {
    await openShared(med, medJobs, file, undefined, now);
    med.db.prepare('DELETE FROM shared_cases').run();
  }, 5, 1);
  const pass = await encrypt(new Uint8Array(1000), { mode: 'passphrase', passphrase: 'Adler-Ofen-Birke-Zange-Kompass-Hafen-Wolke' });
  const casefile_kdf_ms = await median(() => decrypt(pass, { passphrase: 'Adler-Ofen-Birke-Zange-Kompass-Hafen-Wolke' }), 3, 0);
  firm.close();
  med.close();
  return { casefile_export_ms, casefile_export_no_pdf_ms, casefile_open_ms, casefile_kdf_ms, casefile_bytes: file.byteLength, casefile_mb: round(file.byteLength / 1024 / 1024) };
}
