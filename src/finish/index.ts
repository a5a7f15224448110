/**
 * The finishing stage: what happens to the detectors' results before any reporter sees them, as a list of
 * transforms applied in this order. Suppression comes first (it reads each file's directives and drops them),
 * rule settings next (so a config can quieten `clues-ignore` reports too), then the baseline is recorded and
 * compared, `--quiet` drops all but errors, and redaction comes last so it sees every name still reported.
 */
import type { FileResult } from '../types.js';
import { compareBaseline, recordBaseline } from './baseline.js';
import { quiet } from './quiet.js';
import { redaction } from './redact.js';
import { ruleSettings } from './rule-settings.js';
import type { FinishSettings, Transform } from './settings.js';
import { suppression } from './suppress.js';

export type { FinishSettings, Transform } from './settings.js';

/** Every finishing step, in the order they run. */
export const FINISH: readonly Transform[] = [suppression, ruleSettings, recordBaseline, compareBaseline, quiet, redaction];

/** The detectors' results after every finishing step. */
export function finish(results: FileResult[], settings: FinishSettings = {}): FileResult[] {
  return FINISH.reduce((finished, step) => step(finished, settings), results);
}
