/**
 * Just enough of the zip format to look inside a .docx before mammoth unpacks it: the entry names (to tell a Word
 * document from any other zip) and a bounded unpack that stops as soon as the total passes a cap, so a small file
 * that inflates to gigabytes (a zip bomb) is refused without ever holding more than the cap in memory.
 */

import { inflateRawSync } from 'node:zlib';

/** One file inside a zip, as its central directory (the index jszip, and so mammoth, also reads) describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is left for mammoth to refuse. */
  method: number;
  compressedSize: number;
  /** Where the local header starts; the data follows it. */
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A size or offset field saying the real value is in a ZIP64 record. */
const ZIP64_MARK = 0xffffffff;
/** The end record is 22 bytes plus a comment of up to 65535. */
const END_SEARCH = 22 + 0xffff;

/** The entries of a zip's central directory, or undefined when the bytes are not a zip this can read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - END_SEARCH); i -= 1) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (at === ZIP64_MARK) return undefined;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Whether the bytes are a zip holding `word/document.xml`: a Word document, whatever the file is called. */
export function isWordZip(bytes: Uint8Array): boolean {
  return zipEntries(bytes)?.some((entry) => entry.name === 'word/document.xml') ?? false;
}

/**
 * Unpacks every entry, counting the bytes as they come out: `over` as soon as the total passes `limit` (zlib stops
 * inflating at `maxOutputLength`, so no more than the cap is ever produced), `fits` when the whole archive is within
 * it, and `unreadable` when an entry cannot be unpacked or the index cannot be read (ZIP64 included, which no Word
 * document needs), so nothing that escaped the count is handed on to mammoth.
 */
export function unpackedSize(bytes: Uint8Array, limit: number): 'fits' | 'over' | 'unreadable' {
  const entries = zipEntries(bytes);
  if (!entries) return 'unreadable';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (entry.compressedSize === ZIP64_MARK || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return 'unreadable';
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      try {
        // One byte more than the room left: producing it proves the entry is over the cap.
        total += inflateRawSync(data, { maxOutputLength: limit - total + 1 }).length;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'unreadable';
      }
    } else {
      return 'unreadable';
    }
    if (total > limit) return 'over';
  }
  return 'fits';
}
