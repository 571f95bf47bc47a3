// Test data of the language domain: real pictures (a PNG made here, a small JPEG), CSV bytes, a trainee with a task.
import zlib from 'node:zlib';
import type { TaskInput } from '../../shared/tasks';
import { traineeInput, type TestCore } from './helpers';

/** A PNG file from its header fields and raw scanlines (each row led by its filter byte), with correct checksums. */
export function pngFile(width: number, height: number, bitDepth: number, colourType: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colourType;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A real RGB PNG of the given size, one colour. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 80, 40]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  return pngFile(width, height, 8, 2, Buffer.concat(Array.from({ length: height }, () => row)));
}

/** A 96×64 baseline JPEG (made with ImageMagick). */
export const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCABAAGADASIAAhEBAxEB/8QAGQABAQADAQAAAAAAAAAAAAAAAAcEBQgG/8QAMRAAAQMDAQQJAwUBAAAAAAAAAAECAwQFERIGExdBByFUYWWTpNLiMXGBFBVCUaHw/8QAGgEBAQEAAwEAAAAAAAAAAAAAAAIEAQMFBv/EACIRAAIBBAICAwEAAAAAAAAAAAACAQMEEzEFESFREhRBkf/aAAwDAQACEQMRAD8Av4ANxiAAAAAAAAAAAAAAAABI+MvgPrPgSzQuyoWW0VwEj4y+A+s+A4y+A+s+BORfZWNvRXDV3q/2qyMR11r4KbKZa1zsucnc1OtfwhNJemV27fosaI/HUq1eURftoJNcK2puNbNV10z5qmZ2p8jvqq/9y5GS6vYo9QvmT2eJ4ab7t6k9LH9k6esm1Flvb9FruME8mM7vKtfj+9LsL/hujkGKR8MrJYXujkY5HNe1cK1U+iovJSsWzphnioII6y0pU1DGI2SZKnRvFT+WnQuMnFrfRVn4vHUl8twn0lipSntdedwWYEj4y+A+s+A4y+A+s+BsyL7PDxt6K4CR8ZfAfWfAqFnrf3G00Ndu93+pgZNoznTqai4zz+pStDaJlZXZmEM4RX7tdr8yT2FzAZIbYVpXRDOEV+7Xa/Mk9g4RX7tdr8yT2FzBGJSsrEJl6Ir+kT1SptrlRMo1JX5Xu62E3ljfDK+KZjo5GOVrmOTCtVOpUVOSnXx5naXYex7QyunrqVWVSphZ4HaHr9+S/lFMd3ZZemTZ7vD8zFl3TrR2s+fH5JzKUO2dFV+q6CCpWWhg3zEfupnva9ueTkRi4XuKds/0d7P2SoZURUz6moYuWSVTtatXkqIiI3PfjJ68m0sZpT8qmzs5jm1u1ilRjxuZn9IZwiv3a7X5knsHCK/drtfmSewuYN2JT57KxDOEV+7Xa/Mk9hZLDRyW+x26imVrpaemjherFy1Va1EXGeXUZ4KVIXRwzy2wACyAAAAAAAAAAAAAAAD/2Q==', 'base64');

export const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

/** CSV text as bytes (UTF-8). */
export const csvBytes = (rows: string[], sep = ';') => Buffer.from(rows.map((r) => r.replaceAll(';', sep)).join('\r\n'), 'utf8');

/** Glossary entries of a scope by term. */
export async function entriesByTerm(c: TestCore, filter: string) {
  const { entries } = await c.call('glossary.list', { filter, limit: 1000 });
  return new Map(entries.map((e) => [e.term, e]));
}

/** A trainee (Arabic first language unless told otherwise) and the input for a task using some starter terms. */
export async function traineeWithTask(c: TestCore, over: Partial<TaskInput> = {}, trainee: Record<string, unknown> = {}) {
  const t = await c.call('trainees.create', traineeInput({ occupationId: 'anlagenmechaniker-shk', ...trainee }));
  const terms = await entriesByTerm(c, 'anlagenmechaniker-shk');
  const pick = (...names: string[]) => names.map((n) => terms.get(n)!.id);
  const input: TaskInput = {
    traineeId: t.id,
    title: 'Tropfenden Wasserhahn reparieren',
    vocationalGoal: 'Sie reparieren einen tropfenden Wasserhahn beim Kunden: Wasser absperren, Dichtung tauschen, prüfen.',
    workSteps: ['Absperrhahn zudrehen', 'Wasserhahn abschrauben', 'Alte Dichtung herausnehmen', 'Neue Dichtung einsetzen', 'Wasserhahn montieren und prüfen'],
    positions: ['A12', 'A15'],
    termIds: pick('Wasserhahn', 'Dichtung', 'Absperrhahn', 'Rohrzange', 'Leck', 'Druck'),
    phrases: [
      { kind: 'ask_back', text: 'Welcher Wasserhahn tropft genau?' },
      { kind: 'confirm', text: 'Alles klar, ich sperre zuerst das Wasser ab.' },
      { kind: 'report_problem', text: 'Die Dichtung passt nicht. Ich brauche eine andere.' },
      { kind: 'safety', text: 'Vorsicht, das Wasser ist heiß!' },
    ],
    level: 'A2',
    scenario: 'Eine Kundin ruft an: Ihr Wasserhahn in der Küche tropft.',
    scenarioSteps: [
      { skill: 'listen', text: 'Die Kundin erklärt am Telefon das Problem.' },
      { skill: 'speak', text: 'Fragen Sie nach: Welcher Wasserhahn? Seit wann?' },
      { skill: 'write', text: 'Schreiben Sie den Auftrag auf den Auftragszettel.' },
      { skill: 'speak', text: 'Melden Sie der Meisterin, dass die Arbeit fertig ist.' },
    ],
    checks: [
      { method: 'explain_back', text: 'Erklärt, warum das Wasser zuerst abgesperrt wird.' },
      { method: 'show', text: 'Zeigt, wo der Absperrhahn ist.' },
    ],
    assignedOn: '2026-09-01',
    dueBy: '2026-09-15',
    ...over,
  };
  return { trainee: t, input, terms };
}
