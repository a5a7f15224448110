import type { FileResult } from '../types.js';
import { clueJson, stringify } from './json.js';
import { byPosition } from './text.js';

/** JSON Lines: one line per clue (the object `--format json` lists), and a `{"type":"error"}` line per unreadable file. */
export function jsonl(results: FileResult[]): string {
  return results
    .flatMap<object>((r) =>
      r.ok ? [...r.clues].sort(byPosition).map(clueJson) : [{ type: 'error', file: r.file, message: r.error }],
    )
    .map((record) => `${stringify(record)}\n`)
    .join('');
}
