import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { defineDetector } from './detector.js';

/** Words that play down a person or harm. */
export const minimisation = defineDetector({
  meta: {
    id: 'minimisation',
    kind: 'minimisation',
    severity: 'info',
    description: 'TODO',
    examples: { fires: [], quiet: [] },
  },
  detect(_analysis: Analysis): Clue[] {
    return [];
  },
});
