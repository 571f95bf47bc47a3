// The plan and record exports from the command line, on the demo workspace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempDir } from './helpers';
import { pdfText } from './pdfText';

beforeAll(ensureBuilt, 120_000);

describe('cli: training plan and record', () => {
  it('exports the Ausbildungsplan, the Ausbildungsnachweis for a range and the Ausbildungsstand of a demo trainee', async () => {
    const dir = tempDir();
    expect(runCli(['demo', '--data-dir', dir]).code).toBe(0);
    const out = tempDir();
    const plan = path.join(out, 'plan.pdf');
    expect(runCli(['export', 'ausbildungsplan', '--trainee', '1', '--out', plan, '--data-dir', dir]).code).toBe(0);
    expect(await pdfText(fs.readFileSync(plan))).toContain('Betrieblicher Ausbildungsplan');
    const nw = path.join(out, 'nachweis.pdf');
    const r = runCli(['export', 'ausbildungsnachweis', '--trainee', '1', '--from', '2025-09-01', '--to', '2025-09-30', '--out', nw, '--data-dir', dir]);
    expect(r.code).toBe(0);
    const text = await pdfText(fs.readFileSync(nw));
    expect(text).toContain('KW 36/2025 · 01.09.2025 – 05.09.2025');
    expect(text).toContain('KW 40/2025 · 29.09.2025 – 03.10.2025');
    expect(text).not.toContain('KW 35/2025');
    expect(text).not.toContain('KW 41/2025');
    const stand = path.join(out, 'stand.pdf');
    expect(runCli(['export', 'ausbildungsstand', '--trainee', '1', '--out', stand, '--data-dir', dir]).code).toBe(0);
    expect(await pdfText(fs.readFileSync(stand))).toContain('Fehlende Wochen 1: KW');
    // a range without records: a clear message, exit code 1, no file
    const none = path.join(out, 'leer.pdf');
    const e = runCli(['export', 'ausbildungsnachweis', '--trainee', '1', '--from', '2024-01-01', '--to', '2024-03-31', '--out', none, '--data-dir', dir]);
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/Für den Zeitraum 01\.01\.2024/);
    expect(fs.existsSync(none)).toBe(false);
  });

  it('lists the occupations and the missing or unsigned record weeks', () => {
    const dir = tempDir();
    runCli(['demo', '--data-dir', dir]);
    const occ = JSON.parse(runCli(['list', 'occupations', '--json', '--data-dir', dir]).out) as { id: string; origin: string }[];
    expect(occ.map((o) => o.id)).toEqual(['anlagenmechaniker-shk', 'elektroniker-eg', 'tischler']);
    const nw = JSON.parse(runCli(['list', 'nachweise', '--json', '--data-dir', dir]).out) as { name: string; missing: number; traineeSigned: number }[];
    expect(nw).toHaveLength(4);
    for (const row of nw) expect(row).toMatchObject({ missing: 1, traineeSigned: 1 });
  });
});
