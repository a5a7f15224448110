/** Reading transcripts from files, directories and stdin into `Source`s, turning every bad input into a one-line error. */

import { readdir, readFile, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Source } from '../types.js';

/** An input that could not be read as a transcript: the path as given and what is wrong with it. */
export interface ReadFailure {
  file: string;
  error: string;
}

/** The file name reported for text read from standard input. */
export const STDIN_FILE = '<stdin>';

const BINARY_SNIFF_BYTES = 8192;

const MESSAGES = {
  missing: 'no such file or directory',
  permission: "permission denied; check that you have read access to it",
  empty: 'file is empty',
  binary: 'looks like a binary file, not a text transcript',
  utf16: 'file is UTF-16 text, not UTF-8; re-save it as UTF-8',
  invalidUtf8: 'file is not valid UTF-8 text; re-save it as UTF-8',
  noTranscripts: 'no .txt transcripts found in directory',
  isDirectory: 'is a directory, not a transcript file',
} as const;

/** Reads each path (a file, a directory of `.txt` files, or `-` for stdin) in order; bad inputs become `{ file, error }`, never exceptions. */
export async function readSources(
  paths: string[],
  stdin: () => Promise<Buffer> = readProcessStdin,
): Promise<Array<Source | ReadFailure>> {
  const readStdinOnce = once(stdin);
  const results: Array<Source | ReadFailure> = [];
  for (const path of paths) {
    results.push(...(await readPath(path, readStdinOnce)));
  }
  return results;
}

/** Reads all of process.stdin into one buffer. */
export async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

/** Turns file bytes into transcript text, or says why they are not a usable transcript. */
export function decodeTranscript(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: MESSAGES.empty };
  // UTF-16 text is full of NUL bytes, so name it before the binary check calls it binary.
  if (hasUtf16Bom(bytes)) return { error: MESSAGES.utf16 };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { error: MESSAGES.binary };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: MESSAGES.invalidUtf8 };
  }
  text = stripBom(text);
  if (text.trim() === '') return { error: MESSAGES.empty };
  return { text };
}

async function readPath(path: string, stdin: () => Promise<Buffer>): Promise<Array<Source | ReadFailure>> {
  if (path === '-') return [await readStdinSource(stdin)];
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    return [{ file: path, error: describeFsError(error) }];
  }
  if (isDirectory) return readDirectory(path);
  return [await readFileSource(path)];
}

async function readStdinSource(stdin: () => Promise<Buffer>): Promise<Source | ReadFailure> {
  let bytes: Buffer;
  try {
    bytes = await stdin();
  } catch (error) {
    return { file: STDIN_FILE, error: `could not read standard input: ${errorMessage(error)}` };
  }
  return toSource(STDIN_FILE, bytes);
}

async function readFileSource(file: string): Promise<Source | ReadFailure> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { file, error: describeFsError(error) };
  }
  return toSource(file, bytes);
}

async function readDirectory(dir: string): Promise<Array<Source | ReadFailure>> {
  const found: TranscriptListing = { files: [], failures: [] };
  await listTranscripts(dir, found);
  if (found.files.length === 0 && found.failures.length === 0) {
    return [{ file: dir, error: MESSAGES.noTranscripts }];
  }
  const results: Array<Source | ReadFailure> = [...found.failures];
  for (const file of found.files) results.push(await readFileSource(file));
  return results.sort((a, b) => compareStrings(a.file, b.file));
}

interface TranscriptListing {
  files: string[];
  failures: ReadFailure[];
}

/** Collects `.txt` paths under `dir`; an unreadable folder is recorded and the walk goes on. */
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
    if (entry.isDirectory()) await listTranscripts(path, found);
    else if (isTranscriptName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) found.files.push(path);
  }
}

function toSource(file: string, bytes: Uint8Array): Source | ReadFailure {
  const decoded = decodeTranscript(bytes);
  return 'error' in decoded ? { file, error: decoded.error } : { file, text: decoded.text };
}

function isTranscriptName(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
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

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stdin can only be drained once; a second `-` gets the same bytes. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}
