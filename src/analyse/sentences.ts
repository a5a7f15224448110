import nlp from 'compromise';
import type { SpeakerRole, Utterance } from '../types.js';

type View = ReturnType<typeof nlp>;

/** One word as compromise tagged it, with its offsets in the utterance text. */
export interface Token {
  text: string;
  /** Lower-case, punctuation-free form; for a contraction's hidden word, what it stands for (`is`, `not`). */
  normal: string;
  tags: Set<string>;
  start: number;
  end: number;
  /** Punctuation and space after the word, e.g. `, `. */
  post: string;
}

/** A sentence of one utterance, tokenised once and shared by every later step. */
export interface Sentence {
  index: number;
  utterance: Utterance;
  role: SpeakerRole;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  question: boolean;
  /** Where this sentence's first word sits in its utterance's compromise document (its flat term index). */
  firstTerm: number;
}

// Non-speech such as [inaudible] or (laughs) is blanked, not removed, so offsets still map to the file.
const NON_SPEECH = /\[[^\]]*\]|\((?:laughs?|laughing|crying|cries|sighs?|pause|inaudible|crosstalk|unclear|indistinct)[^)]*\)/gi;

/** The utterance text with non-speech replaced by spaces of the same length. */
export function maskNonSpeech(text: string): string {
  return text.replace(NON_SPEECH, (m) => ' '.repeat(m.length));
}

interface TermJson {
  text: string;
  normal?: string;
  implicit?: string;
  tags: string[];
  post: string;
  offset: { start: number; length: number };
}

/** Splits every utterance into tagged sentences, running compromise once per utterance; `docs[i]` is utterance i's. */
export function sentencesOf(utterances: Utterance[], roleOf: (speaker: string) => SpeakerRole): {
  sentences: Sentence[];
  docs: View[];
} {
  const sentences: Sentence[] = [];
  const docs: View[] = [];
  for (const utterance of utterances) {
    const doc = nlp(maskNonSpeech(utterance.text));
    docs.push(doc);
    const role = roleOf(utterance.speaker);
    // One serialisation of the whole document: per-sentence views cost far more on long transcripts.
    const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TermJson[] }>;
    let firstTerm = 0;
    for (const { terms } of json) {
      const start = firstTerm;
      firstTerm += terms.length;
      if (terms.length === 0) continue;
      const tokens = terms.map(toToken);
      const first = tokens[0]!;
      const last = tokens[tokens.length - 1]!;
      sentences.push({
        index: sentences.length,
        utterance,
        role,
        start: first.start,
        end: last.end,
        text: utterance.text.slice(first.start, last.end),
        tokens,
        question: last.post.includes('?'),
        firstTerm: start,
      });
    }
  }
  return { sentences, docs };
}

/** The sentences of each utterance, keyed by utterance index, in order. */
export function groupByUtterance(sentences: Sentence[]): Map<number, Sentence[]> {
  const groups = new Map<number, Sentence[]>();
  for (const s of sentences) {
    const list = groups.get(s.utterance.index);
    if (list) list.push(s);
    else groups.set(s.utterance.index, [s]);
  }
  return groups;
}

/** Finds the sentence of an utterance that holds an offset. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset < s.end);
}

function toToken(term: TermJson): Token {
  const normal = term.implicit ?? term.normal ?? term.text.toLowerCase();
  return {
    text: term.text,
    normal: normal.toLowerCase(),
    tags: new Set(term.tags),
    start: term.offset.start,
    end: term.offset.start + term.offset.length,
    post: term.post,
  };
}
