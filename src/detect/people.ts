import type { Analysis, Cue, PersonMention } from '../analyse/index.js';
import type { PresenceLevel } from '../analyse/lexicon.js';
import type { Person } from '../types.js';

/** Presence cue types, weakest first; `carerAfter` ("left him with Dave") and `carerInside` ("asked Kerry to have her") count as care. */
export const PRESENCE: Record<string, PresenceLevel> = {
  visit: 'visit',
  overnight: 'overnight',
  residence: 'residence',
  care: 'care',
  carerAfter: 'care',
  carerInside: 'care',
};

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
  return analysis.cues.filter(
    (c) =>
      c.personId === personId &&
      analysis.sentences[c.sentence]!.role === 'interviewee' &&
      !analysis.sentences[c.sentence]!.question &&
      (types === undefined || types.includes(c.type)),
  );
}

/** Whether a person can be an unexplained or undisclosed adult at all (not the child, not a professional). */
export function isAdultLayperson(person: Person): boolean {
  return person.personClass !== 'child' && person.personClass !== 'professional';
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
