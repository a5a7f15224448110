import { randomBytes } from 'node:crypto';
import { constants, promises as fs, unlinkSync, type Stats } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** The file-system calls `writeAtomically` makes; tests replace one to simulate a failure part-way. */
export interface WriteSteps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const REAL_STEPS: WriteSteps = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/** Reports hold what was said in child-protection interviews: only the owner may read them. */
const REPORT_MODE = 0o600;

/** The temporary file's prefix and suffix, so a left-over one (after a power cut) is recognisable. */
export const TEMP_PREFIX = '.clues-';
export const TEMP_SUFFIX = '.tmp';

/**
 * Writes `text` to `path` so that a reader sees either the old file or the whole new one, never half a
 * report: the text goes to a new temporary file (mode 0600, unique name) in the same directory, is flushed
 * to disk, and is then renamed over `path`. Nothing is written outside `path`'s directory. On failure the
 * temporary file is removed, `path` is left as it was, and an InputError names the path and the problem.
 *
 * The new file has mode 0600 even when it replaces a file with other permissions; a symlink at `path` is
 * replaced by the file, not written through.
 */
export async function writeAtomically(path: string, text: string, options: { what?: string } & Partial<WriteSteps> = {}): Promise<void> {
  const { open, rename, unlink, what = 'report' } = { ...REAL_STEPS, ...options };
  await checkOutputPath(path, what);
  const target = resolve(path);
  const dir = dirname(target);
  const temp = resolve(dir, `${TEMP_PREFIX}${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let created = false;
  try {
    // wx: fail rather than follow or reuse anything already at the temporary name.
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, REPORT_MODE);
    created = true;
    removeOnSignal(temp);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    throw new InputError(`${path}: cannot write ${what}: ${describe(error, dir)}`);
  } finally {
    keepOnSignal(temp);
  }
  await syncDirectory(dir);
}

/**
 * Throws an InputError (one line) unless `path` names a regular file, a symlink to one, or nothing yet: a device
 * (`/dev/null`, `/dev/stdout`), a pipe, a socket or a folder would be replaced by the rename, so it is refused before
 * any work is done. The report goes to stdout anyway when no `-o` is given.
 */
export async function checkOutputPath(path: string, what = 'report'): Promise<void> {
  if (path === '' || /[/\\]$/.test(path)) throw new InputError(`${path || '""'}: cannot write ${what}: not a file name`);
  let stats: Stats;
  try {
    stats = await fs.stat(path);
  } catch {
    return; // a new path (or a link to one), or a folder the write itself will name
  }
  if (!stats.isFile()) throw new InputError(`${path}: cannot write ${what}: it is ${kindOf(stats)}, not a regular file`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/** Temporary files being written now; Ctrl-C (or kill) removes them, so no half-written report is left behind. */
const pending = new Set<string>();

function removePending(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  process.exit(128 + (osConstants.signals[signal] ?? 0));
}

function removeOnSignal(temp: string): void {
  if (pending.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    process.on('exit', removePending);
  }
  pending.add(temp);
}

function keepOnSignal(temp: string): void {
  if (!pending.delete(temp) || pending.size > 0) return;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  process.off('exit', removePending);
}

/** Flushes the rename itself to disk where the platform allows it; a failure here loses nothing already written. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory, and some file systems refuse fsync on one: the rename has happened.
  }
}

/** One short phrase for a failed write. */
function describe(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `directory ${dir} does not exist`;
    case 'ENOTDIR':
      return `${dir} is not a directory`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${dir}`;
    case 'EROFS':
      return `${dir} is on a read-only file system`;
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EXDEV':
      return 'cannot rename across devices';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
