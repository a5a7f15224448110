import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { contradiction } from './contradiction.js';
import type { Detector } from './detector.js';
import { relationship } from './relationship.js';
import { unexplainedAdult } from './unexplained-adult.js';

export type { Detector, DetectorMeta } from './detector.js';

/** Every detector, in the order their clues are listed for the same line. */
export const detectors: Detector[] = [unexplainedAdult, relationship, contradiction];

/** Runs every detector on one analysis; clues come back sorted by position. */
export function detect(analysis: Analysis): Clue[] {
  return detectors
    .flatMap((d) => d.detect(analysis))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
