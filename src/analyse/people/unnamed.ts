import { WORDS as LEXICON_WORDS, type Lexicon } from '../lexicon.js';
import type { PersonMention, Roster } from './types.js';
import type { Sentence, SentenceSpan, Token } from '../sentences.js';
import { insideQuote } from '../claims.js';
import { isNegative } from '../speech.js';
import { bare } from './names.js';

/**
 * An adult the interviewee brings up without a name who acts in her own account: "somebody called me", "I was
 * approached by a man", "a friend of mine told me", "some people I didn't recognise". The words that refer to them
 * and the words of the act, with the roster person they are when the roster has one.
 */
/** The referring words ("a man", "somebody", "some people") as a span of their sentence. */
export interface UnnamedActor extends SentenceSpan {
  /** The head word (`man`, `somebody`, `people`): who counts as the same unnamed person when no roster person does. */
  head: string;
  /** The words of the act ("approached", "called me"), as text offsets. */
  act: { start: number; end: number; text: string };
  personId?: number;
}

const WORDS = LEXICON_WORDS.presence.unnamedActors;
const SOMEONE = new Set(WORDS.someone);
const DETERMINERS = new Set(WORDS.determiners);
const HEADS = new Set(WORDS.heads);
const ACTS = new Set(WORDS.acts);
const ARRIVALS = new Set(WORDS.arrivals);
const ARRIVAL_TARGETS = WORDS.arrivalTargets.map((t) => t.split(' '));
const UNKNOWN = new Set(WORDS.unknown);
const NOT_KNOWN_WHO = WORDS.notKnownWho.map((p) => p.split(' '));
const MEETINGS = new Set(WORDS.meetings);
const MEETING_LINKS = new Set(['to', 'with', 'up', 'off']);
const GENERIC = new Set(WORDS.generic);
const GENERIC_CLAUSE = new Set(WORDS.genericClause);
const MODALS = new Set(WORDS.modals);
const FIRST_PERSON = new Set(WORDS.firstPerson);
const SUBJECTS = new Set(['he', 'she', 'they', 'we', 'you', 'it', 'i']);
const PASSIVE = new Set(['was', 'were', 'got', 'been', 'being', 'get']);
const RELATIVE = new Set(['who', 'that', 'whom']);
const stops = (t: Token) => /[.;:!?]/.test(t.post) || /[—–]|--/.test(t.post);
const isQuoteMark = (s: string) => /["“”]/.test(s);

/** The unnamed actors of the interviewee's first-person account, in transcript order. */
export function unnamedActors(sentences: Sentence[], roster: Roster, lexicon: Lexicon): UnnamedActor[] {
  const found: UnnamedActor[] = [];
  for (const sentence of sentences) {
    if (sentence.role !== 'interviewee' || sentence.question || insideQuote(sentence)) continue;
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const ref = referenceAt(tokens, i, lexicon);
      if (!ref) continue;
      if (quoted(sentence, tokens[ref.first]!.start) || generic(tokens, ref.first)) continue;
      const act = actOf(tokens, ref);
      if (!act) continue;
      const first = tokens[ref.first]!;
      const last = tokens[ref.last]!;
      const mention = (roster.bySentence[sentence.index] ?? []).find((m) => m.first <= ref.last && m.last >= ref.head);
      const actor: UnnamedActor = {
        sentence: sentence.index,
        first: ref.first,
        last: ref.last,
        start: first.start,
        end: last.end,
        text: sentence.utterance.text.slice(first.start, last.end),
        head: bare(tokens[ref.head]!),
        act: { start: tokens[act.first]!.start, end: tokens[act.last]!.end, text: sentence.utterance.text.slice(tokens[act.first]!.start, tokens[act.last]!.end) },
      };
      if (mention) actor.personId = mention.personId;
      found.push(actor);
      i = ref.last;
    }
  }
  return found;
}

interface Reference {
  first: number;
  last: number;
  head: number;
}

// "somebody", "a man", "some people", "a friend of mine", "this older guy", "a couple of other people".
function referenceAt(tokens: Token[], i: number, lexicon: Lexicon): Reference | undefined {
  const t = tokens[i]!;
  if (SOMEONE.has(t.normal)) return { first: i, last: i, head: i };
  if (!DETERMINERS.has(t.normal) || stops(t)) return undefined;
  // Up to two modifiers between the determiner and the head ("a strange man", "a couple of other people").
  for (let j = i + 1; j <= Math.min(tokens.length - 1, i + 4); j++) {
    const w = tokens[j]!;
    const word = bare(w);
    if (HEADS.has(word)) {
      // "a couple of other people": the couple is of the people.
      if (word === 'couple') {
        if (tokens[j + 1]?.normal !== 'of') return undefined;
        continue;
      }
      let last = j;
      // "a friend of mine", "a friend of yours"
      if (tokens[j + 1]?.normal === 'of' && ['mine', 'ours'].includes(tokens[j + 2]?.normal ?? '') && !stops(w)) last = j + 2;
      return { first: i, last, head: j };
    }
    if (stops(w) || w.tags.has('Verb') || w.tags.has('Pronoun') || w.tags.has('Determiner') && w.normal !== 'other') return undefined;
    // A role noun before the head is someone's role, not a modifier ("a social worker friend" is a professional's friend).
    if (lexicon.roleNouns.has(word) || /^\p{Lu}/u.test(w.text)) return undefined;
    if (!(w.tags.has('Adjective') || w.normal === 'of' || w.normal === 'other')) return undefined;
  }
  return undefined;
}

// Words before the reference in its clause that make it anybody at all: "if someone asked me", "anyone could".
function generic(tokens: Token[], at: number): boolean {
  let clause = true;
  for (let k = at - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (/[,;:]/.test(t.post) || stops(t)) clause = false;
    if (GENERIC.has(t.normal) || (clause && GENERIC_CLAUSE.has(t.normal))) return true;
  }
  return false;
}

// The act on the speaker after the reference: "called me", "approached me and", "came to my room", "I didn't
// recognise"; or before it, a passive "I was approached by a man".
function actOf(tokens: Token[], ref: Reference): { first: number; last: number } | undefined {
  const unknownWho = notKnownWho(tokens, ref);
  if (unknownWho) return unknownWho;
  const met = meetingBefore(tokens, ref);
  if (met) return met;
  // Passive: "I was approached by a man", "I got a call from somebody".
  const by = tokens[ref.first - 1];
  if (by && (by.normal === 'by' || by.normal === 'from')) {
    const verb = tokens[ref.first - 2];
    const aux = tokens.slice(Math.max(0, ref.first - 5), ref.first - 2);
    if (verb && ACTS.has(bare(verb)) && aux.some((t) => PASSIVE.has(t.normal)) && aux.some((t) => t.normal === 'i' || t.normal === 'we')) {
      return { first: ref.first - 2, last: ref.first - 2 };
    }
  }
  // "people I didn't recognise", "a man I'd never seen", "somebody that I did not know".
  let j = ref.last + 1;
  if (RELATIVE.has(tokens[j]?.normal ?? '')) j++;
  if ((tokens[j]?.normal === 'i' || tokens[j]?.normal === 'we') && !stops(tokens[ref.last]!)) {
    const rest = tokens.slice(j + 1, j + 5);
    const neg = rest.findIndex(isNegative);
    const know = rest.findIndex((t) => UNKNOWN.has(bare(t)) || /^(recogni[sz]e|know)/.test(bare(t)));
    if (neg >= 0 && know > neg && rest.slice(0, know).every((t) => !stops(t))) return { first: j, last: j + 1 + know };
  }
  // Active: "somebody had called me", "a man approached me", "a friend who is an attorney advised me".
  for (let k = ref.last + 1; k < Math.min(tokens.length, ref.last + 9); k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    if (stops(prev)) return undefined;
    // Another subject takes over the clause ("a man said she called me"), unless a relative clause ("people I knew").
    if (SUBJECTS.has(t.normal) && !RELATIVE.has(prev.normal) && k !== ref.last + 1) return undefined;
    if (MODALS.has(t.normal)) return undefined;
    const word = bare(t);
    if (ACTS.has(word) && t.tags.has('Verb')) {
      const object = firstPersonAfter(tokens, k, 8);
      return object === undefined ? undefined : { first: k, last: object };
    }
    if (ARRIVALS.has(word) && t.tags.has('Verb')) {
      const target = arrivalAfter(tokens, k);
      return target === undefined ? undefined : { first: k, last: target };
    }
    if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !['had', 'has', 'have', 'did', 'does'].includes(t.normal)) {
      // A verb of the reference's own relative clause ("a friend who is an attorney", "a man who worked there") is passed over.
      const inRelative = tokens.slice(ref.last + 1, k).some((x) => RELATIVE.has(x.normal));
      if (!inRelative) return undefined;
    }
  }
  return undefined;
}

// "I met a man", "he introduced me to a couple of other people", "I went off with some guy": she meets or goes with them.
function meetingBefore(tokens: Token[], ref: Reference): { first: number; last: number } | undefined {
  let k = ref.first - 1;
  if (MEETING_LINKS.has(tokens[k]?.normal ?? '')) k--;
  // "introduced me to": the speaker is the one introduced.
  const objectMe = tokens[k]?.normal === 'me' || tokens[k]?.normal === 'us';
  if (objectMe) k--;
  const verb = tokens[k];
  if (!verb || !MEETINGS.has(verb.normal) || !verb.tags.has('Verb') || tokens.slice(k, ref.first).some(stops)) return undefined;
  if (objectMe) return { first: k, last: ref.first - 1 };
  // The speaker does it: "I met", "we went off with", "I'd met".
  const before = tokens.slice(Math.max(0, k - 3), k);
  const subject = before.map((t) => t.normal === 'i' || t.normal === 'we').lastIndexOf(true);
  if (subject < 0 || before.slice(subject).some(stops) || before.slice(subject + 1).some((t) => isNegative(t) || MODALS.has(t.normal))) return undefined;
  return { first: Math.max(0, k - 3) + subject, last: ref.first - 1 };
}

// "according to this person -- I don't know who the person is": in the same sentence she says she cannot say who.
function notKnownWho(tokens: Token[], ref: Reference): { first: number; last: number } | undefined {
  const words = tokens.map((t) => t.normal);
  for (let k = ref.last + 1; k < tokens.length; k++) {
    const phrase = NOT_KNOWN_WHO.find((p) => p.every((w, n) => words[k + n] === w));
    if (phrase) return { first: k, last: k + phrase.length - 1 };
  }
  return undefined;
}

// "me", "my", "us" within the clause after an act ("told me", "threatened my family", "told it in an interview about me").
function firstPersonAfter(tokens: Token[], verb: number, window: number): number | undefined {
  for (let k = verb + 1; k < Math.min(tokens.length, verb + 1 + window); k++) {
    const t = tokens[k]!;
    if (FIRST_PERSON.has(t.normal)) return k;
    if (stops(t) || SUBJECTS.has(t.normal) && t.normal !== 'it') return undefined;
  }
  return undefined;
}

// "came to my room", "turned up at my door", "came round", "showed up at the flat".
function arrivalAfter(tokens: Token[], verb: number): number | undefined {
  for (let k = verb + 1; k < Math.min(tokens.length, verb + 5); k++) {
    const t = tokens[k]!;
    for (const target of ARRIVAL_TARGETS) {
      if (target.every((w, n) => tokens[k + n]?.normal === w)) return k + target.length - 1;
    }
    if (stops(t)) return undefined;
  }
  return undefined;
}

function quoted(sentence: Sentence, offset: number): boolean {
  const before = sentence.utterance.text.slice(sentence.start, offset);
  const marks = [...before].filter(isQuoteMark).join('');
  const straight = (marks.match(/"/g) ?? []).length;
  // "He said: somebody…": reported words after a colon are someone else's too.
  return straight % 2 === 1 || (marks.match(/“/g) ?? []).length > (marks.match(/”/g) ?? []).length || /:\s/.test(before);
}

/** Whether a roster person is identified: called by a name, or given a role of the speaker's or a named person's. */
export function isIdentified(roster: Roster, personId: number): boolean {
  const mentions: PersonMention[] = roster.byPerson[personId] ?? [];
  const named = (id: number) => (roster.byPerson[id] ?? []).some((m) => m.kind === 'name');
  return mentions.some((m) => m.kind === 'name' || (m.kind === 'role' && (m.possessor === 'speaker' || (typeof m.possessor === 'number' && named(m.possessor)))));
}
