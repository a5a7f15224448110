import type { Person } from '../../types.js';
import type { Gender } from '../lexicon.js';
import type { PersonMention } from './types.js';
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
/** How many sentences back a pronoun may reach: mentions older than this are never read and can be dropped. */
export const MENTION_REACH = Math.max(PRONOUN_REACH, EXACT_GENDER_REACH);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
// People whose gender was only guessed from a pronoun that reached them: it lets later pronouns fit them, but is no
// sure match ("Stormy… he can't respond" guessed wrong must not pull every later "he" away from a Michael).
const GUESSED = new WeakSet<Person>();

/**
 * The person the pronoun at `i` means, from the people mentioned before it (`recent`, in transcript order, at least the
 * last MENTION_REACH sentences' mentions; `named`, everyone given a name so far): in the same sentence the nearest who
 * fits, else the first fitting person of the latest sentence within reach. Learns a gender.
 */
export function resolvePronounAt(
  tokens: Token[],
  i: number,
  sentenceIndex: number,
  recent: readonly PersonMention[],
  named: ReadonlySet<number>,
  people: readonly Person[],
  /** For an answer's first sentence, the sentences of the question just put to the speaker. */
  asked?: ReadonlySet<number>,
): Person | undefined {
  const gender = PRONOUN_GENDER[tokens[i]!.normal]!;
  const fits = (p: Person) => p.gender === undefined || p.gender === gender;
  // "He picks him up": an object pronoun is not the subject of its own clause; a possessive "her" may be ("she would
  // have called her boyfriend").
  const next = tokens[i + 1];
  const possessive = tokens[i]!.normal === 'her' && next !== undefined && !/[,.;:!?]/.test(tokens[i]!.post) && ['Noun', 'Adjective'].some((tag) => next.tags.has(tag)) && !next.tags.has('Pronoun');
  const sameClause = (m: PersonMention) =>
    OBJECT_PRONOUNS.has(tokens[i]!.normal) &&
    !possessive &&
    !tokens[m.last]!.tags.has('Possessive') &&
    tokens[m.last]!.normal !== 'his' &&
    !tokens.slice(m.last, i).some((t, k) => (k > 0 && t.tags.has('Conjunction')) || /[,;:]/.test(t.post));
  // Once "he" is found to mean someone of unknown gender, later pronouns can rely on it; a guess across sentences only
  // lets them fit.
  const learn = (p: Person | undefined, guess = false) => {
    if (p && p.gender === undefined) {
      p.gender = gender;
      if (guess) GUESSED.add(p);
    }
    return p;
  };
  // "my neighbour's lodger. His name was Wes.": giving a name says who had none yet, the latest such person; someone
  // already named is not meant ("Kyle Dent, and my then landlord. His name was Wes.").
  if (namesSomeone(tokens, i)) {
    const last = recent.filter(
      (m) => (m.sentence < sentenceIndex || m.first < i) && sentenceIndex - m.sentence <= EXACT_GENDER_REACH && !named.has(m.personId) && fits(people[m.personId]!),
    ).pop();
    return last ? learn(people[last.personId]) : undefined;
  }
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
  // Whom the question just put was about comes first, even of unknown gender ("What did your ex say?" "He said…"),
  // before an older sure match.
  const put = asked && earlier.filter((m) => asked.has(m.sentence) && fits(people[m.personId]!) && !ownClause.has(m.personId));
  if (put && put.length > 0 && new Set(put.map((m) => m.personId)).size === 1) return learn(people[put[0]!.personId], true);
  for (const test of [(p: Person) => p.gender === gender && !GUESSED.has(p), fits]) {
    const reach = test === fits ? PRONOUN_REACH : EXACT_GENDER_REACH;
    const candidates = earlier.filter((m) => sentenceIndex - m.sentence <= reach && test(people[m.personId]!) && !ownClause.has(m.personId));
    const latest = candidates[candidates.length - 1]?.sentence;
    const first = candidates.find((m) => m.sentence === latest);
    if (first) return learn(people[first.personId], true);
  }
  return undefined;
}

// "his name was Mike", "her name's Kelly": a possessive pronoun, "name", a copula, then a capitalised word.
function namesSomeone(tokens: Token[], i: number): boolean {
  if (!['his', 'her'].includes(tokens[i]!.normal)) return false;
  const name = tokens[i + 1];
  const copula = tokens[i + 2];
  const next = tokens[i + 3];
  return name?.normal === 'name' && copula !== undefined && isCopula(copula) && next !== undefined && /^\p{Lu}/u.test(next.text);
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
