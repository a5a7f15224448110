import { WORDS } from '../analyse/lexicon.js';
import type { Analysis } from '../analyse/index.js';
import type { Severity } from '../types.js';
import type { MessageData, Quote } from './detector.js';
import { ANSWERER_LABELS } from '../parse/role-labels.js';

const answerWords = WORDS.answers;

/** Two statements by one speaker that cannot both be true: what a contradiction check finds, before it is a clue. */
export interface Conflict {
  who: string;
  /** The first statement (a denial, a claim, an earlier answer). */
  claims: Quote[];
  /** The words that undermine it. */
  against: Quote[];
  /** The contradiction rule's message for it, and what fills the message's holes. */
  messageId: string;
  data: MessageData;
  /** How sure the check is that the two really conflict, 0–1. */
  confidence: number;
  severity?: Severity;
}

const NEW_WITNESS = new RegExp(answerWords.newWitness, 'i');
const stands = new WeakMap<Analysis, number[]>();

/** Which witness's turn it is by utterance: the count of witnesses sworn in so far ("having first been duly sworn"). */
function standOf(analysis: Analysis, utterance: number): number {
  let list = stands.get(analysis);
  if (!list) {
    let n = 0;
    list = analysis.transcript.utterances.map((u) => (NEW_WITNESS.test(u.text) ? ++n : n));
    stands.set(analysis, list);
  }
  return list[utterance] ?? 0;
}

/**
 * Who said a sentence, for telling whether two statements are one speaker's: the speaker label, and in a court
 * transcript, where every witness answers as "A", which witness was on the stand.
 */
export function speakerOf(analysis: Analysis, sentence: number): string {
  const { utterance } = analysis.sentences[sentence]!;
  const stand = standOf(analysis, utterance.index);
  return stand === 0 ? utterance.speaker : `${utterance.speaker}#${stand}`;
}

/** Who said a sentence, for a clue's `who`: the label, or "the witness" for a Q/A record's answer marker. */
export function sayerOf(analysis: Analysis, sentence: number): string {
  const { speaker } = analysis.sentences[sentence]!.utterance;
  return ANSWERER_LABELS.has(speaker.toLowerCase()) && speaker.length === 1 ? 'the witness' : speaker;
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
