import type { Analysis, Exchange, Sentence, Statement } from '../analyse/index.js';
import { quote, sayerOf, sentenceQuote, speakerOf, type Conflict } from './conflict.js';
import type { Quote } from './detector.js';
import { push } from './lookup.js';

/**
 * What a speaker has committed to, wherever it was said: in her own words ("I did not return to the class"), by
 * answering what was put ("You went to the class?" "No."), or by conceding her earlier words put back to her ("In
 * your book you wrote that you went to the class; right?" "Yes."). Three checks compare them.
 */
interface Commitment {
  speaker: string;
  /** The utterance the commitment was made in. */
  turn: number;
  /** The words to cite: the answer, or the clause itself. */
  said: Quote;
  /** The sentence that put it, for answers. */
  put?: Sentence;
  content: Statement;
  /** yes: holds it true; no: holds it false; unsure: will not say. */
  polarity: 'yes' | 'no' | 'unsure';
  source: 'said' | 'answered' | 'prior';
  /** Who does the act: `speaker`, `asker`, someone else, or undefined when not said. */
  subject: string | undefined;
  hedged: boolean;
  /** The put asked what, when or who: not knowing a detail is not denying an event. */
  wh: boolean;
  /** The put followed a document or recording shown to bring the memory back. */
  refresh: boolean;
  /** The put asked whether the speaker remembers ("do you recall…?"). */
  recall: boolean;
  /** Denies having said the content ("Did you tell the social worker he lived with you?" "No."), not the content itself. */
  saying: boolean;
}

// A put's "you" is the speaker who answers; her own "I" is too, and so is the "I" of her words quoted back to her.
function actor(subject: string | undefined, self: 'first' | 'second', quoted = false): string | undefined {
  if (subject === undefined) return undefined;
  if (subject === self || (quoted && subject === 'first')) return 'speaker';
  return subject === 'first' || subject === 'second' ? 'asker' : subject;
}

// Two acts by different doers are different acts. Where the words themselves are compared ("you told her he lived
// with you" against "you said Lee lived with you"), a "he" or "she" may be the person named on the other side.
function sameActor(a: string | undefined, b: string | undefined, pronounsMayName = false): boolean {
  return a === undefined || b === undefined || a === b || (pronounsMayName && pronounAndName(a, b));
}

function pronounAndName(a: string | undefined, b: string | undefined): boolean {
  const one = (x?: string, y?: string) => x !== undefined && y !== undefined && /^third:(he|she)$/.test(x) && y.startsWith('p:');
  return one(a, b) || one(b, a);
}

const WH = new Set(['what', 'when', 'where', 'who', 'whom', 'why', 'how', 'which', 'whose']);

function size(s: Statement): number {
  return new Set([...s.verbs, ...s.nouns]).size + s.people.length;
}

function fromExchange(analysis: Analysis, e: Exchange): Commitment | undefined {
  const answer = e.answer[0]!;
  const put = e.proposition && analysis.sentences[e.proposition.sentence];
  if (answer.role !== 'interviewee' || !e.proposition || !put || e.stance === 'other' || size(e.proposition) === 0) return undefined;
  if (e.proposition.mood === 'hypothetical' || e.proposition.framed) return undefined;
  // "Do you recall…?" "No." is not recalling, not a denial.
  const stance = e.recall && e.stance === 'no' ? 'unsure' : e.stance;
  // "You didn't tell anyone?" "No." agrees or denies: English leaves it open. A "No" to two acts put together
  // denies the pair, not each.
  if (stance === 'no' && (e.proposition.negative || e.proposition.compound)) return undefined;
  const saying = e.saying && stance === 'no';
  const polarity = stance === 'unsure' ? 'unsure' : saying ? 'no' : (stance === 'yes') !== e.proposition.negative ? 'yes' : 'no';
  const prior = (e.prior || e.saying) && stance === 'yes';
  const end = e.stanceEnd > answer.start ? e.stanceEnd : answer.end;
  return {
    speaker: speakerOf(analysis, answer.index),
    turn: answer.utterance.index,
    said: { sentence: answer.index, start: answer.start, end },
    put,
    content: e.proposition,
    polarity,
    source: prior ? 'prior' : 'answered',
    subject: actor(e.proposition.subject, 'second', e.prior || e.saying),
    hedged: e.hedged,
    refresh: e.refresh,
    recall: e.recall,
    saying,
    wh: WH.has(put.tokens.find((t) => !['and', 'so', 'well', 'now', 'but', 'then'].includes(t.normal))?.normal ?? ''),
  };
}

function fromStatement(analysis: Analysis, s: Statement): Commitment | undefined {
  const sentence = analysis.sentences[s.sentence]!;
  if (sentence.role !== 'interviewee' || (s.mood !== 'asserted' && s.mood !== 'unsure') || s.framed || size(s) < 2) return undefined;
  return {
    speaker: speakerOf(analysis, sentence.index),
    turn: sentence.utterance.index,
    said: quote(s),
    content: s,
    polarity: s.mood === 'unsure' ? 'unsure' : s.negative ? 'no' : 'yes',
    source: 'said',
    subject: actor(s.subject, 'first'),
    hedged: s.hedged,
    wh: false,
    refresh: false,
    recall: false,
    saying: false,
  };
}

/** Every commitment of every interviewee, in transcript order. */
export function commitments(analysis: Analysis): Commitment[] {
  const all = [
    ...analysis.exchanges.flatMap((e) => fromExchange(analysis, e) ?? []),
    ...analysis.statements.flatMap((s) => fromStatement(analysis, s) ?? []),
  ];
  return all.sort((a, b) => a.said.sentence - b.said.sentence || a.said.start - b.said.start);
}

/** The object of a statement's main act: `class`, `loan+paper`, `with:p:3`, `pro:him`. */
function objectOf(s: Statement): string | undefined {
  return s.acts.find((x) => x.startsWith(`${s.head}>`))?.split('>')[1];
}

// "the class" is the "exercise class"; "the loan papers" are not "the car papers".
function sameObject(a: string, b: string): boolean {
  const [x, y] = [a.split('+'), b.split('+')];
  return x[x.length - 1] === y[y.length - 1] && (x.length === 1 || y.length === 1 || x[0] === y[0]);
}

const PERSON_OBJECT = /(?:^|[:+])(?:p:(\d+)|pro:\w+|who:\w+)$/;

// "discussed the issue … with Michael Cohen" and "spoke with Michael Cohen": what on one side, with whom on the other,
// and the whom named on both sides. "gave Allred a version" and "gave E! a statement" stay two acts.
function rivalObjects(a: Statement, ao: string, b: Statement, bo: string): boolean {
  if (sameObject(ao, bo)) return false;
  const [pa, pb] = [PERSON_OBJECT.exec(ao), PERSON_OBJECT.exec(bo)];
  if (pa && !pb) return !b.people.includes(Number(pa[1]));
  if (pb && !pa) return !a.people.includes(Number(pb[1]));
  return true;
}

const shared = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x)).length;

function words(s: Statement): string[] {
  return [...new Set([...s.verbs, ...s.nouns])];
}

function mentions(s: Statement, word: string): boolean {
  return s.head === word || s.verbs.includes(word) || s.nouns.includes(word);
}

/** How strongly two statements are about the same act: 0 when not, or when their details (dates, numbers) differ. */
export function sameMatter(
  a: Statement,
  b: Statement,
  /** People both sides name that the statements cannot see: a "he" on one side for the man named on the other. */
  alsoShared = 0,
): { score: number; people: number; verbs: number; nouns: number; acts: number } {
  const none = { score: 0, people: 0, verbs: 0, nouns: 0, acts: 0 };
  if (a.details.length > 0 && b.details.length > 0 && shared(a.details, b.details) === 0) return none;
  // "Did you know then?" and "Do you know now?" ask about different times.
  if (a.tense && b.tense && a.tense !== b.tense) return none;
  // The same act done to different things: "went to school" and "didn't go to college".
  const [ao, bo] = [objectOf(a), objectOf(b)];
  if (a.head === b.head && ao !== undefined && bo !== undefined && rivalObjects(a, ao, b, bo)) return none;
  const people = shared(a.people, b.people) + alsoShared;
  const verbs = shared(a.verbs, b.verbs);
  // "free" may be tagged a verb on one side and an adjective on the other: words are compared across both.
  const nouns = shared(words(a), words(b)) - verbs;
  const lightAct = (x: Statement, y: Statement) => y.done === true && objectOf(x) === y.head;
  const acts =
    a.acts.filter((x) => b.acts.some((y) => x.split('>')[0] === y.split('>')[0] && sameObject(x.split('>')[1]!, y.split('>')[1]!))).length +
    (lightAct(a, b) || lightAct(b, a) ? 1 : 0);
  // The main act of one must be in the other: sharing a name or a subordinate verb is not telling the same thing.
  // "doing television" (a light verb's object as the head) and "going on TV" are one act.
  const named = (x: Statement, y: Statement) => x.head === undefined || mentions(y, x.head) || lightAct(x, y);
  const head = named(a, b) && named(b, a) && (a.head ?? b.head) !== undefined;
  // "I told my friends" against "I told no one": the act alone is enough when one side denies it of everyone.
  const toSomeone = (s: Statement) => objectOf(s) === undefined || /^(who:|.*p:)/.test(objectOf(s)!.split('+').pop()!);
  const anyone = a.head === b.head && ((a.universal && toSomeone(b)) || (b.universal && toSomeone(a))) ? 1 : 0;
  // "Did you smack him?" against "you smacked him": a short put is all act.
  const bare = a.head === b.head && Math.min(size(a), size(b)) === 1 && ao !== undefined && ao === bo ? 1 : 0;
  if (!head || people + nouns + acts + verbs + anyone + bare < 2) return none;
  // The shorter statement must be mostly about what they share, not one word among many.
  if ((people + verbs + nouns) / Math.min(size(a), size(b)) < 0.5) return none;
  return { score: 2 * people + 2 * verbs + nouns + acts, people, verbs, nouns, acts };
}

function samePeople(a: Statement, b: Statement, noneAlike = false): boolean {
  return (noneAlike || a.people.length > 0) && a.people.length === b.people.length && shared(a.people, b.people) === a.people.length;
}

const RETOLD_TURNS = 40;
const ANSWERED_TURNS = 200;
// Turns apart (both speakers' turns counted) within which a second undoing of the same words is the same point again.
const REPEAT_TURNS = 6;

type Kind = 'prior' | 'retold' | 'answers';

interface Pair {
  kind: Kind;
  earlier: Commitment;
  later: Commitment;
  confidence: number;
  score: number;
  /** The later words concede, once a document or recording was shown, what a run of answers did not recall; the rest of the run. */
  refreshed?: Commitment[];
}

// Turns (both speakers') between the "I don't recall" answers and the concession a document or recording brings back.
const REFRESH_TURNS = 12;

/**
 * "Do you recall saying that to Mr. Cohen?" "I don't." … [the recording is played] "Does that refresh your recollection
 * that you said that to Michael Cohen?" "Yes." The concession points back with "that": it concedes what the run of
 * unrecalled answers just before it was asked, when they name the same people or the same matter. Not a flip, but a
 * reviewer wants both ends of it: info.
 */
function refreshed(all: Commitment[], found: Pair[]): Pair[] {
  const out: Pair[] = [];
  const paired = new Set(found.map((p) => p.later));
  all.forEach((later, k) => {
    if (!later.refresh || later.polarity !== 'yes' || later.hedged || later.source === 'said') return;
    if (paired.has(later)) return;
    const run: Commitment[] = [];
    for (let j = k - 1; j >= 0; j--) {
      const e = all[j]!;
      // Commitments are in transcript order: none further back is within reach.
      if (later.turn - e.turn > REFRESH_TURNS) break;
      if (e.speaker !== later.speaker || e.source === 'said' || e.turn >= later.turn) continue;
      if (later.turn - e.turn > REFRESH_TURNS || e.polarity !== 'unsure' || e.wh || e.refresh) break;
      run.unshift(e);
    }
    const about = run.filter((e) => shared(e.content.people, later.content.people) > 0 || sameMatter(e.content, later.content).score > 0);
    if (about.length === 0) return;
    out.push({ kind: 'prior', earlier: about[0]!, later, confidence: 0.55, score: 0, refreshed: about.slice(1) });
  });
  return out;
}

function conflictOf(e: Commitment, l: Commitment): number | undefined {
  if (e.polarity !== 'unsure' && l.polarity !== 'unsure') return e.polarity !== l.polarity ? 0.7 : undefined;
  // Not recalling, then conceding: the memory came back, or the first answer was not candid.
  if (e.polarity === 'unsure' && l.polarity === 'yes' && l.source !== 'said' && !e.wh && !l.hedged) return 0.55;
  // Committed, then will not say: "You will never pay him; right?" "Right." … "You are not going to pay him?" "I don't know."
  if (e.polarity !== 'unsure' && l.polarity === 'unsure' && e.source !== 'said' && l.source !== 'said' && !l.wh && !l.recall && !e.hedged) return 0.5;
  return undefined;
}

// Denying having said something and conceding the same words put back, in either order. The words must say the same
// thing the same way: "he lived with you" against "Lee lived with you", not against "Lee never lived with you".
function sayingConflict(e: Commitment, l: Commitment): number | undefined {
  const [denied, conceded] = e.saying ? [e, l] : [l, e];
  if (conceded.saying || conceded.source !== 'prior' || conceded.polarity === 'unsure') return undefined;
  const concededNegative = conceded.polarity === 'no';
  return denied.content.negative === concededNegative ? 0.8 : undefined;
}

// Beyond the nearest turns, a commitment is compared with at most this many earlier ones per word and person it shares
// with them, the latest first: time stays linear in the transcript's length however often a name and an act recur.
const FAR_LIMIT = 100;
const NEAR_TURNS = Math.max(RETOLD_TURNS, ANSWERED_TURNS);

// "he" on one side may be the person named on the other, where a commitment is about what was said.
const NAMES_OR_PRONOUN = /^(?:third:(?:he|she)$|p:)/;

/**
 * The earlier commitments of each speaker, filed under the words a later one must share with them to be about the same
 * act (see sameMatter: the main act of each must be in the other), and under those words with each person and date
 * they name. A commitment is only ever compared with the ones filed under its own words.
 */
class CommitmentIndex {
  private readonly lists = new Map<string, number[]>();

  constructor(private readonly all: Commitment[]) {}

  add(k: number): void {
    const c = this.all[k]!;
    // Filed under "named" for a later "saying" commitment to find, and under "named-saying" for any later named one.
    const marks = [...sharedMarks(c), ...(hasNamedSubject(c) ? ['named', ...(c.saying ? ['named-saying'] : [])] : [])];
    for (const word of filedUnder(c.content)) {
      const key = `${c.speaker}\0${word}`;
      push(this.lists, key, k);
      for (const mark of marks) push(this.lists, `${key}\0${mark}`, k);
    }
  }

  /** Ascending positions in `all` of the earlier commitments `later` may be about the same act as. */
  candidates(later: Commitment): number[] {
    const found = new Set<number>();
    const far = [...sharedMarks(later), ...(hasNamedSubject(later) ? [later.saying ? 'named' : 'named-saying'] : [])];
    for (const word of lookedUp(later.content)) {
      const key = `${later.speaker}\0${word}`;
      const near = this.lists.get(key) ?? [];
      for (let i = near.length - 1; i >= 0 && later.turn - this.all[near[i]!]!.turn <= NEAR_TURNS; i--) found.add(near[i]!);
      for (const mark of far) {
        const list = this.lists.get(`${key}\0${mark}`) ?? [];
        for (let i = list.length - 1; i >= Math.max(0, list.length - FAR_LIMIT); i--) found.add(list[i]!);
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}

// The people and dates a commitment names: beyond NEAR_TURNS, a rival must share one of them.
function sharedMarks(c: Commitment): string[] {
  return [...c.content.people.map((id) => `p:${id}`), ...c.content.details.map((d) => `d:${d}`)];
}

function hasNamedSubject(c: Commitment): boolean {
  return c.subject !== undefined && NAMES_OR_PRONOUN.test(c.subject);
}

// A statement's own words: its main act, its verbs and nouns, and, where its act is "doing" a thing, that thing.
function filedUnder(s: Statement): Set<string> {
  const words = new Set([...(s.head === undefined ? [] : [s.head]), ...s.verbs, ...s.nouns]);
  if (s.done) words.add(`do:${s.head}`);
  return words;
}

// The words an earlier statement must hold for this one's main act to be in it: the act itself, or "doing" its object;
// with no act of its own, one of its words must be the other's act.
function lookedUp(s: Statement): string[] {
  if (s.head === undefined) return [...new Set([...s.verbs, ...s.nouns])];
  const object = objectOf(s);
  return object === undefined ? [s.head] : [s.head, `do:${object}`];
}

// The three contradiction checks below share one pairing of an analysis's commitments.
const pairsOf = new WeakMap<Analysis, Pair[]>();

function pairs(analysis: Analysis): Pair[] {
  const known = pairsOf.get(analysis);
  if (known) return known;
  const result = unmemoisedPairs(analysis);
  pairsOf.set(analysis, result);
  return result;
}

function unmemoisedPairs(analysis: Analysis): Pair[] {
  const all = commitments(analysis);
  const index = new CommitmentIndex(all);
  const found: Pair[] = [];
  all.forEach((later, k) => {
    let best: Pair | undefined;
    const candidates = index.candidates(later);
    index.add(k);
    for (const j of candidates) {
      const earlier = all[j]!;
      if (earlier.turn >= later.turn) continue;
      const saying = earlier.saying || later.saying;
      const base = saying ? sayingConflict(earlier, later) : conflictOf(earlier, later);
      if (base === undefined) continue;
      if (!sameActor(earlier.subject, later.subject, saying)) continue;
      const match = sameMatter(earlier.content, later.content, saying && pronounAndName(earlier.subject, later.subject) ? 1 : 0);
      if (match.score === 0) continue;
      const kind: Kind =
        earlier.source === 'prior' || later.source === 'prior' ? 'prior' : earlier.source === 'said' && later.source === 'said' ? 'retold' : 'answers';
      // Told twice in her own words: the same act on the same thing or person.
      if (kind === 'retold' && match.acts === 0) continue;
      // Her own words twice: the same event comes up within one stretch of talk, or names the same people or dates.
      // Answers far apart are about the same occasion only when they name the same people or dates.
      const far = later.turn - earlier.turn > (kind === 'retold' ? RETOLD_TURNS : ANSWERED_TURNS);
      if (far && match.people === 0 && shared(earlier.content.details, later.content.details) === 0) continue;
      // Two questions about the same act with different people in them are different questions; her own words need
      // not name again everyone the question did.
      if (earlier.source === 'answered' && later.source === 'answered' && !samePeople(earlier.content, later.content, true)) continue;
      if (earlier.content.people.length > 0 && later.content.people.length > 0 && match.people === 0) continue;
      // Not recalling, then recalling: only about the very act, or about the very same people.
      if (earlier.polarity === 'unsure' && match.acts === 0 && !samePeople(earlier.content, later.content)) continue;
      // Surest when her own words are put back and conceded about the same named people and the same act.
      let confidence = base - 0.05;
      if (kind === 'prior') confidence += 0.1;
      if (match.people > 0) confidence += 0.1;
      if (match.acts > 0) confidence += 0.05;
      if (earlier.hedged || later.hedged) confidence -= 0.15;
      const pair = { kind, earlier, later, confidence: Math.min(0.95, confidence), score: match.score };
      // The surest, then the nearest: the earlier words the later ones most directly undo.
      if (!best || pair.confidence > best.confidence || (pair.confidence === best.confidence && pair.score >= best.score)) best = pair;
    }
    if (best) found.push(best);
  });
  found.push(...refreshed(all, found));
  found.sort((a, b) => a.later.said.sentence - b.later.said.sentence || a.later.said.start - b.later.said.start);
  // One clue per pair of turns, and one per earlier commitment a run of answers keeps undoing ("No." … "That's fair."
  // "I had familiarized myself with the law."): the first says it, the rest only repeat it.
  const seen = new Set<string>();
  const lastUndone = new Map<Commitment, number>();
  return found.filter((p) => {
    const key = `${p.earlier.turn}|${p.later.turn}`;
    const last = lastUndone.get(p.earlier);
    lastUndone.set(p.earlier, p.later.turn);
    if (seen.has(key) || (last !== undefined && p.later.turn - last <= REPEAT_TURNS)) return false;
    seen.add(key);
    return true;
  });
}

function quotesOf(analysis: Analysis, c: Commitment): Quote[] {
  return c.put ? [sentenceQuote(analysis, c.put.index), c.said] : [c.said];
}

function said(analysis: Analysis, c: Commitment): string {
  const words = analysis.sentences[c.said.sentence]!.utterance.text.slice(c.said.start, c.said.end);
  return c.put ? `"${words}" to "${c.put.text}"` : `"${words}"`;
}

function toConflict(analysis: Analysis, p: Pair): Conflict {
  const messageId = p.refreshed
    ? 'recalledWhenShown'
    : p.earlier.saying || p.later.saying
      ? p.earlier.saying
        ? 'deniedThenConcededSaying'
        : 'concededThenDeniedSaying'
      : p.kind === 'prior'
      ? p.later.source === 'prior'
        ? 'priorConceded'
        : 'afterPriorConceded'
      : p.kind === 'retold'
        ? 'retold'
        : 'answers';
  return {
    who: sayerOf(analysis, p.later.said.sentence),
    claims: [p.earlier, ...(p.refreshed ?? [])].flatMap((c) => quotesOf(analysis, c)),
    against: quotesOf(analysis, p.later),
    messageId,
    data: { earlier: said(analysis, p.earlier), later: said(analysis, p.later) },
    confidence: Math.round(p.confidence * 100) / 100,
    severity: p.confidence >= 0.85 ? 'error' : p.confidence >= 0.6 ? 'warning' : 'info',
  };
}

/** A prior statement put back and conceded against the speaker's own earlier answer, or the other way round. */
export function priorConceded(analysis: Analysis): Conflict[] {
  return pairs(analysis).filter((p) => p.kind === 'prior').map((p) => toConflict(analysis, p));
}

/** The same event told twice in the speaker's own words, once denied and once described. */
export function eventRetold(analysis: Analysis): Conflict[] {
  return pairs(analysis).filter((p) => p.kind === 'retold').map((p) => toConflict(analysis, p));
}

/** Yes/no answers to the same proposition that flip, or an answer the speaker's own later words undo. */
export function propositionFlips(analysis: Analysis): Conflict[] {
  return pairs(analysis).filter((p) => p.kind === 'answers').map((p) => toConflict(analysis, p));
}
