import type { Analysis } from '../analyse/index.js';
import type { Severity } from '../types.js';
import type { Quote } from './detector.js';

/** Two statements by one speaker that cannot both be true: what a contradiction check finds, before it is a clue. */
export interface Conflict {
  who: string;
  /** The first statement (a denial, a claim, an earlier answer). */
  claims: Quote[];
  /** The words that undermine it. */
  against: Quote[];
  message: string;
  /** How sure the check is that the two really conflict, 0–1. */
  confidence: number;
  severity?: Severity;
}

/** The speaker label of a sentence. */
export function speakerOf(analysis: Analysis, sentence: number): string {
  return analysis.sentences[sentence]!.utterance.speaker;
}

/** A span as quoted evidence. */
export function quote(span: { sentence: number; start: number; end: number }): Quote {
  return { sentence: span.sentence, start: span.start, end: span.end };
}

/** A whole sentence as quoted evidence. */
export function sentenceQuote(analysis: Analysis, index: number): Quote {
  const sentence = analysis.sentences[index]!;
  return { sentence: index, start: sentence.start, end: sentence.end };
}

/** Whether two spans of the same text overlap. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
