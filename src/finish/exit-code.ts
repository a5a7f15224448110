import { InputError } from '../errors.js';
import { SEVERITY_RANK as RANK } from '../severity.js';
import type { FileResult, Severity } from '../types.js';

/** The lowest severity that fails the run, or `none` to never fail on clues. */
export type FailOn = Severity | 'none';

/** Every `--fail-on` value, highest severity first. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const satisfies readonly FailOn[];

/** What decides the exit code besides the results: `--fail-on` and `--max-warnings` (checked by the CLI before any work). */
export interface ExitSettings {
  failOn: FailOn;
  maxWarnings?: number;
}

/**
 * 2 when any file could not be read, else 1 when a clue is at or above `failOn` or the warnings number more than
 * `maxWarnings`, else 0.
 */
export function exitCode(results: FileResult[], { failOn, maxWarnings }: ExitSettings): 0 | 1 | 2 {
  if (results.some((r) => !r.ok)) return 2;
  if (maxWarnings !== undefined && exceedsMaxWarnings(results, maxWarnings)) return 1;
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn];
  const fails = results.some((r) => r.ok && r.clues.some((clue) => RANK[clue.severity] >= threshold));
  return fails ? 1 : 0;
}

/**
 * Whether the warnings across all readable files number more than `max` (`--max-warnings`, as in ESLint:
 * `--max-warnings 0` fails on the first warning). Only `warning` clues count, not errors or info; files that
 * could not be read count nothing. `max` must be a whole number, 0 or more.
 */
export function exceedsMaxWarnings(results: FileResult[], max: number): boolean {
  if (!Number.isSafeInteger(max) || max < 0) throw new InputError(`--max-warnings must be a whole number, 0 or more (got ${max})`);
  let warnings = 0;
  for (const r of results) if (r.ok) for (const clue of r.clues) if (clue.severity === 'warning') warnings += 1;
  return warnings > max;
}
