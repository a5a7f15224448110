import type { Transform } from './settings.js';

/** `--quiet` keeps errors only; the summary then counts exactly what is listed. */
export const quiet: Transform = (results, settings) =>
  settings.quiet ? results.map((r) => (r.ok ? { ...r, clues: r.clues.filter((c) => c.severity === 'error') } : r)) : results;
