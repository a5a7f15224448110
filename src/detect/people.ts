import { isAdult } from '../analyse/people.js';
import type { Analysis, Cue, Injury, PersonMention } from '../analyse/index.js';
import { CUE_TYPES, CUES, type PresenceLevel } from '../analyse/lexicon.js';
import type { Person } from '../types.js';
import { clauseBefore } from '../analyse/speech.js';
import { cuesOfPerson, sentencesOfTurn } from './lookup.js';

/** Presence cue types, weakest first, and how strongly each places a person: cues.json's `places` ("left him with Dave" is care). */
export const PRESENCE: Readonly<Record<string, PresenceLevel>> = Object.fromEntries(
  CUE_TYPES.flatMap((type) => (CUES[type].places === undefined ? [] : [[type, CUES[type].places]])),
);

/** The mentions of a person in the interviewees' own words, in transcript order. */
export function intervieweeMentions(analysis: Analysis, person: Person): PersonMention[] {
  return analysis.roster.byPerson[person.id]!.filter((m) => analysis.sentences[m.sentence]!.role === 'interviewee');
}

/** Whether anyone in the transcript calls the person by a name (not only "the lodger" or "he"). */
export function isNamed(analysis: Analysis, person: Person): boolean {
  return analysis.roster.byPerson[person.id]!.some((m) => m.kind === 'name');
}

/** The cues an interviewee stated (not asked) about a person, optionally only of some types. */
export function cuesAbout(analysis: Analysis, personId: number, types?: readonly string[]): Cue[] {
  return cuesOfPerson(analysis, personId).filter(
    (c) =>
      analysis.sentences[c.sentence]!.role === 'interviewee' &&
      !analysis.sentences[c.sentence]!.question &&
      (types === undefined || types.includes(c.type)),
  );
}

/** Whether a person can be an unexplained or undisclosed adult at all (not the child, not a professional). */
export function isAdultLayperson(person: Person): boolean {
  return person.personClass !== 'child' && person.personClass !== 'professional';
}

/**
 * The child a clue is about: a child named or meant at or before an offset in the sentence, else in the rest of the
 * turn, else the child most recently talked about, else the first child of the transcript; `the child` when the
 * roster has none.
 */
export function childFor(analysis: Analysis, sentenceIndex: number, offset = Infinity): string {
  const { people, bySentence } = analysis.roster;
  const { isChild, latestBefore } = childrenOf(analysis);
  const here = bySentence[sentenceIndex] ?? [];
  const before = here.filter((m) => m.start <= offset && isChild(m.personId)).pop();
  if (before) return people[before.personId]!.name;
  const utterance = analysis.sentences[sentenceIndex]!.utterance.index;
  const inTurn = sentencesOfTurn(analysis, utterance)
    .flatMap((s) => bySentence[s.index] ?? [])
    .find((m) => isChild(m.personId));
  if (inTurn) return people[inTurn.personId]!.name;
  const latest = latestBefore[sentenceIndex]!;
  if (latest >= 0) return people[latest]!.name;
  const first = people.find((p) => isChild(p.id));
  return first?.name ?? 'the child';
}

interface Children {
  isChild: (id: number) => boolean;
  /** For each sentence, the child mentioned last in the sentences before it (-1 when none). */
  latestBefore: Int32Array;
}

const childrenFound = new WeakMap<Analysis, Children>();

// Who counts as a child, and who was talked of last before each sentence: worked out once per transcript.
function childrenOf(analysis: Analysis): Children {
  const known = childrenFound.get(analysis);
  if (known) return known;
  const { people, bySentence, byPerson } = analysis.roster;
  // A child called by name ("Mia") says more than "the other kids" or "the children".
  const named = new Set(people.filter((p) => p.personClass === 'child' && byPerson[p.id]!.some((m) => m.kind === 'name')).map((p) => p.id));
  const children = named.size > 0 ? named : new Set(people.filter((p) => p.personClass === 'child').map((p) => p.id));
  const isChild = (id: number) => children.has(id);
  const latestBefore = new Int32Array(analysis.sentences.length).fill(-1);
  let latest = -1;
  for (let i = 0; i < analysis.sentences.length; i++) {
    latestBefore[i] = latest;
    for (const m of bySentence[i] ?? []) if (isChild(m.personId)) latest = m.personId;
  }
  const made = { isChild, latestBefore };
  childrenFound.set(analysis, made);
  return made;
}

const HAVE = new Set(['has', 'have', 'had', 'got', 'get', 'gets', 'getting']);
const LINKS = new Set(['is', 'did', 'does', 'do', 'just', 'also', 'still', 'only', 'been', 'a', 'an', 'the', 'this', 'that', 'some', 'big', 'little', 'nasty']);

/**
 * The child hurt: someone named with the injury who is not an adult ("a bruise on Kai's back", "How did Riley get the
 * bruise?"), else the child the talk is about.
 */
export function injuredChild(analysis: Analysis, injury: Injury): string {
  for (const { cue, words } of injury.mentions) {
    const sentence = analysis.sentences[cue.sentence]!;
    const { tokens: clause } = clauseBefore(sentence, cue.start);
    for (const m of analysis.roster.bySentence[cue.sentence] ?? []) {
      const person = analysis.roster.people[m.personId]!;
      if (m.kind !== 'name' || isAdult(person) || (person.personClass !== 'child' && person.personClass !== 'unknown')) continue;
      const inside = m.start >= words.start && m.end <= words.end;
      const between = clause.filter((t) => t.start >= m.end);
      const hasIt = m.end <= cue.start && clause.some((t) => t.start === m.start || (t.start < m.start && t.end >= m.end)) &&
        between.length <= 3 && between.some((t) => HAVE.has(t.normal)) && between.every((t) => HAVE.has(t.normal) || LINKS.has(t.normal));
      if (inside || hasIt || person.personClass === 'child') return person.name;
    }
  }
  const { cue } = injury.mentions[0]!;
  return childFor(analysis, cue.sentence, cue.end);
}

/** Quoted words as `"a", "b"`, at most `max` of them. */
export function quoteList(texts: string[], max = 3): string {
  const unique = [...new Set(texts.map((t) => t.trim()))];
  const shown = unique.slice(0, max).map((t) => `"${t}"`);
  return unique.length > max ? `${shown.join(', ')} and ${unique.length - max} more` : shown.join(', ');
}

/** Groups items by a key, keeping first-seen order (Map.groupBy needs Node 21). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
