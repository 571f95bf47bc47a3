// The desktop app's "Öffnen/Drucken" files: only real PDFs, a safe file name, owner-only, cleaned up later.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTempPdfs, writeTempPdf } from '../../electron/tempPdf';
import { tempDir } from './helpers';

describe('temporary PDFs for printing', () => {
  it('writes a real PDF under a safe name and refuses anything else', () => {
    const dir = tempDir();
    const pdf = Buffer.from('%PDF-1.7\n%%EOF').toString('base64');
    const f = writeTempPdf(dir, '../../Ausbildungsnachweis_Yousef_Amina.pdf', pdf)!;
    expect(path.basename(f)).toBe('Ausbildungsnachweis_Yousef_Amina.pdf');
    expect(f.startsWith(dir + path.sep)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(writeTempPdf(dir, 'x.pdf', Buffer.from('MZ not a pdf').toString('base64'))).toBeNull();
    expect(path.basename(writeTempPdf(dir, 'a/b\\c:d?.pdf', pdf)!)).toBe('b_c_d_.pdf');
  });

  it('removes files older than a day and keeps newer ones', () => {
    const dir = tempDir();
    const pdf = Buffer.from('%PDF-1.7').toString('base64');
    const old = writeTempPdf(dir, 'alt.pdf', pdf)!;
    const fresh = writeTempPdf(dir, 'neu.pdf', pdf)!;
    const twoDaysAgo = new Date(Date.now() - 2 * 86400000);
    fs.utimesSync(path.dirname(old), twoDaysAgo, twoDaysAgo);
    cleanTempPdfs(dir);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
