import type { FileResult } from '../types.js';

/** `--quiet` keeps errors only; the summary then counts exactly what is listed. */
export const quiet = (results: FileResult[], settings: { quiet?: boolean }): FileResult[] =>
  settings.quiet ? results.map((r) => (r.ok ? { ...r, clues: r.clues.filter((c) => c.severity === 'error') } : r)) : results;
