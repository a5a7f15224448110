/**
 * Reading transcripts from files, directories, glob patterns and stdin into `Source`s with their format, turning
 * every bad input into a one-line error.
 */

import { fstatSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';
import type { Source } from '../formats/index.js';
import { jsonKind, whisper } from '../formats/whisper.js';
import { detectFormat, formatFromName, INPUT_FORMATS, type InputFormat, paragraphFormat, TRANSCRIPT_EXTENSIONS, WORD } from './detect-format.js';
import { docxText, isOleCompound, isZip } from './docx.js';
import { isWordZip, unpackedSize } from './zip.js';
import { DEFAULT_MAX_SIZE, formatSize } from './size.js';

export { INPUT_FORMATS, TRANSCRIPT_EXTENSIONS, type InputFormat } from './detect-format.js';
export { DEFAULT_MAX_SIZE, formatSize, parseSize } from './size.js';
export type { Source } from '../formats/index.js';

/** An input that could not be read as a transcript: the path as given and what is wrong with it. */
export interface ReadFailure {
  file: string;
  error: string;
}

/** How to read: a format forced on every input, and the name to give standard input. */
export interface ReadOptions {
  /** `--input-format`: parse every input as this, whatever its name or content. */
  inputFormat?: InputFormat | undefined;
  /** `--stdin-filename`: the name stdin is reported under; its extension picks the format. */
  stdinFilename?: string | undefined;
  /** `--max-size`: the most bytes one input may have, and a .docx may unpack to (default `DEFAULT_MAX_SIZE`). */
  maxSize?: number | undefined;
  /** Told of each file a folder walk read and left out, and why, so the run can account for it. */
  onSkip?: ((file: string, reason: string) => void) | undefined;
  /** `--shard`: whether a file (named, matched or found in a folder) is this run's to read; the rest are left alone. */
  include?: ((file: string) => boolean) | undefined;
}

/** Why a folder walk leaves out a file it read. */
export const SKIPPED_JSON = 'JSON that is not a transcript';

/** `file is 60 MB, over the 50 MB limit (--max-size)`. */
function tooLarge(size: number, limit: number): string {
  // Rounded, 52,431,220 bytes would read "file is 50 MB, over the 50 MB limit".
  const [file, most] = [formatSize(size), formatSize(limit)];
  return file === most
    ? `file is ${size.toLocaleString('en')} bytes, over the ${most} (${limit.toLocaleString('en')} bytes) limit (--max-size)`
    : `file is ${file}, over the ${most} limit (--max-size)`;
}

/** `<what> more than the 50 MB limit (--max-size)`, for sizes only known to be over. */
function overLimit(what: string, limit: number): string {
  return `${what} more than the ${formatSize(limit)} limit (--max-size)`;
}

/** The file name reported for text read from standard input. */
export const STDIN_FILE = '<stdin>';

const BINARY_SNIFF_BYTES = 8192;

const MESSAGES = {
  missing: 'no such file or directory',
  permission: "permission denied; check that you have read access to it",
  empty: 'file is empty',
  binary: 'looks like a binary file, not a text transcript',
  utf32: 'file is UTF-32 text, which clues does not read; re-save it as UTF-8',
  utf16NoBom: 'file looks like UTF-16 text without a byte order mark; re-save it as UTF-8 (or as UTF-16 with a BOM)',
  invalidUtf16: 'file starts with a UTF-16 byte order mark but is not valid UTF-16 text; re-save it as UTF-8',
  noTranscripts: `no transcripts (${INPUT_FORMATS.map((format) => `.${format}`).join(' ')}) found in directory`,
  noMatch: 'no files match this pattern',
  isDirectory: 'is a directory, not a transcript file',
  oldWord: 'is a Word 97–2003 document (.doc); open it in Word and save it as .docx',
  notZip: 'not a readable Word document (.docx): it is not a zip archive, as every .docx file is',
  badZip: 'not a readable Word document (.docx): its zip archive is damaged',
  stdinDirectory: 'standard input is a directory, not a transcript file',
} as const;

/**
 * Reads each path (a file, a directory, a glob pattern, or `-` for stdin) in order; bad inputs become
 * `{ file, error }`, never exceptions.
 */
export async function readSources(
  paths: string[],
  stdin?: () => Promise<Buffer>,
  options: ReadOptions = {},
): Promise<Array<Source | ReadFailure>> {
  const results: Array<Source | ReadFailure> = [];
  for await (const source of (await planSources(paths, stdin, options)).sources) results.push(source);
  return results;
}

/** A run's inputs, listed before any is read: how many, and each read only when the run asks for it. */
export interface PlannedSources {
  /** How many inputs the walk found; a folder's other JSON, skipped once read, makes the results fewer. */
  total: number;
  /** The inputs in order, each read as its turn comes, so a batch holds one file's text at a time, not all of them. */
  sources: AsyncGenerator<Source | ReadFailure>;
}

/** What a folder's files gave once read: a folder of only other JSON has no transcripts. */
interface FolderTally {
  dir: string;
  reported: number;
  skipped: number;
}

type Planned =
  | { read: 'stdin' }
  | { read: 'file'; file: string; folder?: FolderTally }
  | { read: 'failed'; failure: ReadFailure; folder?: FolderTally }
  | { read: 'folder-end'; folder: FolderTally };

/** Lists every path's inputs (walking folders and expanding patterns) and reads none of them yet. */
export async function planSources(paths: string[], stdin?: () => Promise<Buffer>, options: ReadOptions = {}): Promise<PlannedSources> {
  const readStdinOnce = once(stdin ?? (() => readProcessStdin(options.maxSize ?? DEFAULT_MAX_SIZE)));
  const plan: Planned[] = [];
  for (const path of paths) plan.push(...(await planPath(path, options)));
  return { total: plan.filter((p) => p.read !== 'folder-end').length, sources: readPlanned(plan, readStdinOnce, options) };
}

async function* readPlanned(plan: Planned[], stdin: () => Promise<Buffer>, options: ReadOptions): AsyncGenerator<Source | ReadFailure> {
  for (const p of plan) {
    if (p.read === 'stdin') {
      yield await readStdinSource(stdin, options);
    } else if (p.read === 'failed') {
      if (p.folder) p.folder.reported++;
      yield p.failure;
    } else if (p.read === 'file') {
      const source = await readFileSource(p.file, options);
      // JSON of another shape (package.json, tsconfig.json) in a folder is skipped; JSON that does not parse may be a
      // damaged transcript, so it is read and its parser says what is wrong.
      if (p.folder && isJsonName(p.file) && options.inputFormat === undefined && isOtherJson(source)) {
        options.onSkip?.(p.file, SKIPPED_JSON);
        p.folder.skipped++;
        continue;
      }
      if (p.folder) p.folder.reported++;
      yield source;
    } else if (p.folder.reported === 0 && p.folder.skipped > 0 && !options.include) {
      // A shard cannot tell a folder of only other JSON from one whose transcripts fell in other shards: it says
      // nothing more than each skipped file's line.
      yield { file: p.folder.dir, error: MESSAGES.noTranscripts };
    }
  }
}

/**
 * Reads all of process.stdin into one buffer, stopping with an InputError as soon as it passes `maxSize` bytes
 * (stdin has no size to look at first) or when stdin is a folder (`clues - < folder`), which reads as nothing.
 */
export async function readProcessStdin(maxSize = DEFAULT_MAX_SIZE): Promise<Buffer> {
  if (stdinIsDirectory()) throw new InputError(MESSAGES.stdinDirectory);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxSize) {
      process.stdin.destroy();
      throw new InputError(overLimit('standard input is', maxSize));
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Turns file bytes into transcript text, or says why they are not a usable transcript. UTF-8 with or without a
 * BOM and UTF-16 (LE or BE) with a BOM are decoded; CRLF and lone CR line ends become LF, which keeps every
 * line and column the same.
 */
export function decodeTranscript(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: MESSAGES.empty };
  let text: string;
  // UTF-32 and UTF-16 text is full of NUL bytes, so name it before the binary check calls it binary.
  if (hasUtf32Bom(bytes)) return { error: MESSAGES.utf32 };
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      return { error: MESSAGES.invalidUtf16 };
    }
  } else {
    const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
    if (head.includes(0)) return { error: looksLikeUtf16WithoutBom(head) ? MESSAGES.utf16NoBom : MESSAGES.binary };
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) return { error: invalidUtf8Message(bytes, invalid) };
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  text = stripBom(text).replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { error: MESSAGES.empty };
  return { text };
}

async function planPath(path: string, options: ReadOptions): Promise<Planned[]> {
  if (path === '-') return [{ read: 'stdin' }];
  const { include } = options;
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    // A pattern the shell did not expand (Windows never does; a quoted one on Unix): expand it here.
    if (isGlobError(error) && isDynamicPattern(toPattern(path))) return planGlob(path, options);
    return include && !include(path) ? [] : [{ read: 'failed', failure: { file: path, error: describeFsError(error) } }];
  }
  if (isDirectory) return planDirectory(path, options);
  return include && !include(path) ? [] : [{ read: 'file', file: path }];
}

async function readStdinSource(stdin: () => Promise<Buffer>, options: ReadOptions): Promise<Source | ReadFailure> {
  const file = options.stdinFilename ?? STDIN_FILE;
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  let bytes: Buffer;
  try {
    bytes = await stdin();
  } catch (error) {
    if (error instanceof InputError) return { file, error: error.message };
    return { file, error: `could not read standard input: ${errorMessage(error)}` };
  }
  if (bytes.length > maxSize) return { file, error: tooLarge(bytes.length, maxSize) };
  return toSource(file, bytes, options.inputFormat, options.stdinFilename, maxSize);
}

async function readFileSource(file: string, options: ReadOptions): Promise<Source | ReadFailure> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  let bytes: Buffer;
  try {
    // The size first, so a huge file is refused without reading it; then again, as it may have grown since.
    const { size } = await stat(file);
    if (size > maxSize) return { file, error: tooLarge(size, maxSize) };
    bytes = await readFile(file);
  } catch (error) {
    return { file, error: describeFsError(error) };
  }
  if (bytes.length > maxSize) return { file, error: tooLarge(bytes.length, maxSize) };
  return toSource(file, bytes, options.inputFormat, file, maxSize);
}

/** The files a glob pattern matches, sorted, each read as if named on the command line (as a Unix shell would). */
async function planGlob(pattern: string, options: ReadOptions): Promise<Planned[]> {
  let files: string[];
  try {
    files = await glob(toPattern(pattern), {
      absolute: isAbsolute(pattern),
      dot: false,
      followSymbolicLinks: false,
      caseSensitiveMatch: process.platform !== 'win32',
      expandDirectories: false,
    });
  } catch (error) {
    return [{ read: 'failed', failure: { file: pattern, error: `bad pattern: ${errorMessage(error)}` } }];
  }
  if (files.length === 0) return [{ read: 'failed', failure: { file: pattern, error: MESSAGES.noMatch } }];
  return files
    .sort(comparePaths)
    .filter((file) => options.include?.(file) ?? true)
    .map((file) => ({ read: 'file', file }));
}

/** Glob patterns use `/`; on Windows a typed `case\*.vtt` means the same as `case/*.vtt`. */
function toPattern(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

function isGlobError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EINVAL';
}

/** A folder's transcripts and the subfolders it could not read, by path; a folder with neither is an error now. */
async function planDirectory(dir: string, options: ReadOptions): Promise<Planned[]> {
  const found: TranscriptListing = { files: [], failures: [] };
  await listTranscripts(dir, found);
  if (found.files.length + found.failures.length === 0) return [{ read: 'failed', failure: { file: dir, error: MESSAGES.noTranscripts } }];
  // A folder whose transcripts all fell in other shards is simply done.
  const mine = (file: string) => options.include?.(file) ?? true;
  const folder: FolderTally = { dir, reported: 0, skipped: 0 };
  const planned: Array<Extract<Planned, { read: 'file' | 'failed' }>> = [
    ...found.failures.filter((f) => mine(f.file)).map((failure) => ({ read: 'failed' as const, failure, folder })),
    ...found.files.filter(mine).map((file) => ({ read: 'file' as const, file, folder })),
  ];
  const fileOf = (p: (typeof planned)[number]) => (p.read === 'file' ? p.file : p.failure.file);
  planned.sort((a, b) => comparePaths(fileOf(a), fileOf(b)));
  return planned.length === 0 ? [] : [...planned, { read: 'folder-end', folder }];
}

function isOtherJson(source: Source | ReadFailure): boolean {
  return 'text' in source && jsonKind(source.text) === 'other';
}

interface TranscriptListing {
  files: string[];
  failures: ReadFailure[];
}

/** Collects transcript paths under `dir`; an unreadable folder is recorded and the walk goes on. */
async function listTranscripts(dir: string, found: TranscriptListing): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    found.failures.push({ file: dir, error: describeFsError(error) });
    return;
  }
  for (const entry of entries) {
    const path = joinPath(dir, entry.name);
    // Symlinked folders are not followed, so a link cycle cannot loop forever.
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) await listTranscripts(path, found);
    } else if (isTranscriptName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      found.files.push(path);
    }
  }
}

// Folders a walk never enters: hidden ones (.git) and installed packages.
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

// Project documents that share an extension with transcripts.
const DOCUMENT_NAMES = /^(?:readme|changelog|changes|history|contributing|license|licence|notice|authors|code_of_conduct|security)(?:\.[^.]+)?$/i;

/** A file a directory walk reads: a transcript extension, and not an annotation (`*.expected.json`) or a README. */
export function isTranscriptName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower.endsWith('.expected.json') || DOCUMENT_NAMES.test(name)) return false;
  return TRANSCRIPT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function isJsonName(file: string): boolean {
  return formatFromName(file) === whisper.name;
}

/**
 * Bytes to a Source with its format. A .docx (by name, by `--input-format`, or a zip on stdin) is converted
 * to one paragraph per line, read as the text format its paragraphs are in; anything else is decoded as text
 * and its format detected.
 */
async function toSource(
  file: string,
  bytes: Uint8Array,
  forced: InputFormat | undefined,
  name: string | undefined,
  maxSize: number,
): Promise<Source | ReadFailure> {
  if (bytes.length === 0) return { file, error: MESSAGES.empty };
  if (forced === WORD.name) return docxSource(file, bytes, true, maxSize);
  const byName = formatFromName(name);
  // A Word document saved or renamed as .txt (or .md, .srt…) is still read as one, by its contents.
  const word = forced === undefined && (byName === WORD.name || (isZip(bytes) && (byName === undefined || isWordZip(bytes))));
  if (word) return docxSource(file, bytes, byName === WORD.name || isWordZip(bytes), maxSize);
  if (isOleCompound(bytes) && /\.doc$/i.test(name ?? '')) return { file, error: MESSAGES.oldWord };
  const decoded = decodeTranscript(bytes);
  if ('error' in decoded) return { file, error: decoded.error };
  return { file, text: decoded.text, format: detectFormat({ forced, name, text: decoded.text }) };
}

async function docxSource(file: string, bytes: Uint8Array, claimed: boolean, maxSize: number): Promise<Source | ReadFailure> {
  if (isOleCompound(bytes)) return { file, error: MESSAGES.oldWord };
  if (claimed && !isZip(bytes)) return { file, error: MESSAGES.notZip };
  // Checked by unpacking with a running count before mammoth unpacks it all at once: a few hundred KB can inflate to GBs.
  const unpacked = unpackedSize(bytes, maxSize);
  if (unpacked === 'over') return { file, error: overLimit('Word document unpacks to', maxSize) };
  if (unpacked === 'unreadable') return { file, error: claimed ? MESSAGES.badZip : MESSAGES.binary };
  let text: string;
  try {
    text = await docxText(bytes);
  } catch (error) {
    if (!claimed) return { file, error: MESSAGES.binary };
    return { file, error: `not a readable Word document (.docx): ${docxProblem(errorMessage(error))}` };
  }
  if (text.trim() === '') return { file, error: 'the Word document has no text' };
  return { file, text, format: paragraphFormat(text), container: 'docx' };
}

/** Joins without normalising, so `./fixtures/` stays as the user typed it in reports. */
function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return MESSAGES.missing;
    case 'EACCES':
    case 'EPERM':
      return MESSAGES.permission;
    case 'EISDIR':
      return MESSAGES.isDirectory;
    default:
      return `cannot read: ${code ?? errorMessage(error)}`;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first line of mammoth's (or its unzipper's) complaint, without the link jszip appends. */
function docxProblem(message: string): string {
  return message.split('\n')[0]!.replace(/\s*If it is, see \S+$/, '').trim();
}

function hasUtf32Bom(bytes: Uint8Array): boolean {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00;
  const be = bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff;
  return le || be;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Mostly-ASCII UTF-16 has a NUL in nearly every other byte and almost none in the rest. */
function looksLikeUtf16WithoutBom(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const nuls = [0, 0];
  for (let i = 0; i < head.length; i += 1) if (head[i] === 0) nuls[i % 2]! += 1;
  const half = head.length / 2;
  const [even, odd] = nuls as [number, number];
  return (even > half * 0.6 && odd < half * 0.05) || (odd > half * 0.6 && even < half * 0.05);
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (c === undefined || c < low || c > high) return i;
    }
    i += length;
  }
  return undefined;
}

/** Names the bad byte and where it is, since a Windows-1252 or Latin-1 file is the usual cause. */
function invalidUtf8Message(bytes: Uint8Array, offset: number): string {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1;
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return `file is not valid UTF-8 text (byte 0x${hex} at line ${line}, column ${column}); re-save it as UTF-8`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The order a folder walk lists files in (and `clues merge` lists shard outputs' files in): by UTF-16 code units. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stdin can only be drained once; a second `-` gets the same bytes. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}
