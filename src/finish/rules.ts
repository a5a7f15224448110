import { detectors, type DetectorMeta } from '../detect/index.js';
import { cluesIgnore } from './suppress.js';

/** Every rule a clue can come from: each detector's, then `clues-ignore` (problems with suppression directives). */
export const rules: DetectorMeta[] = [...detectors.map((d) => d.meta), cluesIgnore];
