/** Question and answer exchanges: what was put to a speaker, and whether the answer agreed, denied or would not say. */

import { WORDS } from './lexicon.js';
import { statementsOf, supposes, tokenAt, wordsOf, type Statement } from './claims.js';
import type { Roster } from './people.js';
import type { Sentence, Token } from './sentences.js';

const answerWords = WORDS.answers;

/** The stance an answer takes on what was just put to the speaker. */
export type Stance = 'yes' | 'no' | 'unsure' | 'other';

/** One turn that asks or puts something, and the next speaker's turn that answers it. */
export interface Exchange {
  /** The asking turn's sentences, in order; the last is what the answer most directly answers. */
  put: Sentence[];
  /** The answering turn's sentences, in order. */
  answer: Sentence[];
  stance: Stance;
  /** True when the stance is hedged ("I believe so", "not that I recall"). */
  hedged: boolean;
  /** Where the stance words end in the answer's first sentence, as an offset into its utterance text. */
  stanceEnd: number;
  /** The put quotes the speaker's own earlier words back ("in your book you wrote…", "you told the police that…"). */
  prior: boolean;
  /** The put asks whether the speaker remembers ("do you recall…", "does that refresh your recollection…"). */
  recall: boolean;
  /** The put asks whether something shown brought the memory back ("does that refresh your recollection…"). */
  refresh: boolean;
  /** The put asks whether the speaker said something ("did you tell the social worker he lived with you?"): the proposition is what was said. */
  saying: boolean;
  /** What was put, as one statement: the asking sentence without its "do you recall that" or "; right?". */
  proposition?: Statement;
}

const RECALL = answerWords.recall.map((p) => new RegExp(p));
const NAVIGATION = answerWords.navigation.map((p) => new RegExp(p));
const REFRESH = answerWords.refresh.map((p) => new RegExp(p));

const PRIOR = answerWords.prior.map((p) => new RegExp(p));
const SAYING = answerWords.saying.map((p) => new RegExp(p));
const WRAPPERS = [...answerWords.wrappers.map((p) => new RegExp(p)), ...SAYING];
const NEUTRAL = answerWords.neutral.map((p) => new RegExp(p, 'g'));
const TAGS = answerWords.tags.map((p) => new RegExp(p));
const REPORTING = new RegExp(answerWords.reporting);

interface Phrase {
  words: string;
  stance: Exclude<Stance, 'other'>;
  hedged: boolean;
  /** Counts only as the whole sentence, bar a "sir" or "ma'am". */
  alone?: boolean;
}

const PHRASES: Phrase[] = [
  ...answerWords.yes.map((words) => ({ words, stance: 'yes' as const, hedged: false })),
  ...answerWords.yesAlone.map((words) => ({ words, stance: 'yes' as const, hedged: false, alone: true })),
  ...answerWords.yesHedged.map((words) => ({ words, stance: 'yes' as const, hedged: true })),
  ...answerWords.no.map((words) => ({ words, stance: 'no' as const, hedged: false })),
  ...answerWords.noHedged.map((words) => ({ words, stance: 'no' as const, hedged: true })),
  ...answerWords.unsure.map((words) => ({ words, stance: 'unsure' as const, hedged: false })),
].sort((a, b) => b.words.length - a.words.length);

const FILLER = new RegExp(`^(?:(?:${answerWords.fillers.join('|')}) )+`);
const ADDRESS = ['sir', "ma'am", 'maam', 'officer', 'your honor', 'your honour'];

/**
 * Pairs each turn that asks (a question, or anything an interviewer puts: "You told the police that." "Yes.") with the next turn when another
 * speaker gives it, and reads the answer's opening words as a stance. Only the sentences of the two turns are used,
 * so an answer is never read against a question asked earlier.
 */
export function findExchanges(sentences: readonly Sentence[], roster?: Roster): Exchange[] {
  const turns = turnsOf(sentences);
  const exchanges: Exchange[] = [];
  for (let k = 1; k < turns.length; k++) {
    const put = turns[k - 1]!;
    const answer = turns[k]!;
    if (put[0]!.utterance.speaker === answer[0]!.utterance.speaker) continue;
    if (put[0]!.utterance.index + 1 !== answer[0]!.utterance.index) continue;
    if (!asks(put)) continue;
    const read = stanceOf(answer[0]!);
    const asked = [...put].reverse().find((x) => x.question) ?? put[put.length - 1]!;
    const said = put.map((x) => wordsOf(x.tokens).text);
    const askedText = said[put.indexOf(asked)]!;
    const exchange: Exchange = {
      put,
      answer,
      ...read,
      prior: said.some((x) => PRIOR.some((r) => r.test(x))),
      recall: RECALL.some((r) => r.test(askedText)),
      refresh: said.some((x) => REFRESH.some((r) => r.test(x))),
      saying: SAYING.some((r) => r.test(askedText)),
    };
    // "Do you see that?" asks about the page, not about what happened.
    if (roster && !NAVIGATION.some((r) => r.test(askedText))) exchange.proposition = propositionOf(asked, roster);
    exchanges.push(exchange);
  }
  return exchanges;
}

/** Reads how an answer opens: `Yes.`, `I don't recall.`, `No, sir.`; `other` when it opens with anything else. */
export function stanceOf(sentence: Sentence): { stance: Stance; hedged: boolean; stanceEnd: number } {
  const text = sentence.utterance.text.slice(sentence.start, sentence.end);
  const normalised = normalise(text);
  // "Um, no." is a no: a filler before the answer is not the answer.
  const skip = FILLER.exec(normalised.normal)?.[0].length ?? 0;
  const normal = normalised.normal.slice(skip);
  const ends = normalised.ends.slice(skip);
  const read = openingOf(normal, ends);
  if (read && read.stance === 'unsure') {
    // "I don't know what date the interview was, but I said it": not knowing a detail is no stance; the words after "but" are.
    const detail = DETAIL_THEN_BUT.exec(normal.slice(read.length));
    const after = detail ? read.length + detail.index + detail[0].length : -1;
    const then = detail ? openingOf(normal.slice(after), ends.slice(after)) : undefined;
    if (then && then.stance !== 'unsure' && !then.hedged) return { stance: then.stance, hedged: then.hedged, stanceEnd: sentence.start + then.end + 1 };
  }
  if (read) return { stance: read.stance, hedged: read.hedged, stanceEnd: sentence.start + read.end + 1 };
  return { stance: 'other', hedged: false, stanceEnd: sentence.start };
}

const DETAIL_THEN_BUT = /^ (?:what|when|where|who|which|how|why)\b.*? but /;

/** The stance phrase `normal` opens with, if any: its stance, its length in `normal`, and where it ends in the text. */
function openingOf(normal: string, ends: readonly number[]): { stance: Exclude<Stance, 'other'>; hedged: boolean; length: number; end: number } | undefined {
  for (const phrase of PHRASES) {
    const whole = normal === phrase.words || ADDRESS.some((a) => normal === `${phrase.words} ${a}`);
    if (whole || (!phrase.alone && normal.startsWith(`${phrase.words} `))) {
      return { stance: phrase.stance, hedged: phrase.hedged, length: phrase.words.length, end: ends[phrase.words.length - 1]! };
    }
  }
  return undefined;
}

/** What a sentence puts: its words after any "isn't it a fact that" and before any "; right?", as one statement. */
export function propositionOf(sentence: Sentence, roster: Roster): Statement {
  const { text, at } = wordsOf(sentence.tokens);
  // The first frame, wherever it starts ("In 2018, you said…"), then any that follow it at once ("do you recall that you said…").
  let from = 0;
  for (let first = true; ; first = false) {
    const rest = text.slice(from);
    const found = WRAPPERS.map((r) => new RegExp(r.source).exec(rest)).filter((m) => m !== null && (first || m.index <= 1));
    const m = found.sort((a, b) => a!.index - b!.index)[0];
    if (!m || m[0].length === 0) break;
    from += m.index + m[0].length;
    if (REPORTING.test(m[0]) || SAYING.some((r) => r.test(m[0]))) break;
  }
  let to = text.length;
  const tag = tagStart(sentence.tokens);
  if (tag !== undefined && (at[tag] ?? text.length) > from) to = at[tag] ?? text.length;
  const first = Math.min(tokenAt(at, from), sentence.tokens.length - 1);
  const last = Math.max(first + 1, tokenAt(at, to));
  const statement = statementsOf(sentence, roster, { from: first, to: last })[0]!;
  // "Did you or did you not…" asks both ways.
  const neutral = NEUTRAL.some((r) => {
    r.lastIndex = 0;
    return r.test(text.slice(from, to));
  });
  if (neutral) statement.negative = false;
  if (supposes(text.slice(from, to))) statement.mood = 'hypothetical';
  return statement;
}

/** The first token of a closing tag ("…; right?", "…, didn't you?"), told by the punctuation `wordsOf` drops. */
function tagStart(tokens: readonly Token[]): number | undefined {
  let marked = '';
  const at: number[] = [];
  for (const t of tokens) {
    const { text } = wordsOf([t]);
    at.push(marked.length + (marked && text ? 1 : 0));
    if (text) marked += `${marked ? ' ' : ''}${text}${/[;,]/.test(t.post) ? ';' : ''}`;
  }
  const starts = TAGS.map((r) => r.exec(marked)).filter((m) => m !== null).map((m) => tokenAt(at, m.index + (/^[;,]/.test(m[0]) ? 1 : 0)));
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

function asks(turn: Sentence[]): boolean {
  return turn[0]!.role === 'interviewer' || turn.some((s) => s.question);
}

function turnsOf(sentences: readonly Sentence[]): Sentence[][] {
  const turns: Sentence[][] = [];
  for (const sentence of sentences) {
    const current = turns[turns.length - 1];
    if (current && current[0]!.utterance.index === sentence.utterance.index) current.push(sentence);
    else turns.push([sentence]);
  }
  return turns;
}

/**
 * Lower case, curly apostrophes straightened, punctuation dropped and spaces collapsed; `ends[i]` is the offset in
 * `text` of the character that became `normal[i]`, so a matched phrase maps back to the words as written.
 */
function normalise(text: string): { normal: string; ends: number[] } {
  let normal = '';
  const ends: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!.replace(/[’‘]/, "'").toLowerCase();
    if (/[\p{L}\p{N}'-]/u.test(ch)) {
      if (space && normal !== '') {
        normal += ' ';
        ends.push(i - 1);
      }
      space = false;
      normal += ch;
      ends.push(i);
    } else {
      space = true;
    }
  }
  return { normal, ends };
}
