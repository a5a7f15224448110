import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { defineDetector } from './detector.js';

/** Injuries explained vaguely, minimised, not at all, or differently. */
export const unexplainedInjury = defineDetector({
  meta: {
    id: 'unexplained-injury',
    kind: 'unexplained-injury',
    severity: 'warning',
    description: 'TODO',
    examples: { fires: [], quiet: [] },
  },
  detect(_analysis: Analysis): Clue[] {
    return [];
  },
});
