// Pictures of glossary entries: PNG or JPEG (told by their first bytes, not by the file name), at most
// PICTURE_MAX_BYTES. The size in pixels is read from the file's header and checked before anything decodes it;
// then the picture is normalised with sharp (turned upright, scaled to what print needs, metadata such as EXIF GPS
// dropped) and stored once per content under files/glossary/<sha256>.<ext>, shared by every entry that uses it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { PICTURE_MAX_BYTES, PICTURE_MAX_PIXELS, PICTURE_MAX_SIDE, PICTURE_PRINT_SIDE, type GlossaryEntry } from '../../../shared/glossary';
import { AppError } from '../errors';
import type { Store } from '../store/db';
import { entryRow, getEntry } from './glossary';

export type PictureMime = 'image/png' | 'image/jpeg';
sharp.cache(false);
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

export function picturePath(store: Store, rel: string) {
  return path.join(store.filesDir, ...rel.split('/'));
}

/** The image type by magic bytes, or null. */
export function sniffImage(b: Uint8Array): PictureMime | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

const broken = (why: string) => new AppError('picture_broken', `The picture cannot be read: ${why}`);

const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Walks the PNG's chunks (lengths, CRCs, IHDR, IDAT, IEND) without decoding the image data. */
function checkPng(b: Buffer): { width: number; height: number } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  let interlace = 0;
  let depth = 0;
  let sawPalette = false;
  let ended = false;
  const idat: Buffer[] = [];
  while (pos < b.length) {
    if (pos + 12 > b.length) throw broken('a PNG chunk is cut off');
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + len > b.length) throw broken(`PNG chunk ${type} is cut off`);
    const data = b.subarray(pos + 8, pos + 8 + len);
    if (zlib.crc32(data, zlib.crc32(b.subarray(pos + 4, pos + 8))) !== b.readUInt32BE(pos + 8 + len)) throw broken(`PNG chunk ${type} is damaged (checksum)`);
    if (pos === 8 && type !== 'IHDR') throw broken('PNG header missing');
    if (type === 'IHDR') {
      if (len !== 13) throw broken('PNG header has the wrong size');
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
      if (!PNG_DEPTHS[colorType]?.includes(depth) || interlace > 1) throw broken('unsupported PNG colour format');
    } else if (type === 'PLTE') sawPalette = true;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos += 12 + len;
  }
  if (!ended) throw broken('PNG end marker missing (file cut off?)');
  if (width < 1 || height < 1) throw broken('PNG has no size');
  if (colorType === 3 && !sawPalette) throw broken('PNG palette missing');
  if (idat.length === 0) throw broken('PNG has no image data');
  return { width, height };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG's segments up to the image data: needs a frame header with a size, and an end marker. */
function checkJpeg(b: Buffer): { width: number; height: number } {
  let pos = 2;
  let size: { width: number; height: number } | null = null;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) throw broken('JPEG segment marker missing');
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    const len = b.readUInt16BE(pos + 2);
    if (len < 2 || pos + 2 + len > b.length) throw broken('a JPEG segment is cut off');
    if (SOF.has(marker)) {
      if (len < 7) throw broken('JPEG frame header too short');
      size = { height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7) };
    }
    if (marker === 0xda) break; // start of scan: the compressed image follows
    pos += 2 + len;
  }
  if (!size || size.width < 1 || size.height < 1) throw broken('JPEG has no frame header');
  // The end-of-image marker: at the end, possibly followed by padding.
  const tail = b.subarray(Math.max(0, b.length - 4096));
  let found = false;
  for (let i = tail.length - 2; i >= 0; i--) {
    if (tail[i] === 0xff && tail[i + 1] === 0xd9) {
      found = true;
      break;
    }
  }
  if (!found) throw broken('JPEG end marker missing (file cut off?)');
  return size;
}

/** Checks a picture without decoding it (type by magic bytes, file size, structure, pixel size from the header). */
export function checkPicture(bytes: Buffer): { mimeType: PictureMime; width: number; height: number } {
  if (bytes.length > PICTURE_MAX_BYTES) throw tooLarge(bytes.length);
  const mimeType = sniffImage(bytes);
  if (!mimeType) throw new AppError('picture_not_image', 'The file is not a PNG or JPEG picture');
  return { mimeType, ...checkPixels(bytes, mimeType) };
}

/** Structure and pixel size of a PNG or JPEG from its header (no decoding); refuses broken files and pixel bombs. */
export function checkPixels(bytes: Buffer, mimeType: PictureMime): { width: number; height: number } {
  const { width, height } = mimeType === 'image/png' ? checkPng(bytes) : checkJpeg(bytes);
  if (width * height > PICTURE_MAX_PIXELS || Math.max(width, height) > PICTURE_MAX_SIDE) {
    const maxMp = PICTURE_MAX_PIXELS / 1_000_000;
    throw new AppError('picture_too_many_pixels', `The picture has ${width}×${height} pixels; at most ${maxMp} megapixels and ${PICTURE_MAX_SIDE} pixels a side`, { width, height, maxMp, maxSide: PICTURE_MAX_SIDE });
  }
  return { width, height };
}

/**
 * The picture as stored: upright (EXIF orientation applied), at most PICTURE_PRINT_SIDE pixels on its long side,
 * without metadata (EXIF with GPS, XMP, comments), in its own format. sharp refuses more than the pixel limit
 * again by itself, and a picture whose data is damaged or cut off.
 */
export async function normalisePicture(bytes: Buffer, mimeType: PictureMime): Promise<Buffer> {
  try {
    return await scaleForPrint(bytes, mimeType, PICTURE_MAX_PIXELS);
  } catch {
    throw broken('the image data is damaged or incomplete');
  }
}

/** Upright, at most PICTURE_PRINT_SIDE on the long side, no metadata, same format; refuses more than `maxPixels`. */
function scaleForPrint(bytes: Buffer, mimeType: PictureMime, maxPixels: number): Promise<Buffer> {
  const img = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated', autoOrient: true }).resize({
    width: PICTURE_PRINT_SIDE,
    height: PICTURE_PRINT_SIDE,
    fit: 'inside',
    withoutEnlargement: true,
  });
  return (mimeType === 'image/png' ? img.png({ compressionLevel: 9 }) : img.jpeg({ quality: 85 })).toBuffer();
}

const tooLarge = (n: number) =>
  new AppError('picture_too_large', `The picture has ${mb(n)} MB; at most ${mb(PICTURE_MAX_BYTES)} MB`, { sizeMb: mb(n), maxMb: mb(PICTURE_MAX_BYTES) });

/** Decodes base64 sent by a client, refusing oversized or malformed data before decoding it. */
export function decodeBase64(base64: string, maxBytes: number, onTooLarge: (bytes: number) => AppError): Buffer {
  const approx = Math.floor((base64.length * 3) / 4);
  if (approx > maxBytes + 3) throw onTooLarge(approx);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('invalid_file_data', 'The file data is not valid base64');
  return Buffer.from(base64, 'base64');
}

/** Pixel limit of pictures stored before they were normalised at import (the check then allowed 40 megapixels). */
const LEGACY_MAX_PIXELS = 40_000_000;
const NORMALISED = /^glossary\/[0-9a-f]{64}\.(png|jpg)$/;

/**
 * A stored picture as print uses it: a normalised one as it is; one stored before pictures were normalised at
 * import (glossary/<id>-<random>.<ext>, possibly tens of megapixels) scaled down in memory, or null if it cannot be
 * read. The file itself is not changed.
 */
export async function printablePicture(rel: string, bytes: Buffer, mimeType: PictureMime): Promise<Buffer | null> {
  if (NORMALISED.test(rel)) return bytes;
  try {
    return await scaleForPrint(bytes, mimeType, LEGACY_MAX_PIXELS);
  } catch {
    return null;
  }
}

/** Removes a stored picture file once no entry refers to it any more (pictures are shared by content). */
export function releasePicture(store: Store, rel: string | null) {
  if (!rel) return;
  if (store.db.prepare('SELECT 1 FROM glossary_entries WHERE picture_file = ?').get(rel)) return;
  fs.rmSync(picturePath(store, rel), { force: true });
}

/** Where a picture with these bytes is stored: named by its SHA-256, so the same picture is stored once. */
const contentPath = (bytes: Buffer, mimeType: PictureMime) =>
  `glossary/${crypto.createHash('sha256').update(bytes).digest('hex')}.${mimeType === 'image/png' ? 'png' : 'jpg'}`;

/** Stores a picture for an entry: checked, normalised, file first (atomically), then the row; the old one released after. */
export async function setPicture(store: Store, id: number, base64: string, now = new Date()): Promise<GlossaryEntry> {
  entryRow(store.db, id);
  const input = decodeBase64(base64, PICTURE_MAX_BYTES, tooLarge);
  const { mimeType } = checkPicture(input);
  const bytes = await normalisePicture(input, mimeType);
  const before = entryRow(store.db, id);
  const rel = contentPath(bytes, mimeType);
  const file = picturePath(store, rel);
  const existed = fs.existsSync(file);
  if (!existed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.part`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  try {
    store.db
      .prepare('UPDATE glossary_entries SET picture_file = ?, picture_mime = ?, picture_bytes = ?, updated_at = ? WHERE id = ?')
      .run(rel, mimeType, bytes.length, now.toISOString(), id);
  } catch (e) {
    if (!existed) releasePicture(store, rel);
    throw e;
  }
  if (before.picture_file !== rel) releasePicture(store, before.picture_file);
  return getEntry(store.db, id);
}

export function removePicture(store: Store, id: number, now = new Date()): GlossaryEntry {
  const before = entryRow(store.db, id);
  store.db.prepare('UPDATE glossary_entries SET picture_file = NULL, picture_mime = NULL, picture_bytes = NULL, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
  releasePicture(store, before.picture_file);
  return getEntry(store.db, id);
}

/** The stored picture's bytes; null when the entry has none or the file has gone missing. */
export function readPicture(store: Store, rel: string | null): Buffer | null {
  if (!rel) return null;
  try {
    return fs.readFileSync(picturePath(store, rel));
  } catch {
    return null;
  }
}
