import type { Person } from '../../types.js';
import type { Lexicon, RoleNoun } from '../lexicon.js';
import type { PersonMention } from './types.js';
import type { Token } from '../sentences.js';
import { isNegative } from '../speech.js';
import { bare, isFormOfAddress, type Span } from './names.js';

const COPULA_FILLERS = new Set(['just', 'only', 'like', 'really', 'basically', 'more', 'not', 'never', 'kind', 'of', 'sort', 'a', 'bit']);
/** Words for somebody or other rather than a particular person. */
export const INDEFINITE = new Set(['someone', 'somebody', 'person']);

/** A role word of a sentence (`mate`, `social worker`), with the index of the word that says whose it is. */
export interface RoleSpan extends Span {
  role: RoleNoun;
  determiner?: number;
}

/** Words before a role word that say whose it is or which one is meant. */
export const DETERMINERS = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'the', 'a', 'an', 'this', 'that', 'some', 'me']);

/** The role words of a sentence outside its names, longest first, each with its determiner. */
export function roleSpans(tokens: Token[], names: Span[], lexicon: Lexicon): RoleSpan[] {
  const spans: RoleSpan[] = [];
  const inName = (i: number) => names.some((s) => i >= s.first && i <= s.last);
  for (let i = 0; i < tokens.length; i++) {
    if (inName(i)) continue;
    for (let n = Math.min(lexicon.longestRole, tokens.length - i); n >= 1; n--) {
      const words = tokens.slice(i, i + n);
      if (n > 1 && words.slice(0, -1).some((t) => /[,.;:!?]/.test(t.post))) continue;
      const phrase = words.map(bare).join(' ');
      const role = lexicon.roleNouns.get(phrase);
      if (!role) continue;
      if (isFormOfAddress(tokens, i, i + n - 1)) break;
      const span: RoleSpan = { first: i, last: i + n - 1, role };
      const determiner = determinerOf(tokens, i, inName, (k) => names.find((n) => k >= n.first && k <= n.last)?.first ?? k, lexicon);
      if (determiner !== undefined) span.determiner = determiner;
      // "my bowls partner", "her business partner": a noun before "partner" makes it no romance.
      const modifiers = tokens.slice((determiner ?? i - 1) + 1, i);
      if (role.word === 'partner' && modifiers.some((t) => t.tags.has('Noun') && !t.tags.has('Adjective'))) break;
      spans.push(span);
      i += n - 1;
      break;
    }
  }
  return spans;
}

// The word that says whose a role word is, looking past up to two modifiers ("his nursery teacher", "my best mate").
function determinerOf(
  tokens: Token[],
  at: number,
  inName: (i: number) => boolean,
  nameStart: (i: number) => number,
  lexicon: Lexicon,
): number | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const t = tokens[i]!;
    if (/[,.;:!?]/.test(t.post)) return undefined;
    if (DETERMINERS.has(t.normal)) return i;
    if (t.tags.has('Possessive') && (inName(i) || lexicon.roleNouns.has(bare(t)))) return nameStart(i);
    const modifier = (t.tags.has('Adjective') || t.tags.has('Noun')) && !t.tags.has('Pronoun') && !lexicon.roleNouns.has(bare(t)) && !inName(i);
    if (!modifier) return undefined;
  }
  return undefined;
}

// "a boy like him", "every girl's dream", "a guy like that": words used of nobody in particular.
export function isGeneric(tokens: Token[], span: RoleSpan): boolean {
  const det = span.determiner === undefined ? undefined : tokens[span.determiner]!.normal;
  if (tokens[span.last + 1]?.normal === 'like' || det === 'every' || det === 'any') return true;
  // "someone who listens", "someone to talk to", "someone else".
  if (INDEFINITE.has(span.role.word) && ['who', 'that', 'to', 'else', 'like'].includes(tokens[span.last + 1]?.normal ?? '')) return true;
  // A child word needs "the"/"this"/"that" or an owner to mean a particular child.
  return span.role.nounClass === 'child' && !['the', 'this', 'that'].includes(det ?? '');
}

/** The person a role word is said of, by apposition ("his brother Jason") or copula ("he's just a friend"). */
export function linkedPerson(
  tokens: Token[],
  span: RoleSpan,
  earlier: PersonMention[],
  names: Span[],
  namePerson: Map<number, Person>,
): { id: number; negated: boolean } | undefined {
  const start = span.determiner ?? span.first;
  // "his brother Jason"
  const after = names.find((n) => n.first === span.last + 1);
  const byName = (span: Span | undefined) => {
    const person = span && namePerson.get(span.first);
    return person ? { id: person.id, negated: false } : undefined;
  };
  if (after && !/[.;:!?]/.test(tokens[span.last]!.post)) return byName(after);
  // "Jason, his brother" / "Jason my brother" — but not "Jo, her mum's sister", where "mum's" owns the next word.
  const before = names.find((n) => n.last === start - 1);
  if (before && !tokens[span.last]!.tags.has('Possessive') && !/[.;:!?]/.test(tokens[before.last]!.post) && !tokens[before.last]!.tags.has('Possessive')) {
    return byName(before);
  }
  // "he's just a friend", "Dave is a mate of mine"
  let i = start - 1;
  while (i >= 0 && COPULA_FILLERS.has(tokens[i]!.normal) && !tokens[i]!.tags.has('Copula')) i--;
  if (i >= 0 && isCopula(tokens[i]!)) {
    let j = i - 1;
    while (j >= 0 && (tokens[j]!.tags.has('Adverb') || tokens[j]!.tags.has('Negative'))) j--;
    // A contraction keeps the subject in the token before the hidden copula ("he's" → he + is).
    const subject = earlier.filter((m) => m.last === j || m.last === i).pop();
    const negated = tokens.slice(j + 1, start).some(isNegative);
    if (subject) return { id: subject.personId, negated };
  }
  return undefined;
}

// compromise reads "He's my fiancé" as "he has"; a hidden 's before a role word is "is" all the same.
export function isCopula(token: Token): boolean {
  return token.tags.has('Copula') || (token.text === '' && token.normal === 'has') || ['is', 'was', 'are', 'were'].includes(token.normal);
}
