import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflateRawAsync = promisify(inflateRaw);

/** Limits for an uploaded workbook (an .xlsx is a zip of XML files). */
export interface ZipLimits {
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** How many entries. */
  maxEntries: number;
  /** Largest compression ratio of an entry bigger than `ratioFloorBytes` (XML compresses 5–30×; bombs 1000×+). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 256 * 1_048_576, maxEntries: 2_000, maxRatio: 200, ratioFloorBytes: 1_048_576 };

export type ZipRefusal = { rule: 'zipInvalid' | 'zipTooLarge'; message: string; params: Record<string, number> };

interface Entry {
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/**
 * Reads a zip's central directory and checks the declared sizes before anything is inflated; then
 * inflates each entry with its declared size as a hard cap (so a size that lies is caught too, and no
 * entry can grow past what was checked). Returns null when the file may be handed to the XLSX reader.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipRefusal | null> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const invalid = (why: string): ZipRefusal => ({
    rule: 'zipInvalid',
    message: `The workbook is not a well-formed .xlsx (${why}); save it again from Excel or LibreOffice.`,
    params: {},
  });
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return invalid('no central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    return { rule: 'zipTooLarge', message: 'The workbook is a ZIP64 archive (over 4 GB or 65,535 parts): far larger than an import can be.', params: {} };
  if (count > limits.maxEntries)
    return {
      rule: 'zipTooLarge',
      message: `The workbook has ${count} parts; at most ${limits.maxEntries} are read.`,
      params: { entries: count, max: limits.maxEntries },
    };
  if (cdOffset + cdSize > eocd) return invalid('central directory out of bounds');
  const entries: Entry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return invalid('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff)
      return { rule: 'zipTooLarge', message: 'The workbook has a ZIP64 part (over 4 GB): far larger than an import can be.', params: {} };
    if (method !== 0 && method !== 8) return invalid(`compression method ${method}`);
    total += uncompressed;
    if (total > limits.maxTotalBytes)
      return {
        rule: 'zipTooLarge',
        message: `The workbook unpacks to more than ${Math.round(limits.maxTotalBytes / 1_048_576)} MB; split it into smaller files.`,
        params: { mb: Math.round(limits.maxTotalBytes / 1_048_576) },
      };
    if (uncompressed > limits.ratioFloorBytes && uncompressed / Math.max(1, compressed) > limits.maxRatio)
      return {
        rule: 'zipTooLarge',
        message: `A part of the workbook unpacks ${Math.round(uncompressed / Math.max(1, compressed))} times its size, which no spreadsheet does; it is refused.`,
        params: { ratio: Math.round(uncompressed / Math.max(1, compressed)) },
      };
    entries.push({ method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // The declared sizes hold: every entry inflates to at most what it declares.
  for (const e of entries) {
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return invalid('bad local header');
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    if (start + e.compressed > buf.length) return invalid('truncated part');
    const data = buf.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) return invalid('stored part of the wrong size');
      continue;
    }
    try {
      const out = await inflateRawAsync(data, { maxOutputLength: Math.max(1, e.uncompressed) });
      if (out.length !== e.uncompressed) return invalid('a part is not the size it declares');
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return { rule: 'zipTooLarge', message: 'A part of the workbook unpacks larger than it declares; it is refused.', params: {} };
      return invalid('a part cannot be unpacked');
    }
  }
  return null;
}
