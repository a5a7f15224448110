import nlp from 'compromise';
import type { SpeakerRole, Utterance } from '../types.js';

type View = ReturnType<typeof nlp>;

/**
 * The most words and characters one sentence may hold. Unpunctuated speech-to-text runs on for thousands of words
 * as one "sentence", and compromise's matcher and the later per-sentence passes cost words² in a sentence; cutting
 * longer ones into pieces keeps the whole analysis linear in the transcript's size. Real sentences are far shorter
 * (the longest in the court corpus is 147 words), so normal text is split exactly as before.
 */
export const MAX_SENTENCE_WORDS = 200;
export const MAX_SENTENCE_CHARS = 4000;

/**
 * Cuts a sentence into pieces of at most MAX_SENTENCE_WORDS words and about MAX_SENTENCE_CHARS characters, each
 * ending after the space that follows a word, so the pieces join back into exactly the given text and every offset
 * compromise computes stays true. A single word longer than the character bound is cut inside.
 */
export function boundSentence(text: string): string[] {
  if (text.length <= MAX_SENTENCE_CHARS && countWords(text) <= MAX_SENTENCE_WORDS) return [text];
  const pieces: string[] = [];
  const word = /\S+\s*|\s+/gy;
  let start = 0;
  let words = 0;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const end = m.index + m[0].length;
    if (end - start > MAX_SENTENCE_CHARS && m.index > start) {
      pieces.push(text.slice(start, m.index));
      start = m.index;
      words = 0;
    }
    while (end - start > MAX_SENTENCE_CHARS) {
      pieces.push(text.slice(start, start + MAX_SENTENCE_CHARS));
      start += MAX_SENTENCE_CHARS;
    }
    if (/\S/.test(m[0]) && ++words >= MAX_SENTENCE_WORDS) {
      pieces.push(text.slice(start, end));
      start = end;
      words = 0;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function countWords(text: string): number {
  let words = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++words > MAX_SENTENCE_WORDS) break;
  return words;
}

// compromise finds the sentences; every one it finds is then bounded, before any term is tagged or matched.
type SplitSentences = (text: string, world: unknown) => string[];
const tokenize = (nlp.methods() as { one: { tokenize: { splitSentences: SplitSentences } } }).one.tokenize;
const splitSentences = tokenize.splitSentences;
tokenize.splitSentences = (text, world) => splitAtLongStops(text).flatMap((part) => splitSentences(part, world).flatMap(boundSentence));

// compromise's sweep (behind every match, its own tagger's and ours) finds the patterns worth trying in a sentence by
// testing every key of the net's hooks against the sentence's words: thousands of keys for each sentence of each
// document, a quarter of all the time spent. Given only the keys that occur in the document, it finds the same
// patterns in the same order (hooks keep their key order) for the cost of the document's own words and tags.
type Hooks = Record<string, unknown[]>;
type BulkMatch = (document: unknown[][], net: { hooks: Hooks }, methods: unknown, options: unknown) => unknown;
const one = (nlp.methods() as { one: { bulkMatch: BulkMatch; cacheDoc: (document: unknown[][]) => Array<Set<string>> } }).one;
const { bulkMatch, cacheDoc } = one;
const hookKeys = new WeakMap<Hooks, { keys: string[]; order: Map<string, number> }>();
let cached: { document: unknown[][]; caches: Array<Set<string>> } | undefined;
const narrowedBulkMatch: BulkMatch = (document, net, methods, options) => {
  let index = hookKeys.get(net.hooks);
  if (!index) {
    const keys = Object.keys(net.hooks);
    index = { keys, order: new Map(keys.map((k, i) => [k, i])) };
    hookKeys.set(net.hooks, index);
  }
  const caches = cacheDoc(document);
  const present = new Set<number>();
  for (const items of caches) {
    for (const item of items) {
      const k = index.order.get(item);
      if (k !== undefined) present.add(k);
    }
  }
  const hooks: Hooks = {};
  for (const k of [...present].sort((a, b) => a - b)) hooks[index.keys[k]!] = net.hooks[index.keys[k]!]!;
  // The sweep's first step caches the same document again: hand it the caches just made.
  cached = { document, caches };
  return bulkMatch(document, { ...net, hooks }, methods, options);
};
one.bulkMatch = narrowedBulkMatch;
one.cacheDoc = (document) => {
  if (cached?.document === document) {
    const { caches } = cached;
    cached = undefined;
    return caches;
  }
  return cacheDoc(document);
};

/** Runs `work` with compromise's own sweep, for comparing its results with ours. */
export function withCompromiseSweep<T>(work: () => T): T {
  one.bulkMatch = bulkMatch;
  try {
    return work();
  } finally {
    one.bulkMatch = narrowedBulkMatch;
  }
}

// compromise finds sentence ends with /[.!?…]+\s/, which backtracks over a whole run of stops not followed by a
// space: "He" and 100,000 dots take minutes. No real sentence ends in more than a few, so a run longer than
// LONG_STOPS is cut into pieces of that length, each split on its own.
const STOPS = '.!?\u203D\u2E18\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4\u3002\uFF01\uFF1F\uFF61';
const LONG_STOPS = 100;
const LONG_STOP_RUN = new RegExp(`[${STOPS}]{${LONG_STOPS}}`, 'g');

/** The text cut after every LONG_STOPS stops in a row; pieces join back into exactly the text. */
export function splitAtLongStops(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of text.matchAll(LONG_STOP_RUN)) {
    const end = m.index + m[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** One word as compromise tagged it, with its offsets in the utterance text. */
export interface Token {
  text: string;
  /** Lower-case, punctuation-free form; for a contraction's hidden word, what it stands for (`is`, `not`). */
  normal: string;
  tags: ReadonlySet<string>;
  start: number;
  end: number;
  /** Punctuation and space after the word, e.g. `, `. */
  post: string;
}

/** Words of one sentence that refer to someone: token indices in the sentence, offsets in its utterance's text. */
export interface SentenceSpan {
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
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

// Non-speech such as [inaudible] or (laughs) is blanked, not removed, so offsets still map to the file: any bracketed
// words, and parentheses that open with one of these words.
const NON_SPEECH_WORD = /(?:laughs?|laughing|crying|cries|sighs?|pause|inaudible|crosstalk|unclear|indistinct)/iy;

/**
 * The utterance text with non-speech replaced by spaces of the same length. Scanned by hand, as
 * /\[[^\]]*\]|\((?:laughs?|…)[^)]*\)/gi would match, because that expression looks for the closing bracket again from
 * every opening one: a line of "[[[[" or "(laughs (laughs" without a close took seconds per 40 KB.
 */
export function maskNonSpeech(text: string): string {
  let masked = '';
  let done = 0;
  // Once no closing bracket of a kind is left, no later opening one of that kind can match.
  let squareOpen = true;
  let roundOpen = true;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    let close = -1;
    if (c === '[' && squareOpen) {
      close = text.indexOf(']', at + 1);
      squareOpen = close !== -1;
    } else if (c === '(' && roundOpen) {
      NON_SPEECH_WORD.lastIndex = at + 1;
      if (!NON_SPEECH_WORD.test(text)) continue;
      close = text.indexOf(')', at + 1);
      roundOpen = close !== -1;
    }
    if (close === -1) continue;
    masked += text.slice(done, at) + ' '.repeat(close + 1 - at);
    done = close + 1;
    at = close;
  }
  return done === 0 ? text : masked + text.slice(done);
}

interface TermJson {
  text: string;
  normal?: string;
  implicit?: string;
  tags: string[];
  post: string;
  offset: { start: number; length: number };
}

/**
 * Splits every utterance into tagged sentences, running compromise once per utterance. `read` takes what else is
 * wanted from each utterance's document (`read(doc)` is `perUtterance[i]` for utterance i); the document is then let go.
 */
export function sentencesOf<T = undefined>(
  utterances: Utterance[],
  roleOf: (speaker: string) => SpeakerRole,
  read: (doc: View) => T = () => undefined as T,
): {
  sentences: Sentence[];
  perUtterance: T[];
} {
  const sentences: Sentence[] = [];
  const perUtterance: T[] = [];
  // A transcript says the same few thousand words over and over: one copy of each keeps its tokens small.
  const words = new Map<string, string>();
  const intern = (word: string): string => {
    const known = words.get(word);
    if (known !== undefined) return known;
    words.set(word, word);
    return word;
  };
  for (const utterance of utterances) {
    const doc = nlp(maskNonSpeech(utterance.text));
    perUtterance.push(read(doc));
    const role = roleOf(utterance.speaker);
    // One serialisation of the whole document: per-sentence views cost far more on long transcripts.
    const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TermJson[] }>;
    let firstTerm = 0;
    for (const { terms } of json) {
      const start = firstTerm;
      firstTerm += terms.length;
      if (terms.length === 0) continue;
      const tokens = terms.map((term) => toToken(term, intern));
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
  return { sentences, perUtterance };
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

/** Finds the sentence of an utterance (its sentences in order) that holds an offset. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  // The sentences are in order and do not overlap: a binary search keeps a long utterance's many matches linear.
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}

// Most tokens share one of a few hundred tag combinations: one frozen set each keeps a long transcript's tokens small.
const TAG_SETS = new Map<string, ReadonlySet<string>>();
function tagSet(tags: readonly string[]): ReadonlySet<string> {
  const key = tags.join('|');
  let set = TAG_SETS.get(key);
  if (!set) {
    set = new Set(tags);
    TAG_SETS.set(key, set);
  }
  return set;
}

function toToken(term: TermJson, intern: (word: string) => string): Token {
  const normal = term.implicit ?? term.normal ?? term.text.toLowerCase();
  return {
    text: intern(term.text),
    normal: intern(normal.toLowerCase()),
    tags: tagSet(term.tags),
    start: term.offset.start,
    end: term.offset.start + term.offset.length,
    post: intern(term.post),
  };
}
