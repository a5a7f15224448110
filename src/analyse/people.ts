import type { Mention, Person, PersonClass, Speaker } from '../types.js';
import { positionAt } from '../parse/position.js';
import { LONGEST_ROLE, NICKNAMES, NOT_PEOPLE, ROLE_NOUNS, type Gender, type RoleNoun } from './lexicon.js';
import type { Sentence, Token } from './sentences.js';

/** A span of a sentence that refers to a person, resolved to that person when it could be. */
export interface PersonMention {
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  kind: 'name' | 'role' | 'pronoun';
  role?: RoleNoun;
  /** For role words: whose they are (`my mum` → speaker; `his brother` → the person `his` means). */
  possessor?: 'speaker' | number;
  personId: number;
}

/** The people of a transcript and every place each is mentioned. */
export interface Roster {
  people: Person[];
  /** Mentions per sentence index, in word order. */
  bySentence: PersonMention[][];
}

const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
};
// In the interviewer's mouth "your" means the interviewee's own family, as "my" does in hers.
const SPEAKER_POSSESSIVES = new Set(['my', 'our', 'me', 'your']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx']);
const NON_NAME_TAGS = ['Pronoun', 'Date', 'Month', 'WeekDay', 'Place', 'Organization', 'Value', 'Holiday'];
const COPULA_FILLERS = new Set(['just', 'only', 'like', 'really', 'basically', 'more', 'not', 'never', 'kind', 'of', 'sort', 'a', 'bit']);
// How far back (in sentences) a pronoun may reach for the person it means.
const PRONOUN_REACH = 12;

const CLASS_PRIORITY: PersonClass[] = ['professional', 'child', 'relative', 'partner', 'household', 'friend', 'unknown'];

/** Finds the people a transcript mentions, merges aliases and resolves pronouns to them. */
export function buildRoster(sentences: Sentence[], speakers: Speaker[]): Roster {
  const speakerNames = new Set(speakers.flatMap((s) => [s.label.toLowerCase(), s.label.toLowerCase().split(/\s+/)[0]!]));
  const people: Person[] = [];
  const byKey = new Map<string, Person>();
  const classesOf = new Map<number, Set<PersonClass>>();
  const recent: PersonMention[] = [];
  const bySentence: PersonMention[][] = [];

  const newPerson = (name: string, gender?: Gender): Person => {
    const person: Person = { id: people.length, name, aliases: [], personClass: 'unknown', roles: [], mentions: [] };
    if (gender) person.gender = gender;
    people.push(person);
    classesOf.set(person.id, new Set());
    return person;
  };

  for (const sentence of sentences) {
    const { tokens } = sentence;
    const names = nameSpans(tokens, speakerNames);
    const roles = roleSpans(tokens, names);
    const pronouns = tokens
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => PRONOUN_GENDER[t.normal] !== undefined)
      .map(({ i }) => i);

    // Pass 1: names become people, merged by first name, nickname or surname.
    const namePerson = new Map<number, Person>();
    for (const span of names) {
      const keys = nameKeys(tokens, span);
      let person = keys.map((k) => byKey.get(k)).find((p) => p !== undefined);
      const text = spanText(sentence, span).replace(/['’]s$/i, '');
      if (!person) person = newPerson(text, nameGender(tokens, span));
      else if (text.length > person.name.length && !HONORIFICS.has(person.name.toLowerCase())) {
        if (!person.aliases.includes(person.name)) person.aliases.push(person.name);
        person.name = text;
      }
      if (text !== person.name && !person.aliases.includes(text)) person.aliases.push(text);
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, person);
      namePerson.set(span.first, person);
    }

    // Pass 2: walk mentions in word order so pronouns see only what came before them.
    const mentions: PersonMention[] = [];
    const pushMention = (m: Omit<PersonMention, 'sentence' | 'start' | 'end' | 'text' | 'personId'>, person: Person): PersonMention => {
      const first = tokens[m.first]!;
      const last = tokens[m.last]!;
      const mention: PersonMention = {
        ...m,
        sentence: sentence.index,
        start: first.start,
        end: last.end,
        text: sentence.utterance.text.slice(first.start, last.end),
        personId: person.id,
      };
      const pos = positionAt(sentence.utterance, first.start);
      const record: Mention = {
        utterance: sentence.utterance.index,
        line: pos.line,
        column: pos.column,
        text: mention.text,
        speaker: sentence.utterance.speaker,
        pronoun: m.kind === 'pronoun',
      };
      person.mentions.push(record);
      mentions.push(mention);
      recent.push(mention);
      return mention;
    };
    const resolvePronoun = (i: number): Person | undefined => {
      const gender = PRONOUN_GENDER[tokens[i]!.normal]!;
      for (let k = recent.length - 1; k >= 0; k--) {
        const m = recent[k]!;
        if (sentence.index - m.sentence > PRONOUN_REACH) break;
        const p = people[m.personId]!;
        if (p.gender === undefined || p.gender === gender) return p;
      }
      return undefined;
    };

    const events = [
      ...names.map((s) => ({ at: s.first, kind: 'name' as const, span: s })),
      ...roles.map((s) => ({ at: s.first, kind: 'role' as const, span: s })),
      ...pronouns.filter((i) => !roles.some((r) => r.determiner === i)).map((i) => ({ at: i, kind: 'pronoun' as const, span: { first: i, last: i } })),
    ].sort((a, b) => a.at - b.at);

    for (const event of events) {
      if (event.kind === 'name') {
        pushMention({ kind: 'name', first: event.span.first, last: event.span.last }, namePerson.get(event.span.first)!);
      } else if (event.kind === 'pronoun') {
        const person = resolvePronoun(event.at);
        if (person) pushMention({ kind: 'pronoun', first: event.at, last: event.at }, person);
      } else {
        const span = event.span as RoleSpan;
        const role = span.role;
        let possessor: 'speaker' | number | undefined;
        let owner: Person | undefined;
        if (span.determiner !== undefined) {
          const det = tokens[span.determiner]!;
          if (SPEAKER_POSSESSIVES.has(det.normal)) possessor = 'speaker';
          else if (PRONOUN_GENDER[det.normal]) {
            owner = resolvePronoun(span.determiner);
            if (owner) possessor = owner.id;
          } else if (namePerson.has(span.determiner)) {
            owner = namePerson.get(span.determiner)!;
            possessor = owner.id;
          }
        }
        // Apposition ("his brother Jason", "Kelly, my friend") or copula ("he's just a friend") names the person.
        const linkedId = linkedPerson(tokens, span, mentions, names, namePerson);
        const linked = linkedId === undefined ? undefined : people[linkedId];
        if (!linked && possessor === undefined && isGeneric(tokens, span)) continue;
        const roleText = sentence.utterance.text.slice(tokens[span.determiner ?? span.first]!.start, tokens[span.last]!.end);
        const key = `${possessor ?? 'the'}:${role.word}`;
        let person = linked ?? (role.nounClass === 'vague' && possessor === undefined ? byKey.get(`vague:${role.word}`) : byKey.get(key));
        if (!person) {
          person = newPerson(roleText.toLowerCase(), role.gender);
          if (role.nounClass === 'vague' && possessor === undefined) byKey.set(`vague:${role.word}`, person);
        }
        if (!byKey.has(key) && role.nounClass !== 'vague') byKey.set(key, person);
        if (person.gender === undefined && role.gender) person.gender = role.gender;
        if (!person.roles.includes(roleText.toLowerCase()) && !['someone', 'somebody', 'person'].includes(role.word)) {
          person.roles.push(roleText.toLowerCase());
        }
        classesOf.get(person.id)!.add(classOf(role, possessor, people));
        const mention = pushMention({ kind: 'role', first: span.determiner ?? span.first, last: span.last, role }, person);
        if (possessor !== undefined) mention.possessor = possessor;
      }
    }
    bySentence.push(mentions);
  }

  for (const person of people) person.personClass = CLASS_PRIORITY.find((c) => classesOf.get(person.id)!.has(c)) ?? 'unknown';
  return { people, bySentence };
}

interface Span {
  first: number;
  last: number;
}
interface RoleSpan extends Span {
  role: RoleNoun;
  determiner?: number;
}

const DETERMINERS = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'the', 'a', 'an', 'this', 'that', 'some', 'me']);

function bare(token: Token): string {
  return token.normal.replace(/['’]s$/, '');
}

function isNameToken(token: Token, speakerNames: Set<string>): boolean {
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (!token.tags.has('Person') && !token.tags.has('ProperNoun')) return false;
  if (NON_NAME_TAGS.some((t) => token.tags.has(t)) && !token.tags.has('Person')) return false;
  if (token.tags.has('Pronoun')) return false;
  const word = bare(token);
  if (NOT_PEOPLE.has(word) || ROLE_NOUNS.has(word) || speakerNames.has(word)) return false;
  return true;
}

function nameSpans(tokens: Token[], speakerNames: Set<string>): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const honorific = HONORIFICS.has(tokens[i]!.normal.replace(/\.$/, '')) && /^\p{Lu}/u.test(tokens[i]!.text);
    if (!honorific && !isNameToken(tokens[i]!, speakerNames)) continue;
    let last = i;
    while (last + 1 < tokens.length && !/[,.;:!?]/.test(tokens[last]!.post) && isNameToken(tokens[last + 1]!, speakerNames)) last++;
    if (honorific && last === i) continue;
    spans.push({ first: i, last });
    i = last;
  }
  return spans;
}

function roleSpans(tokens: Token[], names: Span[]): RoleSpan[] {
  const spans: RoleSpan[] = [];
  const inName = (i: number) => names.some((s) => i >= s.first && i <= s.last);
  for (let i = 0; i < tokens.length; i++) {
    if (inName(i)) continue;
    for (let n = Math.min(LONGEST_ROLE, tokens.length - i); n >= 1; n--) {
      const words = tokens.slice(i, i + n);
      if (n > 1 && words.slice(0, -1).some((t) => /[,.;:!?]/.test(t.post))) continue;
      const phrase = words.map(bare).join(' ');
      const role = ROLE_NOUNS.get(phrase);
      if (!role) continue;
      const span: RoleSpan = { first: i, last: i + n - 1, role };
      const before = tokens[i - 1];
      if (before && (DETERMINERS.has(before.normal) || (before.tags.has('Possessive') && inName(i - 1)))) span.determiner = i - 1;
      spans.push(span);
      i += n - 1;
      break;
    }
  }
  return spans;
}

function spanText(sentence: Sentence, span: Span): string {
  return sentence.utterance.text.slice(sentence.tokens[span.first]!.start, sentence.tokens[span.last]!.end);
}

function nameKeys(tokens: Token[], span: Span): string[] {
  const words = tokens.slice(span.first, span.last + 1).map((t) => bare(t).replace(/\.$/, ''));
  if (HONORIFICS.has(words[0]!)) return [`surname:${words[words.length - 1]}`];
  const first = words[0]!;
  const keys = [`name:${NICKNAMES[first] ?? first}`];
  if (words.length > 1) keys.push(`surname:${words[words.length - 1]}`);
  return keys;
}

function nameGender(tokens: Token[], span: Span): Gender | undefined {
  const words = tokens.slice(span.first, span.last + 1);
  if (words.some((t) => t.tags.has('MaleName') && !t.tags.has('FemaleName'))) return 'male';
  if (words.some((t) => t.tags.has('FemaleName') && !t.tags.has('MaleName'))) return 'female';
  const honorific = bare(words[0]!);
  if (honorific === 'mr') return 'male';
  if (['mrs', 'ms', 'miss'].includes(honorific)) return 'female';
  return undefined;
}

// "a boy like him", "every girl's dream", "a guy like that": words used of nobody in particular.
function isGeneric(tokens: Token[], span: RoleSpan): boolean {
  const det = span.determiner === undefined ? undefined : tokens[span.determiner]!.normal;
  if (tokens[span.last + 1]?.normal === 'like' || det === 'every' || det === 'any') return true;
  // A child word needs "the"/"this"/"that" or an owner to mean a particular child.
  return span.role.nounClass === 'child' && !['the', 'this', 'that'].includes(det ?? '');
}

function linkedPerson(
  tokens: Token[],
  span: RoleSpan,
  earlier: PersonMention[],
  names: Span[],
  namePerson: Map<number, Person>,
): number | undefined {
  const start = span.determiner ?? span.first;
  // "his brother Jason"
  const after = names.find((n) => n.first === span.last + 1);
  if (after && !/[.;:!?]/.test(tokens[span.last]!.post)) return namePerson.get(after.first)?.id;
  // "Jason, his brother" / "Jason my brother"
  const before = names.find((n) => n.last === start - 1);
  if (before && !/[.;:!?]/.test(tokens[before.last]!.post) && !tokens[before.last]!.tags.has('Possessive')) {
    return namePerson.get(before.first)?.id;
  }
  // "he's just a friend", "Dave is a mate of mine"
  let i = start - 1;
  while (i >= 0 && COPULA_FILLERS.has(tokens[i]!.normal) && !tokens[i]!.tags.has('Copula')) i--;
  if (i >= 0 && tokens[i]!.tags.has('Copula')) {
    let j = i - 1;
    while (j >= 0 && (tokens[j]!.tags.has('Adverb') || tokens[j]!.tags.has('Negative'))) j--;
    // A contraction keeps the subject in the token before the hidden copula ("he's" → he + is).
    const subject = earlier.filter((m) => m.last === j || m.last === i).pop();
    if (subject) return subject.personId;
  }
  return undefined;
}

function classOf(role: RoleNoun, possessor: 'speaker' | number | undefined, people: Person[]): PersonClass {
  if (role.nounClass === 'vague') {
    return possessor === 'speaker' && ['bloke', 'fella', 'man', 'guy'].includes(role.word) ? 'partner' : 'unknown';
  }
  if (role.nounClass === 'relative' && typeof possessor === 'number') {
    // The child's relative is family; another adult's relative ("his brother") says nothing of their place here.
    return people[possessor]!.personClass === 'child' || classIsChild(people[possessor]!) ? 'relative' : 'unknown';
  }
  return role.nounClass;
}

function classIsChild(person: Person): boolean {
  return person.roles.some((r) => ROLE_NOUNS.get(r.split(' ').slice(-1)[0]!)?.nounClass === 'child');
}
