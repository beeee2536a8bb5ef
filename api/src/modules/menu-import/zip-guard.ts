// An .xlsx file is a zip. Before exceljs unpacks an uploaded one, check that it really is a zip and
// that it unpacks to a bounded size: the sizes a zip declares can lie, so every entry is inflated
// here with a hard output cap (a "zip bomb" of a few kB must not become gigabytes in memory).
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** total unpacked bytes of all entries */
  maxTotalBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Why the buffer is not an acceptable zip, or null when it is. */
export function zipProblem(buf: Buffer, limits: ZipLimits): string | null {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not a zip file';
  const entries = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) return 'zip64 files are not supported';
  if (entries > limits.maxEntries) return 'too many entries';
  let p = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) return 'broken zip directory';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_SIGNATURE) return 'broken zip entry';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return 'truncated zip entry';
    const data = buf.subarray(start, start + compressed);
    const budget = limits.maxTotalBytes - total;
    if (method === 0 || data.length === 0) {
      total += data.length;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (e) {
        return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError
          ? 'unpacks too large'
          : 'broken compressed data';
      }
    } else {
      return 'unsupported compression';
    }
    if (total > limits.maxTotalBytes) return 'unpacks too large';
  }
  return null;
}
