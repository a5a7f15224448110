import type { Analysis } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { defineDetector } from './detector.js';

/** Things the interviewee raised that the interviewer never asked about. */
export const missedFollowUp = defineDetector({
  meta: {
    id: 'missed-follow-up',
    kind: 'missed-follow-up',
    severity: 'warning',
    description: 'TODO',
    examples: { fires: [], quiet: [] },
  },
  detect(_analysis: Analysis): Clue[] {
    return [];
  },
});
