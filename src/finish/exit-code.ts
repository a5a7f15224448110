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
export function exitCode(results: FileResult[], settings: ExitSettings): 0 | 1 | 2 {
  const tally = new ExitTally();
  for (const r of results) tally.add(r);
  return tally.code(settings);
}

/**
 * What the exit code and the run's last line depend on, counted file by file, so a run that writes each file's
 * report as it goes (`--format jsonl`) need not keep the results.
 */
export class ExitTally {
  files = 0;
  failed = 0;
  warnings = 0;
  /** The highest severity of any clue so far, as a rank; -1 for none. */
  private highest = -1;

  add(result: FileResult): void {
    this.files += 1;
    if (!result.ok) {
      this.failed += 1;
      return;
    }
    for (const clue of result.clues) this.count(clue.severity);
  }

  /** One clue of this severity (a merged SARIF result has no result around it). */
  count(severity: Severity): void {
    if (severity === 'warning') this.warnings += 1;
    this.highest = Math.max(this.highest, RANK[severity]);
  }

  code({ failOn, maxWarnings }: ExitSettings): 0 | 1 | 2 {
    if (this.failed > 0) return 2;
    if (maxWarnings !== undefined && moreWarnings(this.warnings, maxWarnings)) return 1;
    if (failOn === 'none') return 0;
    return this.highest >= RANK[failOn] ? 1 : 0;
  }
}

/**
 * Whether the warnings across all readable files number more than `max` (`--max-warnings`, as in ESLint:
 * `--max-warnings 0` fails on the first warning). Only `warning` clues count, not errors or info; files that
 * could not be read count nothing. `max` must be a whole number, 0 or more.
 */
export function exceedsMaxWarnings(results: FileResult[], max: number): boolean {
  const tally = new ExitTally();
  for (const r of results) tally.add(r);
  return moreWarnings(tally.warnings, max);
}

function moreWarnings(warnings: number, max: number): boolean {
  if (!Number.isSafeInteger(max) || max < 0) throw new InputError(`--max-warnings must be a whole number, 0 or more (got ${max})`);
  return warnings > max;
}
