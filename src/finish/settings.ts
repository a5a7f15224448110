import type { RuleSetting } from './rule-settings.js';
import type { FileResult } from '../types.js';
import type { Baseline, GoneClue } from './baseline.js';

/** What the finishing stage is told: how to change the detectors' results before any reporter sees them. */
export interface FinishSettings {
  /** The project config's `rules`: a rule off, or every clue of it at one severity. */
  ruleSettings?: Record<string, RuleSetting>;
  /** `--write-baseline`: handed the baseline of the clues as they stand before `--baseline` and `--quiet`. */
  onBaseline?: (text: string) => void;
  /** `--baseline`: only clues not recorded in it are kept. */
  baseline?: Baseline;
  /** Told of each baseline entry a checked file no longer raises. */
  onGone?: (gone: GoneClue) => void;
  /** `--quiet`: errors only. */
  quiet?: boolean;
  /** `--redact`: every personal name replaced by a stable pseudonym. */
  redact?: boolean;
}

/**
 * One step of the finishing stage: results in, results out, the input left unchanged. Each step's file declares only
 * the settings it reads, and does not import this one, so no import cycle runs through the finishing stage.
 */
export type Transform = (results: FileResult[], settings: FinishSettings) => FileResult[];
