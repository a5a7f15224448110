import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { defineDetector } from './detector.js';

/** Signs about the child a reviewer should catch. */
export const childWellbeing = defineDetector({
  meta: {
    id: 'child-wellbeing',
    kind: 'child-wellbeing',
    severity: 'warning',
    description: 'TODO',
    examples: { fires: [], quiet: [] },
  },
  detect(_analysis: Analysis): Clue[] {
    return [];
  },
});
