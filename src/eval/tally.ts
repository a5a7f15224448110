/** Counts and rates for one kind of clue, or for all kinds together. */
export interface Tally {
  expected: number;
  reported: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Counts and rates from true positives, false positives and misses; nothing to find or nothing found counts as perfect on that side. */
export function tally(tp: number, fp: number, fn: number): Tally {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { expected: tp + fn, reported: tp + fp, tp, fp, fn, precision, recall, f1 };
}
