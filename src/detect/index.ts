import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { childWellbeing } from './child-wellbeing.js';
import { contradiction } from './contradiction.js';
import type { Detector } from './detector.js';
import { minimisation } from './minimisation.js';
import { missedFollowUp } from './missed-follow-up.js';
import { relationship } from './relationship.js';
import { unexplainedAdult } from './unexplained-adult.js';
import { unexplainedInjury } from './unexplained-injury.js';

export type { Detector, DetectorMeta } from './detector.js';

/** Every detector, in the order their clues are listed for the same line. */
export const detectors: Detector[] = [
  unexplainedAdult,
  relationship,
  contradiction,
  unexplainedInjury,
  childWellbeing,
  minimisation,
  missedFollowUp,
];

/** Runs every detector on one analysis; clues come back sorted by position. */
export function detect(analysis: Analysis): Clue[] {
  return detectors
    .flatMap((d) => d.detect(analysis))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
