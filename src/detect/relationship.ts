import type { Analysis, Exchange, PersonMention, Sentence, Token } from '../analyse/index.js';
import { negates } from '../analyse/speech.js';
import { WORDS } from '../analyse/lexicon.js';
import type { Clue, Person } from '../types.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { lastInterviewerSentence } from './lookup.js';
import { cuesAbout, intervieweeMentions, isAdultLayperson, isNamed, quoteList } from './people.js';

const { claims: claimWords, relationships } = WORDS;

/** Relationships the interviewee states, denies or implies, one clue per person and stance. */
export const relationship = defineDetector({
  meta: {
    id: 'relationship',
    kind: 'relationship',
    severity: 'info',
    description:
      'A relationship the interviewee states (boyfriend, ex, lodger, "his brother", "my attorney, Keith", "I represented Eric", ' +
      '"Gina\'s manager"), denies ("just a friend", "we\'re not together", "I have never met him") or implies through romantic ' +
      'detail, or that the interviewer puts and the answer confirms or denies ("Was Karen your client?" "Yes."). One clue per ' +
      'person or pair and stance. Denials of a partner are warnings: they are what later words contradict.',
    messages: {
      stated: 'stated: {quotes}',
      denied: 'relationship denied: {quotes}',
      uncertain: 'relationship uncertain: {quotes}',
      confirmed: 'confirmed in answer: {quotes}',
      romance: 'romantic relationship implied: {quotes}',
    },
    examples: {
      fires: [
        'Q: Was Daniel Price your client at the time?\nA: Yes.',
        "SW: Who is Steven?\nTRACEY: He's just a friend. We're not in a relationship.",
        "SW: Who lives with you?\nGEMMA: Me and Lily, and my boyfriend Ashley's round most nights.",
        "SW: Who lives there?\nDAD: Gary, he's the lodger. His brother Jason stays in the box room.",
      ],
      quiet: [
        "Q: Who is your lawyer?\nA: I don't have one.",
        'HV: Who helps?\nMUM: My mum, my sister Kelly, and his dad has him on Saturdays.',
        "SW: How are things with the girls' dad?\nMUM: Fine. We're not together, obviously, but we get on.",
        "SW: Anything nice this month?\nMUM: The kids made me a Valentine's card at nursery.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const clues: Clue[] = [];
    const groups = relationGroups(analysis);
    // The interviewee's own relationship with someone joins the clue the household words give, so each is shown once.
    // `partner` takes only the romantic ties or only the others; undefined takes both.
    const own = (person: Person, stance: 'stated' | 'denied', said: Quote[], partner?: boolean) => {
      const group: Relation[] = [];
      for (const romantic of partner === undefined ? [false, true] : [partner]) {
        const key = groupKey({ kind: 'speaker' }, { kind: 'person', id: person.id }, stance, romantic);
        group.push(...(groups.get(key) ?? []));
        groups.delete(key);
      }
      // Words the household path already quotes ("my boyfriend Ashley") are not said twice.
      return group.filter((r) => !overlaps(said, r.quotes[0]!));
    };
    const quoted: Quote[] = [];
    for (const person of analysis.roster.people) {
      if (!isAdultLayperson(person)) continue;
      // The speaker's and the child's own family are no relationship clue ("we're not together" about his dad), except
      // where she names a partner word for them ("my ex-partner, Daniel, is Freddie's dad").
      const family = person.personClass === 'relative';
      const denials = family ? [] : cuesAbout(analysis, person.id, ['denial']);
      const stated = statedRoles(analysis, person, denials.map((d) => [d.sentence, d.start, d.end] as const)).filter(
        (m) => !family || m.role?.nounClass === 'partner',
      );
      const romance = family || stated.some((m) => m.role?.nounClass === 'partner') ? [] : cuesAbout(analysis, person.id, ['romance']);
      const add = (severity: Clue['severity'], quotes: Quote[], messageId: string, words: string[]) =>
        clues.push(createClue(analysis, { meta: relationship.meta, severity, who: person.name, messageId, data: { quotes: quoteList(words) }, quotes }));

      quoted.push(...stated.map(quoteOf), ...denials.map(quoteOf));
      // A romantic tie is its own clue beside any other tie to the same person ("Mike, previously my publicist, we
      // were now dating"): a change a reviewer looks at on its own.
      for (const partner of [false, true]) {
        const mine = stated.filter((m) => (m.role?.nounClass === 'partner') === partner);
        if (mine.length === 0) continue;
        const roles = mine.map((m) => describeRole(analysis, m));
        const more = own(person, 'stated', mine.map(quoteOf), partner);
        add('info', [...mine.map(quoteOf), ...more.flatMap((r) => r.quotes)], 'stated', [...roles, ...more.map((r) => r.label)]);
      }
      if (denials.length > 0) {
        const more = own(person, 'denied', denials.map(quoteOf));
        add('warning', [...denials.map(quoteOf), ...more.flatMap((r) => r.quotes)], 'denied', [...denials.map((d) => d.text), ...more.map((r) => r.label)]);
      }
      if (romance.length > 0) {
        add('info', romance.map(quoteOf), 'romance', romance.map((r) => r.text));
      }
    }
    for (const group of groups.values()) {
      const fresh = group.filter((r) => !overlaps(quoted, r.quotes[0]!));
      if (fresh.length > 0) clues.push(relationClue(analysis, fresh));
    }
    return clues.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

function overlaps(quotes: Quote[], q: Quote): boolean {
  return quotes.some((o) => o.sentence === q.sentence && q.start < o.end && q.end > o.start);
}

const WH_WORDS = new Set(['who', 'what', 'where', 'when', 'why', 'how', 'which', 'whose', 'whom']);

/**
 * Every relationship the interviewee states or denies, and every one the interviewer puts that the answer confirms
 * ("Was Karen your client?" "Yes.") or denies, grouped by the two parties and the stance.
 */
export function relationGroups(analysis: Analysis): Map<string, Relation[]> {
  // Two detectors read the groups (relationship, and unexplained-adult for who is explained); find them once.
  let groups = groupsFound.get(analysis);
  if (!groups) {
    groups = findRelationGroups(analysis);
    groupsFound.set(analysis, groups);
  }
  return groups;
}

const groupsFound = new WeakMap<Analysis, Map<string, Relation[]>>();

function findRelationGroups(analysis: Analysis): Map<string, Relation[]> {
  const found: Relation[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.role !== 'interviewee' || sentence.question) continue;
    found.push(...relationsIn(analysis, sentence, false));
  }
  let open: Relation[] = [];
  let previous: Exchange | undefined;
  for (const exchange of analysis.exchanges) {
    const answer = exchange.answer[0]!;
    const stance = answerStance(analysis, exchange);
    const follows = previous !== undefined && previous.answer[0]!.utterance.index + 1 === exchange.put[0]!.utterance.index;
    if (!follows) open = [];
    previous = exchange;
    if (!stance || answer.role !== 'interviewee' || exchange.put[0]!.role !== 'interviewer') {
      open = [];
      continue;
    }
    // A question that asks who or what ("Who is your lawyer?") puts nothing to agree with.
    const put = exchange.put.filter((s) => s === exchange.put[exchange.put.length - 1] || s.question);
    const answered: Quote = { sentence: answer.index, start: answer.start, end: exchange.stanceEnd > answer.start ? exchange.stanceEnd : answer.end };
    // "Jay has a brother, correct?" "Yes." "Named James?" "Yes.": the bare name is who the role was.
    const named = put.length === 1 ? bareName(analysis, put[0]!) : undefined;
    if (named && stance === 'yes') {
      for (const r of open) found.push({ ...r, other: named, open: undefined, quotes: [...r.quotes, { sentence: put[0]!.index, start: put[0]!.start, end: put[0]!.end }, answered] });
      open = [];
      continue;
    }
    const next: Relation[] = [];
    for (const sentence of put) {
      for (const r of relationsIn(analysis, sentence, true)) {
        // Not remembering ("Do you recall…?" "No.") and not knowing leave the relationship open; not knowing only when
        // ("She retained you in 2017?" "I'm not sure of the date.") leaves it as put.
        const unsure = (stance === 'unsure' && !timeOnly(analysis, exchange)) || (stance === 'no' && exchange.recall);
        // "Is it your testimony that she was not your client?" "No.": the no answers the testimony, not the relationship.
        if (stance === 'no' && !unsure && r.stance === 'denied' && reportsNegation(sentence)) continue;
        const final: RelationStance = unsure ? 'uncertain' : stance === 'no' ? 'denied' : stance === 'unsure' && r.stance === 'denied' ? 'uncertain' : r.stance;
        if (r.quoted && stance !== 'yes') continue;
        if ((r.denialOnly && final !== 'denied') || (r.given && final !== 'stated') || (r.open && final === 'uncertain')) continue;
        const confirmed = { ...r, stance: final, quotes: [...r.quotes, answered] };
        if (r.open) {
          if (stance === 'yes' && !WH_WORDS.has(sentence.tokens[0]?.normal ?? '')) next.push(confirmed);
        } else found.push(confirmed);
      }
    }
    open = next;
  }
  const groups = new Map<string, Relation[]>();
  for (const r of found) {
    const key = groupKey(r.owner, r.other, r.stance, r.roleClass === 'partner');
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

// How the answer takes what was put: its opening stance (answers.json), a short answer ending in yes ("At some point,
// yes"), or the name put, said back ("Roger Adler.").
function answerStance(analysis: Analysis, exchange: Exchange): 'yes' | 'no' | 'unsure' | undefined {
  if (exchange.stance !== 'other') return exchange.stance;
  const answer = exchange.answer[0]!;
  if (answer.tokens.length <= 5 && answer.tokens[answer.tokens.length - 1]?.normal === 'yes') return 'yes';
  const said = bareName(analysis, answer);
  const putNames = exchange.put.flatMap((s) => analysis.roster.bySentence[s.index] ?? []).map((m) => m.personId);
  return said?.kind === 'person' && putNames.includes(said.id) ? 'yes' : undefined;
}

// A put whose negation sits inside a reported clause: "Is it your testimony that she was not…", "You're saying he never…".
function reportsNegation(sentence: Sentence): boolean {
  const { tokens } = sentence;
  const neg = tokens.findIndex(negates);
  return neg > 0 && tokens.slice(0, neg).some((t) => t.normal === 'that' || t.normal === 'saying' || t.normal === 'testimony');
}

// Whether an offset in the sentence's turn falls inside quotation marks opened earlier in the turn.
function insideQuotes(sentence: Sentence, offset: number): boolean {
  const before = sentence.utterance.text.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || curly > 0;
}

// An unsure answer about the time alone: "I don't recall the year", "I'm not sure exactly when".
function timeOnly(analysis: Analysis, exchange: Exchange): boolean {
  const answer = exchange.answer[0]!;
  return answer.tokens.some((t) => t.start >= exchange.stanceEnd && TIME_WORDS.has(t.normal));
}

// A sentence that is only a name, perhaps after "named" or "and": "Named James?", "Michael Avenatti?".
function bareName(analysis: Analysis, sentence: Sentence): Party | undefined {
  const names = (analysis.roster.bySentence[sentence.index] ?? []).filter((m) => m.kind === 'name');
  if (names.length !== 1) return undefined;
  const m = names[0]!;
  const rest = sentence.tokens.filter((_, i) => i < m.first || i > m.last);
  const fillers = new Set(['named', 'called', 'and', 'so', 'a', 'man', 'woman', 'mr', 'ms', 'mrs', 'right', 'correct']);
  return rest.every((t) => fillers.has(t.normal.replace(/\.$/, ''))) ? { kind: 'person', id: m.personId } : undefined;
}

function partyKey(party: Party): string {
  return party.kind === 'speaker' ? 'speaker' : party.kind === 'person' ? `person:${party.id}` : `unnamed:${party.phrase}`;
}

function groupKey(a: Party, b: Party, stance: string, partner: boolean): string {
  return `${[partyKey(a), partyKey(b)].sort().join('|')}|${stance}${partner ? '|partner' : ''}`;
}

function partyName(analysis: Analysis, party: Party): string | undefined {
  if (party.kind === 'speaker') return undefined;
  return party.kind === 'person' ? analysis.roster.people[party.id]!.name : party.phrase;
}

// Denying a partner ("he's not my boyfriend", "we never dated") is what later words contradict; other denials are context.
function relationClue(analysis: Analysis, group: Relation[]): Clue {
  const { owner, other, stance } = group[0]!;
  const names = [partyName(analysis, owner), partyName(analysis, other)].filter((n): n is string => n !== undefined);
  const romance = group.some((r) => r.roleClass === 'partner');
  const severity = stance === 'denied' && romance ? 'warning' : 'info';
  const labels = group.map((r) => r.label);
  const byAnswer = group.every((r) => r.quotes.length > 1);
  const messageId = stance === 'denied' ? 'denied' : stance === 'uncertain' ? 'uncertain' : byAnswer ? 'confirmed' : 'stated';
  const data = { quotes: quoteList(labels) };
  return createClue(analysis, { meta: relationship.meta, severity, who: names.join('; '), messageId, data, quotes: group.flatMap((r) => r.quotes) });
}

function quoteOf(span: { sentence: number; start: number; end: number }): Quote {
  return { sentence: span.sentence, start: span.start, end: span.end };
}

// Role words that say what a person is to someone: partner, friend, lodger, or kin of another adult.
function statedRoles(analysis: Analysis, person: Person, denied: ReadonlyArray<readonly [number, number, number]>): PersonMention[] {
  const named = isNamed(analysis, person);
  const insideDenial = (m: PersonMention) => denied.some(([s, start, end]) => s === m.sentence && m.start < end && m.end > start);
  return intervieweeMentions(analysis, person).filter((m) => {
    if (m.kind !== 'role' || !m.role || insideDenial(m)) return false;
    const det = (m.phrase ?? m.text).toLowerCase().split(/\s+/)[0] ?? '';
    // "a husband and wife", "a boyfriend" said of nobody in particular; "your wife" in her own mouth is quoted speech.
    if (!named && (det === 'a' || det === 'an' || det === 'your')) return false;
    // Nobody's in particular: "someone higher up's wife".
    const owner = analysis.sentences[m.sentence]!.tokens[m.first - 1];
    if (!named && m.possessor === undefined && owner && /['’]s$/.test(owner.text)) return false;
    // A bare role noun said of nobody named is a kind of person, not a particular one: "for a husband and wife".
    if (!named && phraseKey(det) === phraseKey(m.role.word.split(/\s+/)[0] ?? '')) {
      // Past modifiers ("a family friend of ours") to the determiner, if there is one.
      const { tokens } = analysis.sentences[m.sentence]!;
      let k = m.first - 1;
      while (k > 0 && k >= m.first - 3 && ['Adjective', 'Noun'].some((tag) => tokens[k]!.tags.has(tag)) && !['Determiner', 'Possessive', 'Pronoun', 'ProperNoun'].some((tag) => tokens[k]!.tags.has(tag))) k--;
      const before = tokens[k];
      if (!before || GENERIC.has(before.normal) || !['Determiner', 'Possessive', 'Pronoun'].some((tag) => before.tags.has(tag))) return false;
    }
    switch (m.role.nounClass) {
      case 'partner':
      case 'household':
        return true;
      case 'friend':
        // A particular friend ("my mate Jordan", "he's a mate of mine"), not "a friend said".
        return named || person.mentions.length > 1;
      case 'relative':
        // Kin of another adult ("his brother Jason" where "his" is the lodger); family's family is not a clue.
        return typeof m.possessor === 'number' && person.personClass !== 'relative' && person.personClass !== 'child';
      case 'vague':
        return m.possessor === 'speaker' && person.personClass === 'partner';
      default:
        return false;
    }
  });
}

function describeRole(analysis: Analysis, mention: PersonMention): string {
  if (typeof mention.possessor === 'number' && mention.role) {
    return `${analysis.roster.people[mention.possessor]!.name}'s ${mention.role.word}`;
  }
  return (mention.phrase ?? mention.text).toLowerCase();
}

/** Stated, denied, or left open by the speaker ("I can't recall if I represented her", "I don't know" to "Was he your lawyer?"). */
export type RelationStance = 'stated' | 'denied' | 'uncertain';

/** One side of a relationship: the interviewee, a person on the roster, or someone known only by the role words. */
export type Party = { kind: 'speaker' } | { kind: 'person'; id: number } | { kind: 'unnamed'; phrase: string };

/** A relationship between two parties that a sentence states or denies, or that an answer confirms or denies. */
export interface Relation {
  /** Whose the role is ("my" in "my attorney"), or the verb's subject. */
  owner: Party;
  /** Who has the role, or the verb's object. */
  other: Party;
  /** The words that say it: `attorney`, `represented`. */
  label: string;
  roleClass: string;
  stance: RelationStance;
  quotes: Quote[];
  /** Counts only when denied ("never met"): meeting someone is no relationship, never having met them is. */
  denialOnly?: boolean;
  /** Said as a given ("your relationship with him"): an answer's no denies something else, not this. */
  given?: boolean;
  /** Inside quotation marks: words read out or reported, which only a yes makes the answerer's own. */
  quoted?: boolean;
  /** A role with no name yet ("Jay has a brother"), which a follow-up question may name ("Named James?"). */
  open?: RoleSpan;
}

type RoleClass = 'professional' | 'work' | 'friend' | 'partner' | 'relative';
interface VerbFrame {
  words: string[];
  label: string;
  denialOnly: boolean;
}

const ROLE_WORDS: ReadonlyMap<string, RoleClass> = new Map(
  Object.entries(relationships.roles)
    .filter(([key]) => !key.startsWith('$'))
    .flatMap(([roleClass, words]) => (words as string[]).map((w) => [phraseKey(w), roleClass as RoleClass] as const)),
);
const LONGEST_ROLE = Math.max(...[...ROLE_WORDS.keys()].map((w) => w.split(' ').length));
const ROLE_MODIFIERS = new Set(relationships.roleModifiers);
const VERB_FRAMES: VerbFrame[] = [
  ...relationships.verbs.stated.flatMap((f) => f.words.map((w) => ({ words: w.split(' '), label: f.label, denialOnly: false }))),
  ...relationships.verbs.denialOnly.flatMap((f) => f.words.map((w) => ({ words: w.split(' '), label: f.label, denialOnly: true }))),
].sort((a, b) => b.words.length - a.words.length);

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself']);
const POSSESSIVE_DETERMINERS = new Set(['my', 'our', 'your', 'his', 'her', 'their']);
const OF_OWNERS = new Set(['mine', 'yours', 'his', 'hers', 'ours', 'theirs']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", 'am']);
const UNSURE = new Set(relationships.stance.unsure);
const OPENERS = new Set(relationships.stance.openers);
const LIMITERS = new Set(relationships.stance.limiters);
const TIME_WORDS = new Set(relationships.stance.timeOnly);
const NEG_RAISING = new Set([...claimWords.statements.negRaising, ...relationships.stance.negRaisingRoles]);
// Words that may stand between a verb and its subject: "had never", "was, in fact,", "have ever".
const BRIDGE_TAGS = ['Adverb', 'Auxiliary', 'Modal', 'Negative', 'Copula', 'Determiner', 'Adjective'];
// Time adverbs the tagger may read as something else ("we were now dating": "now" as a conjunction).
const TIME_ADVERBS = new Set(['now', 'then', 'still', 'later', 'soon', 'previously', 'formerly', 'once']);
const bridges = (t: Token) => BRIDGE_TAGS.some((tag) => t.tags.has(tag)) || TIME_ADVERBS.has(t.normal);
const NAMED_AS = new Set(relationships.namedAs.words);
const PARTNER_FRAMES = new Set(relationships.verbs.stated.filter((f) => 'partner' in f && f.partner).map((f) => f.label));
const GAINING = new Set(relationships.gaining.words);
const ACTING = new Set(relationships.acting.words);
const TITLES = new Set(relationships.titles);
const RELATIVES = new Set(['that', 'who', 'whom']);
const GENERIC = new Set(relationships.genericDeterminers.words);
const CATENATIVES = new Set(relationships.catenatives.words);
const ENDED = new Set(relationships.ended.words);
const ACQUAINTED = new Set(relationships.acquainted.words);
const ACQUAINTED_AFTER = new Set(relationships.acquainted.after);
const SOMEONE = relationships.someone.words.map((w) => w.split(' '));

function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[-/]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A token's words for matching: lower case, possessive and plural endings off, split at hyphens and slashes. */
function partsOf(token: Token): string[] {
  return phraseKey(token.normal.replace(/['’]s$|['’]$/, '')).split(' ').filter(Boolean);
}

function singular(word: string): string[] {
  if (word.endsWith('ies')) return [word, `${word.slice(0, -3)}y`];
  if (word.endsWith('s')) return [word, word.slice(0, -1)];
  return [word];
}

interface RoleSpan {
  first: number;
  last: number;
  word: string;
  roleClass: RoleClass;
  /** Said in the plural ("my clients"): one of several, so a single name after it is no apposition. */
  plural?: boolean;
}

// Role nouns in a sentence, longest first; in "friend/attorney" each word is a role of the same token.
function roleSpans(tokens: Token[]): RoleSpan[] {
  const spans: RoleSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const parts = partsOf(tokens[i]!);
    if (parts.length > 1 && parts.every((p) => singular(p).some((w) => ROLE_WORDS.has(w)))) {
      for (const p of parts) {
        const word = singular(p).find((w) => ROLE_WORDS.has(w))!;
        spans.push({ first: i, last: i, word, roleClass: ROLE_WORDS.get(word)! });
      }
      continue;
    }
    let found: RoleSpan | undefined;
    for (let n = Math.min(LONGEST_ROLE, tokens.length - i); n >= 1 && !found; n--) {
      const words = tokens.slice(i, i + n);
      if (words.slice(0, -1).some((t) => /[,.;:!?]/.test(t.post))) continue;
      const joined = words.flatMap(partsOf);
      const last = joined.pop();
      if (last === undefined) continue;
      for (const form of singular(last)) {
        const key = [...joined, form].join(' ');
        const roleClass = ROLE_WORDS.get(key);
        if (roleClass) {
          found = { first: i, last: i + n - 1, word: key, roleClass, ...(form !== last ? { plural: true } : {}) };
          break;
        }
      }
    }
    if (!found) continue;
    // "ex" and "partner" alone are too loose as nouns of a verb phrase ("an ex parte", "partner with").
    if (!tokens[found.last]!.tags.has('Noun') && found.word !== 'ex') continue;
    spans.push(found);
    i = found.last;
  }
  return spans;
}

/** Reads who a word means in this sentence: "I" is the interviewee in her own words, "you" in the interviewer's. */
function partyAt(analysis: Analysis, sentence: Sentence, i: number, asked: boolean): Party | undefined {
  const token = sentence.tokens[i];
  if (!token) return undefined;
  const word = token.normal.replace(/['’]s$/, '');
  if (FIRST_PERSON.has(word)) return asked ? undefined : { kind: 'speaker' };
  if (SECOND_PERSON.has(word)) return asked ? { kind: 'speaker' } : undefined;
  // "Mike, who was previously my publicist"
  if (word === 'who' && i > 0 && /,/.test(sentence.tokens[i - 1]!.post)) return personAt(analysis, sentence, nameStart(analysis, sentence, i - 1));
  const mention = (analysis.roster.bySentence[sentence.index] ?? []).find((m) => m.first <= i && i <= m.last && m.kind !== 'role');
  if (!mention) return undefined;
  const person = analysis.roster.people[mention.personId]!;
  if (person.personClass === 'child' && mention.kind === 'pronoun') return undefined;
  return { kind: 'person', id: mention.personId };
}

// The party whose words end just before index `end` (exclusive), looking back over a name's first words.
function partyEndingAt(analysis: Analysis, sentence: Sentence, end: number, asked: boolean): Party | undefined {
  return end > 0 ? partyAt(analysis, sentence, end - 1, asked) : undefined;
}

// Where the clause holding token i begins: after the last comma, semicolon or "but" before it.
function clauseStart(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    if (/[;:]/.test(tokens[k]!.post) || ['but', 'because', 'although'].includes(tokens[k]!.normal)) return k + 1;
  }
  return 0;
}

// "I no longer represent her", "he stopped being my lawyer": a relationship that was, and ended.
function endedIn(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to);
  return words.some((t, k) => (t.normal === 'no' && words[k + 1]?.normal === 'longer') || ENDED.has(t.normal));
}

// Whether the words up to a role or a verb frame state, deny or leave open the relationship. `at` is where the role or
// frame begins; `role` reads a negation as the role's only when no other verb stands between them ("You didn't tell
// your husband" names a husband; "he isn't my lawyer", "I don't have a lawyer" deny one).
function stanceIn(tokens: Token[], at: number, to: number, role = false): RelationStance {
  const start = clauseStart(tokens, at);
  // "not just a friend", "wasn't only representing him": more than that, not less.
  const negations = tokens
    .map((t, k) => k)
    .filter((k) => k >= start && k < to && negates(tokens[k]!) && !LIMITERS.has(tokens[k + 1]?.normal ?? ''));
  if (negations.length === 0) return 'stated';
  const never = tokens.slice(start, to).some((t) => t.normal === 'never');
  // "I can't recall if I represented her", "I'm not sure he was my lawyer" say neither.
  for (let k = start; k < at && !never; k++) {
    if (!UNSURE.has(tokens[k]!.normal)) continue;
    const next = tokens[k + 1];
    if (next && (OPENERS.has(next.normal) || (next.tags.has('Pronoun') && !next.tags.has('Possessive')))) return 'uncertain';
  }
  if (role) {
    for (let k = negations[negations.length - 1]! + 1; k < at; k++) {
      const t = tokens[k]!;
      const bare = !t.tags.has('Verb') || COPULAS.has(t.normal) || ['Copula', 'Auxiliary', 'Modal', 'Negative'].some((tag) => t.tags.has(tag));
      if (!bare && !GAINING.has(t.normal) && !NEG_RAISING.has(t.normal)) return 'stated';
    }
  }
  return 'denied';
}

/** The relationships one sentence states or denies; `asked` reads it as the interviewer's ("you" is the interviewee). */
export function relationsIn(analysis: Analysis, sentence: Sentence, asked: boolean): Relation[] {
  const { tokens } = sentence;
  const relations: Relation[] = [];
  const add = (
    owner: Party | undefined,
    other: Party | undefined,
    label: string,
    roleClass: string,
    stance: RelationStance | undefined,
    [from, to]: [number, number],
    denialOnly = false,
  ) => {
    if (!owner || !other || !stance || sameParty(owner, other)) return;
    // The speaker's and the child's own family are who they are, not a relationship to look into.
    if (roleClass === 'relative' && (isFamily(analysis, owner) || isFamily(analysis, other))) return;
    // A question puts only what it names: "Who is your lawyer?" names nobody.
    if (asked && other.kind === 'unnamed') return;
    const quote: Quote = { sentence: sentence.index, start: tokens[from]!.start, end: tokens[Math.min(to, tokens.length - 1)]!.end };
    // Words quoted inside a turn are someone else's: their "my" is not the speaker's, and a put only reads them out.
    const quoted = insideQuotes(sentence, tokens[from]!.start);
    if (quoted && !asked && (owner.kind === 'speaker' || other.kind === 'speaker')) return;
    relations.push({ owner, other, label, roleClass, stance, quotes: [quote], ...(denialOnly ? { denialOnly } : {}), ...(quoted ? { quoted } : {}) });
  };

  const mentions = analysis.roster.bySentence[sentence.index] ?? [];
  // "District Attorney Bragg": a title inside a name is no role of anyone's.
  const inName = (span: RoleSpan) => mentions.some((m) => m.kind === 'name' && m.first <= span.last && m.last >= span.first);
  for (const span of roleSpans(tokens).filter((s) => !inName(s))) {
    // Walk back over modifiers ("her then boyfriend", "my good friend") to the word that says whose the role is.
    let d = span.first - 1;
    while (d >= 0 && ROLE_MODIFIERS.has(tokens[d]!.normal) && !/[,;:]/.test(tokens[d]!.post)) d--;
    const oneOf = tokens[d - 1]?.normal === 'of' && tokens[d - 2]?.normal === 'one' ? d - 2 : d + 1; // "one of my lawyers"
    let owner: Party | undefined;
    let start = d + 1;
    const det = tokens[d];
    if (det && POSSESSIVE_DETERMINERS.has(det.normal)) {
      owner = partyAt(analysis, sentence, d, asked) ?? ownerViaRoster(analysis, sentence, span, asked);
      start = d;
    } else if (det && det.tags.has('Possessive') && !/[,;:]/.test(det.post)) {
      owner = partyAt(analysis, sentence, d, asked);
      start = nameStart(analysis, sentence, d);
    }
    // "Mr. Costello, the attorney that you were speaking with", "Dave, the builder I hired": a relative clause says whose.
    let relative = false;
    if (!owner && det?.normal === 'the' && !span.plural) {
      const k = RELATIVES.has(tokens[span.last + 1]?.normal ?? '') ? span.last + 2 : span.last + 1;
      const subject = partyAt(analysis, sentence, k, asked);
      const verb = tokens[k + 1];
      if (subject?.kind === 'speaker' && verb && verb.tags.has('Verb') && !/[,.;:!?]/.test(tokens[k]!.post)) {
        owner = subject;
        start = d;
        relative = true;
      }
    }
    let end = span.last + 1;
    // "a client of yours", "a friend of mine", "the attorney for Mr. Trump"
    if (!owner && ['of', 'for'].includes(tokens[end]?.normal ?? '')) {
      const after = tokens[end + 1];
      if (after && OF_OWNERS.has(after.normal)) owner = partyAt(analysis, sentence, end + 1, asked) ?? ofOwner(after.normal, analysis, sentence, end + 1, asked);
      else owner = personAt(analysis, sentence, end + 1);
      if (owner) end = lastOfParty(analysis, sentence, end + 1) + 1;
    }
    // "you also had a client named Shera Bechard", "Jay has a brother", "Ms. Daniels got new counsel"
    let had = false;
    const v = ['a', 'an', 'another'].includes(tokens[d]?.normal ?? '') ? d - 1 : d;
    if (!owner && v >= 0) {
      const verb = tokens[v];
      if (verb && GAINING.has(verb.normal)) {
        let s = v - 1;
        while (s >= 0 && (tokens[s]!.tags.has('Adverb') || tokens[s]!.tags.has('Auxiliary'))) s--;
        owner = s >= 0 ? partyAt(analysis, sentence, s, asked) : undefined;
        had = owner !== undefined;
      }
    }
    // "we are buddies", "you and Michael Cohen are buddies", "Jay and James are brothers"
    if (!owner && span.plural) {
      const pair = pluralSubject(analysis, sentence, d, asked);
      if (pair) add(pair[0], pair[1], span.word, span.roleClass, stanceIn(tokens, d, span.last + 1), [pair[2], span.last]);
      continue;
    }
    if (!owner) continue;
    const stance = stanceIn(tokens, Math.min(start, oneOf), span.last + 1, true);

    // Who has the role: a name after it ("my attorney, Keith Davidson"), before it ("Jeffrey Levine, my lawyer"), or
    // the subject of a copula ("Mike is my publicist", "He was Gina's lawyer").
    let other: Party | undefined;
    let at = end;
    if (NAMED_AS.has(tokens[at]?.normal ?? '')) at++;
    // "my co-creator of the National Diversity Coalition, Pastor Darrell Scott"
    if (owner && tokens[at]?.normal === 'of' && !OF_OWNERS.has(tokens[at + 1]?.normal ?? '')) {
      let k = at;
      while (k < Math.min(tokens.length, at + 8) && !/,/.test(tokens[k]!.post) && !/[.;:!?]/.test(tokens[k]!.post)) k++;
      if (/,/.test(tokens[k]?.post ?? '')) at = k + 1;
    }
    const next = span.plural || relative ? undefined : personAt(analysis, sentence, at);
    if (next && !/[.;:!?]/.test(tokens[end - 1]!.post)) other = next;
    if (!other && !span.plural && start > 0 && /,/.test(tokens[start - 1]!.post)) other = personAt(analysis, sentence, nameStart(analysis, sentence, start - 1));
    // "Mr. Costello earlier today, the attorney that you were speaking with": past a few words that are no verb.
    if (!other && relative && start > 0 && /,/.test(tokens[start - 1]!.post)) {
      for (let k = start - 2; k >= Math.max(0, start - 4) && !other && !tokens[k]!.tags.has('Verb') && !/[,.;:!?]/.test(tokens[k]!.post); k--) {
        other = personAt(analysis, sentence, nameStart(analysis, sentence, k));
      }
    }
    // "my then publicist. His name was Mike."
    if (!other && !asked && owner.kind === 'speaker') other = nameNext(analysis, sentence);
    if (!other && !had) {
      let c = Math.min(start, oneOf) - 1;
      // "he was acting as my attorney", "Lanny served as my lawyer"
      if (tokens[c]?.normal === 'as' && ACTING.has(tokens[c - 1]?.normal ?? '')) c = COPULAS.has(tokens[c - 2]?.normal ?? '') ? c - 2 : c - 1;
      // Past articles and adverbs: "was previously my publicist", "is not really my friend".
      while (c >= 0 && (['a', 'an', 'the', 'just', 'only', 'also', 'still', 'really', 'then', 'not', 'never', 'always', "n't", 'once', 'actually', 'in', 'fact'].includes(tokens[c]!.normal) || (tokens[c]!.tags.has('Adverb') && !/[,;:]/.test(tokens[c]!.post)) || TIME_ADVERBS.has(tokens[c]!.normal)) && !COPULAS.has(tokens[c]!.normal)) c--;
      if (c >= 0 && (COPULAS.has(tokens[c]!.normal) || tokens[c]!.tags.has('Copula') || ACTING.has(tokens[c]!.normal))) {
        let s = c - 1;
        while (s >= 0 && (tokens[s]!.tags.has('Auxiliary') || tokens[s]!.tags.has('Adverb') || tokens[s]!.tags.has('Negative'))) s--;
        // A contraction keeps the subject in the token of the hidden copula ("he's" → he + is).
        // A surname the roster left out of the name ("David Lane") still ends the subject.
        while (s > 0 && !partyAt(analysis, sentence, s, asked) && /^\p{Lu}/u.test(tokens[s]!.text) && s > c - 3) s--;
        other = partyAt(analysis, sentence, s, asked);
      }
      // "Was Daniel Price your client?", "Is Kelly your friend?": the subject follows the copula in a question.
      if (!other && start > 0) {
        const first = nameStart(analysis, sentence, start - 1);
        const copula = tokens[first - 1];
        if (copula && (COPULAS.has(copula.normal) || copula.tags.has('Copula')) && first < start) other = personAt(analysis, sentence, first);
      }
      // "my attorney was Keith Davidson"
      if (!other && (COPULAS.has(tokens[end]?.normal ?? '') || tokens[end]?.tags.has('Copula'))) other = personAt(analysis, sentence, afterSomeone(tokens, end + 1));
    }
    if (!other) {
      // A question puts only who it names: "Who is your lawyer?", "Did Mason's social worker know?" name nobody; a
      // follow-up may name them ("Jay has a brother, correct?" "Yes." "Named James?").
      if (asked) {
        const quote: Quote = { sentence: sentence.index, start: tokens[Math.min(start, oneOf)]!.start, end: tokens[span.last]!.end };
        if (stance) relations.push({ owner, other: { kind: 'unnamed', phrase: span.word }, label: span.word, roleClass: span.roleClass, stance, quotes: [quote], open: span });
        continue;
      }
      // Without a name, only a partner or another adult's family is a relationship: "his wife", "Jay has a brother"; the
      // speaker's and the child's own family are not, nor a professional nobody names ("my attorney told me", "they
      // contacted your lawyer"): there is no one to look into.
      if (!['partner', 'relative'].includes(span.roleClass) || relative) continue;
      if (span.roleClass === 'relative' && (owner.kind !== 'person' || analysis.roster.people[owner.id]!.personClass === 'child')) continue;
      if (had && span.roleClass !== 'relative') continue;
      other = rosterPerson(analysis, sentence, span) ?? { kind: 'unnamed', phrase: `${ownerPhrase(analysis, owner)} ${span.word}` };
    }
    add(owner, other, span.word, span.roleClass, stance, [Math.min(start, oneOf), Math.max(span.last, end - 1)]);
  }

  for (let i = 0; i < tokens.length; i++) {
    let last = -1;
    const frame = VERB_FRAMES.find((f) => (last = frameEnd(tokens, i, f.words)) >= 0);
    if (!frame) continue;
    // A noun frame ("a reciprocal referral relationship with Gina") may have modifiers before it.
    const nounFrame = tokens[i]!.tags.has('Noun') && !tokens[i]!.tags.has('Verb');
    const subject = subjectBefore(analysis, sentence, i, asked, nounFrame);
    let object = objectAfter(analysis, sentence, last + 1, asked);
    // "we were now dating": we are the speaker and whoever the talk is about.
    if (!object && subject?.kind === 'speaker' && !asked && weBefore(tokens, i)) object = topicOf(analysis, sentence, i);
    // "your relationship with Dylan benefited your practice": an owned noun frame is a given, not what is put or denied.
    const owned = nounFrame && POSSESSIVE_DETERMINERS.has(tokens[i - 1]?.normal ?? '');
    const ended = endedIn(tokens, clauseStart(tokens, i), last + 1);
    const stance = owned || ended ? 'stated' : stanceIn(tokens, i, last + 1);
    const label = ended ? `${frame.label} (ended)` : frame.label;
    const roleClass = PARTNER_FRAMES.has(frame.label) ? 'partner' : 'verb';
    // "You and I have never spoken or met", "I've never met you": the other side is whoever is asking.
    const intransitive = /[,.;:!?]/.test(tokens[last]!.post) || !tokens[last + 1] || !['Noun', 'Determiner', 'Possessive'].some((tag) => tokens[last + 1]!.tags.has(tag));
    const toAsker = asked ? intransitive && (weBefore(tokens, i) || youAndI(tokens, i)) : SECOND_PERSON.has(tokens[last + 1]?.normal ?? '');
    if (frame.denialOnly && !object && toAsker && stance === 'denied' && !insideQuotes(sentence, tokens[i]!.start)) {
      // The asker is named by the speaker label even when a question "puts only what it names".
      const quote: Quote = { sentence: sentence.index, start: tokens[i]!.start, end: tokens[last]!.end };
      relations.push({ owner: { kind: 'speaker' }, other: asker(analysis, sentence), label, roleClass, stance, quotes: [quote], denialOnly: true });
      i = last;
      continue;
    }
    // "Do you know someone named Anthony Mills?" "I do.": knowing someone by name is an acquaintance.
    const end = objectEnd(analysis, sentence, last + 1, asked);
    if (frame.denialOnly && ACQUAINTED.has(tokens[i]!.normal) && stance === 'stated' && object?.kind === 'person' && (subject?.kind === 'speaker')) {
      const after = tokens[end + 1];
      if (/[,.;:!?]/.test(tokens[end]!.post) || !after || ACQUAINTED_AFTER.has(after.normal)) {
        add(subject, object, relationships.acquainted.label, roleClass, stance, [i, end]);
        i = last;
        continue;
      }
    }
    if (frame.denialOnly) {
      // Only the interviewee's own "I've never met him" or "I never knew her"; not "I haven't spoken to him in months",
      // "I don't really know him" or "I didn't know her last name", nor whether two others have met. A question ("Have
      // you met him?") waits for its answer.
      const said = tokens.slice(clauseStart(tokens, i), last + 1);
      const ever = said.some((t) => t.normal === 'never' || t.normal === 'ever');
      const speaks = subject?.kind === 'speaker' || object?.kind === 'speaker';
      if (!speaks || (!asked && (stance !== 'denied' || !ever || (UNSURE.has(tokens[i]!.normal) && !said.some((t) => t.normal === 'never'))))) continue;
    }
    const before = relations.length;
    add(subject, object, label, roleClass, stance, [i, objectEnd(analysis, sentence, last + 1, asked)], frame.denialOnly);
    if (owned && relations.length > before) relations[relations.length - 1]!.given = true;
    i = last;
  }
  return relations;
}

// "you and I" just before the verb, across auxiliaries and adverbs: "You and I have never spoken".
function youAndI(tokens: Token[], at: number): boolean {
  let k = at - 1;
  // Across auxiliaries, adverbs and a verb joined by "or" ("have never spoken or met").
  const across = (t: Token) => BRIDGE_TAGS.some((tag) => t.tags.has(tag)) || ['or', 'have', 'has', 'had'].includes(t.normal) || (t.tags.has('Verb') && tokens[tokens.indexOf(t) + 1]?.normal === 'or');
  while (k >= 0 && across(tokens[k]!) && !['i', 'me'].includes(tokens[k]!.normal)) k--;
  return ['i', 'me'].includes(tokens[k]?.normal ?? '') && tokens[k - 1]?.normal === 'and' && tokens[k - 2]?.normal === 'you';
}

// Who asks: the examining lawyer the header names ("MR. BLANCHE"), the interviewer's label, found on the roster by
// surname where it can be; in an answer, whoever asked the turn before.
function asker(analysis: Analysis, sentence: Sentence): Party {
  let utterance = sentence.utterance;
  if (sentence.role === 'interviewee') {
    const before = lastInterviewerSentence(analysis, sentence.index);
    if (before) utterance = before.utterance;
  }
  // A bare "Q" names nobody.
  const label = utterance.questioner ?? (utterance !== sentence.utterance || sentence.role === 'interviewer' ? utterance.speaker : undefined);
  if (!label || label.replace(/[^\p{L}]/gu, '').length <= 2) return { kind: 'unnamed', phrase: 'the interviewer' };
  const surname = label.split(/\s+/).pop()!.replace(/[^\p{L}'-]/gu, '').toLowerCase();
  const person = analysis.roster.people.find((p) => p.name.toLowerCase().split(/\s+/).pop() === surname);
  return person ? { kind: 'person', id: person.id } : { kind: 'unnamed', phrase: label };
}

// Where a frame's words end if they start at i, or -1; "*" stands for a few words of the same clause ("worked on the
// deal with Kevin").
function frameEnd(tokens: Token[], i: number, words: string[]): number {
  let k = i;
  for (let w = 0; w < words.length; w++) {
    if (words[w] !== '*') {
      if (tokens[k]?.normal !== words[w]) return -1;
      k++;
      continue;
    }
    const want = words[w + 1];
    let j = k;
    let gap = 0;
    // A dash aside ("on that —— what should I call it —— deal") is not counted.
    while (j < tokens.length && gap < 8 && tokens[j]!.normal !== want && !/[.;:!?]/.test(tokens[j]!.post)) {
      if (!/^[-—–]+$/.test(tokens[j]!.normal)) gap++;
      j++;
    }
    if (tokens[j]?.normal !== want || j === k) return -1;
    k = j;
  }
  return k - 1;
}

function weBefore(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    if (tokens[k]!.normal === 'we') return true;
    if (!bridges(tokens[k]!)) return false;
  }
  return false;
}

// The two people a plural copula's subject names, and where it starts: "we" (the speaker and the person talked about),
// "you and Michael Cohen", "Jay and James"; `d` is the word before the role's modifiers.
function pluralSubject(analysis: Analysis, sentence: Sentence, d: number, asked: boolean): [Party, Party, number] | undefined {
  const { tokens } = sentence;
  let c = d;
  while (c >= 0 && (tokens[c]!.tags.has('Adverb') || tokens[c]!.tags.has('Negative') || ['just', 'not', 'never', "n't", 'all'].includes(tokens[c]!.normal))) c--;
  if (c < 1 || !['are', 'were', "'re", 'be', 'been'].includes(tokens[c]!.normal) && !tokens[c]!.tags.has('Copula')) return undefined;
  let e = c - 1;
  while (e >= 0 && (tokens[e]!.tags.has('Auxiliary') || tokens[e]!.tags.has('Adverb'))) e--;
  if (e < 0) return undefined;
  if (tokens[e]!.normal === 'we' && !asked) {
    const topic = topicOf(analysis, sentence, e);
    return topic ? [{ kind: 'speaker' }, topic, e] : undefined;
  }
  const second = partyAt(analysis, sentence, e, asked);
  const startOfSecond = nameStart(analysis, sentence, e);
  if (!second || tokens[startOfSecond - 1]?.normal !== 'and') return undefined;
  const first = partyAt(analysis, sentence, startOfSecond - 2, asked);
  return first ? [first, second, nameStart(analysis, sentence, startOfSecond - 2)] : undefined;
}

// The person the talk is about: the last named earlier in the sentence, else in the turn or the question before it.
function topicOf(analysis: Analysis, sentence: Sentence, before: number): Party | undefined {
  const named = (index: number, limit = Infinity) =>
    (analysis.roster.bySentence[index] ?? []).filter((m) => m.kind === 'name' && m.last < limit).pop();
  let m = named(sentence.index, before);
  for (let i = sentence.index - 1; !m && i >= 0; i--) {
    if (sentence.utterance.index - analysis.sentences[i]!.utterance.index > 1) break;
    m = named(i);
  }
  return m ? { kind: 'person', id: m.personId } : undefined;
}

function ownerViaRoster(analysis: Analysis, sentence: Sentence, span: RoleSpan, asked: boolean): Party | undefined {
  const m = (analysis.roster.bySentence[sentence.index] ?? []).find((m) => m.kind === 'role' && m.first <= span.last && m.last >= span.first);
  if (typeof m?.possessor === 'number') return { kind: 'person', id: m.possessor };
  const det = sentence.tokens[span.first - 1]?.normal ?? '';
  if (['his', 'her', 'their'].includes(det)) return undefined;
  return m?.possessor === 'speaker' && (asked ? det === 'your' : det !== 'your') ? { kind: 'speaker' } : undefined;
}

// The roster's person for role words ("my husband"), so the clue joins the one the household words give.
function rosterPerson(analysis: Analysis, sentence: Sentence, span: RoleSpan): Party | undefined {
  const m = (analysis.roster.bySentence[sentence.index] ?? []).find((m) => m.kind === 'role' && m.first <= span.last && m.last >= span.first);
  return m ? { kind: 'person', id: m.personId } : undefined;
}

function ownerPhrase(analysis: Analysis, owner: Party): string {
  if (owner.kind === 'speaker') return 'the interviewee\'s';
  return `${partyName(analysis, owner)}'s`;
}

function ofOwner(word: string, _analysis: Analysis, _sentence: Sentence, _i: number, asked: boolean): Party | undefined {
  if (word === 'mine' || word === 'ours') return asked ? undefined : { kind: 'speaker' };
  if (word === 'yours') return asked ? { kind: 'speaker' } : undefined;
  return undefined;
}

// The person named at word i, looking past a title the roster left out of the name ("Pastor Darrell Scott").
function personAt(analysis: Analysis, sentence: Sentence, i: number): Party | undefined {
  const names = (analysis.roster.bySentence[sentence.index] ?? []).filter((m) => m.kind === 'name');
  let k = i;
  while (k < sentence.tokens.length && TITLES.has(sentence.tokens[k]!.normal.replace(/\.$/, '')) && !names.some((m) => m.first === k)) k++;
  const m = names.find((m) => m.first === k);
  return m ? { kind: 'person', id: m.personId } : undefined;
}

// Past "somebody named", "a man called": where the name itself starts.
function afterSomeone(tokens: Token[], at: number): number {
  for (const words of SOMEONE) {
    if (words.every((w, k) => tokens[at + k]?.normal === w) && NAMED_AS.has(tokens[at + words.length]?.normal ?? '')) return at + words.length + 1;
  }
  return at;
}

// Where the name holding word i starts, taking in a name just before it that the roster kept apart ("Gina" "Rodriguez's").
function nameStart(analysis: Analysis, sentence: Sentence, i: number): number {
  const mentions = (analysis.roster.bySentence[sentence.index] ?? []).filter((m) => m.kind === 'name');
  let first = mentions.find((m) => m.first <= i && i <= m.last)?.first ?? i;
  for (;;) {
    const before = mentions.find((m) => m.last === first - 1 && !/[,.;:!?]/.test(sentence.tokens[m.last]!.post));
    if (!before) return first;
    first = before.first;
  }
}

// A name given in the next sentence of the same turn: "His name was Mike", "Her name is Kelly".
function nameNext(analysis: Analysis, sentence: Sentence): Party | undefined {
  const next = analysis.sentences[sentence.index + 1];
  if (!next || next.utterance.index !== sentence.utterance.index) return undefined;
  const w = next.tokens.map((t) => t.normal);
  if (!['his', 'her', 'their'].includes(w[0] ?? '') || w[1] !== 'name' || !['is', 'was', "'s"].includes(w[2] ?? '')) return undefined;
  return personAt(analysis, next, 3);
}

function lastOfParty(analysis: Analysis, sentence: Sentence, i: number): number {
  return (analysis.roster.bySentence[sentence.index] ?? []).find((m) => m.first <= i && i <= m.last)?.last ?? i;
}

// The verb's subject: the nearest party before it, across auxiliaries and adverbs only ("I have never met", "you were, in fact, retained").
function subjectBefore(analysis: Analysis, sentence: Sentence, verb: number, asked: boolean, nounFrame = false): Party | undefined {
  const { tokens } = sentence;
  let k = verb - 1;
  let bridged = 0;
  while (k >= 0 && bridged < 6) {
    const party = partyAt(analysis, sentence, k, asked);
    if (party) return party;
    const t = tokens[k]!;
    if (/[,;:]/.test(t.post) && !['in', 'fact', 'essence', 'were', 'was'].includes(t.normal)) return undefined;
    const modifier = nounFrame && t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('ProperNoun');
    // "you continued to work with him", "she kept seeing him", "I stopped working for her"
    const aspect = CATENATIVES.has(t.normal) || (t.normal === 'to' && CATENATIVES.has(tokens[k - 1]?.normal ?? ''));
    const bridge = modifier || aspect || bridges(t) || ['in', 'fact', 'essence', 'had', 'have', 'has', 'ever', 'ultimately'].includes(t.normal);
    if (!bridge) return undefined;
    bridged++;
    k--;
  }
  return undefined;
}

function objectAfter(analysis: Analysis, sentence: Sentence, at: number, asked: boolean): Party | undefined {
  const k = objectStart(sentence, at);
  return partyAt(analysis, sentence, k, asked) ?? personAt(analysis, sentence, k);
}

function objectStart(sentence: Sentence, at: number): number {
  let k = afterSomeone(sentence.tokens, at);
  while (k < sentence.tokens.length && TITLES.has(sentence.tokens[k]!.normal.replace(/\.$/, '')) && k - at < 3) k++;
  return k;
}

function objectEnd(analysis: Analysis, sentence: Sentence, at: number, _asked: boolean): number {
  return lastOfParty(analysis, sentence, objectStart(sentence, at));
}

function isFamily(analysis: Analysis, party: Party): boolean {
  if (party.kind === 'speaker') return true;
  if (party.kind !== 'person') return false;
  const { personClass } = analysis.roster.people[party.id]!;
  return personClass === 'relative' || personClass === 'child';
}

function sameParty(a: Party, b: Party): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'person' && b.kind === 'person') return a.id === b.id;
  if (a.kind === 'unnamed' && b.kind === 'unnamed') return a.phrase === b.phrase;
  return true;
}
