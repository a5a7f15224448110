import type { Person } from '../../types.js';
import type { Gender } from '../lexicon.js';
import type { PersonMention } from '../people.js';
import type { Token } from '../sentences.js';
import { isCopula } from './roles.js';

/** The gender each third-person pronoun implies. */
export const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
};
// How far back (in sentences) a pronoun may reach for the person it means.
const PRONOUN_REACH = 12;
const EXACT_GENDER_REACH = 4;
const OBJECT_PRONOUNS = new Set(['him', 'her']);

/**
 * The person the pronoun at `i` means, from the people mentioned before it (`recent`, in transcript order): in the same
 * sentence the nearest who fits, else the first fitting person of the latest sentence within reach. Learns a gender.
 */
export function resolvePronounAt(
  tokens: Token[],
  i: number,
  sentenceIndex: number,
  recent: readonly PersonMention[],
  people: readonly Person[],
): Person | undefined {
  const gender = PRONOUN_GENDER[tokens[i]!.normal]!;
  const fits = (p: Person) => p.gender === undefined || p.gender === gender;
  // "He picks him up": an object pronoun is not the subject of its own clause.
  const sameClause = (m: PersonMention) =>
    OBJECT_PRONOUNS.has(tokens[i]!.normal) &&
    !tokens[m.last]!.tags.has('Possessive') &&
    tokens[m.last]!.normal !== 'his' &&
    !tokens.slice(m.last, i).some((t, k) => (k > 0 && t.tags.has('Conjunction')) || /[,;:]/.test(t.post));
  const learn = (p: Person | undefined) => {
    // Once "he" is found to mean someone of unknown gender, later pronouns can rely on it.
    if (p && p.gender === undefined) p.gender = gender;
    return p;
  };
  const ownClause = new Set(recent.filter((m) => m.sentence === sentenceIndex && m.first < i && sameClause(m)).map((m) => m.personId));
  // In the same sentence the nearest fitting person wins ("Kai's wary, he's thirteen").
  for (let k = recent.length - 1; k >= 0 && recent[k]!.sentence === sentenceIndex; k--) {
    const m = recent[k]!;
    const p = people[m.personId]!;
    // "my cousin's fortieth… he came back": an owner of unknown gender is a weak antecedent.
    const weak = p.gender === undefined && tokens[m.last]!.tags.has('Possessive');
    if (m.first < i && fits(p) && !weak && !ownClause.has(m.personId)) return learn(p);
  }
  // Across sentences, the first fitting person of the latest sentence that has one, so the subject of a question is
  // who "he" in the answer means ("has Craig looked after Tyler?" "No, he's never…"); a sure gender match first.
  const earlier = recent.filter((m) => m.sentence !== sentenceIndex && sentenceIndex - m.sentence <= PRONOUN_REACH);
  for (const test of [(p: Person) => p.gender === gender, fits]) {
    const reach = test === fits ? PRONOUN_REACH : EXACT_GENDER_REACH;
    const candidates = earlier.filter((m) => sentenceIndex - m.sentence <= reach && test(people[m.personId]!) && !ownClause.has(m.personId));
    const latest = candidates[candidates.length - 1]?.sentence;
    const first = candidates.find((m) => m.sentence === latest);
    if (first) return learn(people[first.personId]);
  }
  return undefined;
}

// "I only knew him as Stu", "he's called Stu", "his name's Stu": the name is another name for the person "him" means.
export function aliasOf(tokens: Token[], at: number, resolve: (i: number) => Person | undefined): Person | undefined {
  const w = (k: number) => tokens[k]?.normal ?? '';
  const pronounAt = (k: number) => (PRONOUN_GENDER[w(k)] ? k : undefined);
  let pronoun: number | undefined;
  if (w(at - 1) === 'as') pronoun = pronounAt(at - 2);
  else if (w(at - 1) === 'called' || w(at - 1) === 'named') pronoun = pronounAt(at - 2) ?? pronounAt(at - 3);
  else if (isCopula(tokens[at - 1] ?? ({ tags: new Set(), normal: '', text: 'x' } as unknown as Token)) && w(at - 2) === 'name') pronoun = pronounAt(at - 3);
  return pronoun === undefined ? undefined : resolve(pronoun);
}
