import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * `--output-dir DIR`: one report per transcript, each named after its transcript (`interview.txt` →
 * `interview.html`). Names are reduced to safe characters and made unique, so every file lands directly in DIR:
 * a transcript named `../x` or `.bashrc` cannot steer a report outside it, or onto a hidden file.
 */
export function reportNames(files: string[], extension: string): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const stem = basename(file.replace(/\\/g, '/')).replace(/(?<=.)\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'transcript';
    let name = `${stem}.${extension}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${extension}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Makes DIR if it is not there (its parent must be), or checks that it is a folder; an InputError names the problem. */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await fs.stat(dir)).isDirectory()) return;
      throw new InputError(`${dir}: cannot write reports: it is not a directory`);
    }
    if (code === 'ENOENT') throw new InputError(`${dir}: cannot write reports: its parent directory does not exist`);
    throw new InputError(`${dir}: cannot write reports: ${(error as Error).message}`);
  }
}

/** Where each report goes: DIR joined with its safe name. */
export function reportPaths(dir: string, files: string[], extension: string): string[] {
  return reportNames(files, extension).map((name) => join(dir, name));
}
