// Real files for document copies (a PDF rendered by pdfmake, a PNG built byte by byte, a small JPEG) and inputs.
import zlib from 'node:zlib';
import { renderPdf } from '../../electron/core/pdf/render';
import type { CallInput } from '../../shared/api';

/** A 16×16 JPEG (CPython's imghdr test image, PSF licence). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real grey w×h PNG. */
export function png(w = 4, h = 4): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A real one-page PDF, as a scan would be. */
export async function pdf(text = 'Duldung – Scan'): Promise<Buffer> {
  return Buffer.from(await renderPdf({ content: [{ text }], defaultStyle: { font: 'Sans' } }));
}

export const upload = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });

export function docInput(traineeId: number, over: Record<string, unknown> = {}) {
  return {
    traineeId,
    type: 'duldung',
    typeDetail: null,
    number: 'D-123456',
    authority: 'Amt für Migration Hamburg',
    issuedOn: '2026-06-01',
    validUntil: '2027-05-31',
    workNote: 'beschaeftigung_erlaubt',
    workNoteText: null,
    residenceObligation: null,
    ...over,
  } as CallInput<'documents.create'>;
}

/** A new version of document `replacesId` with the same defaults as docInput. */
export function renewInput(replacesId: number, over: Record<string, unknown> = {}) {
  const { traineeId: _t, ...fields } = docInput(1, over);
  return { ...fields, replacesId } as CallInput<'documents.renew'>;
}

/** Changes to document `id`, with the same defaults as docInput. */
export function updateInput(id: number, over: Record<string, unknown> = {}) {
  const { traineeId: _t, ...fields } = docInput(1, over);
  return { ...fields, id } as CallInput<'documents.update'>;
}

/** A clock fixed at noon (local time) of an ISO date. */
export const at = (iso: string) => () => new Date(`${iso}T12:00:00`);
