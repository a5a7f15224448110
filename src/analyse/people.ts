import type { Mention, Person, PersonClass, Speaker } from '../types.js';
import { positionAt } from '../parse/position.js';
import { DEFAULT_LEXICON, type Gender, type Lexicon, type RoleNoun } from './lexicon.js';
import { groupByUtterance, type Sentence, type Token } from './sentences.js';
import type nlp from 'compromise';
import { NameBook } from './people/merge.js';
import { bare, displayName, HONORIFICS, isAka, isFormOfAddress, nameParts, nameSpans, nameWeight, nameWords, type NameContext, type Span } from './people/names.js';

type View = ReturnType<typeof nlp>;

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
  /** For role words, the words with their determiner: `my mate`, `the lodger`. */
  phrase?: string;
  /** For role words: whose they are (`my mum` → speaker; `his brother` → the person `his` means). */
  possessor?: 'speaker' | number;
  personId: number;
}

/** The people of a transcript and every place each is mentioned. */
export interface Roster {
  people: Person[];
  /** Mentions per sentence index, in word order. */
  bySentence: PersonMention[][];
  /** Mentions per person id, in transcript order. */
  byPerson: PersonMention[][];
}

const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
};
// In the interviewer's mouth "your" means the interviewee's own family, as "my" does in hers.
const SPEAKER_POSSESSIVES = new Set(['my', 'our', 'me', 'your']);
// Titles that make their bearer a professional ("Dr Patel", "PC Jones").
const PROFESSIONAL_TITLES = new Set(['dr', 'pc', 'dc', 'ds', 'sgt']);
const TITLE_ROLE: RoleNoun = { word: 'professional title', nounClass: 'professional' };
const COPULA_FILLERS = new Set(['just', 'only', 'like', 'really', 'basically', 'more', 'not', 'never', 'kind', 'of', 'sort', 'a', 'bit']);
// How far back (in sentences) a pronoun may reach for the person it means.
const PRONOUN_REACH = 12;
const EXACT_GENDER_REACH = 4;
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const INDEFINITE = new Set(['someone', 'somebody', 'person']);
const CALLS = new Set(['call', 'calls', 'called', 'calling']);

// An adult role someone was given in words ("my mate Deano") outweighs a child word a stray pronoun linked to them.
// The child's family outranks a partner role: "my ex-partner, Daniel, is Freddie's dad" is family.
const CLASS_PRIORITY: PersonClass[] = ['professional', 'relative', 'partner', 'household', 'friend', 'child', 'unknown'];

/** Finds the people a transcript mentions, merges aliases and resolves pronouns to them. */
export function buildRoster(sentences: Sentence[], docs: View[], speakers: Speaker[], lexicon: Lexicon): Roster {
  // A speaker named in the text ("Thanks, Mr Hall") is a party to the interview, not someone talked about.
  const speakerNames = new Set(speakers.flatMap((s) => s.label.toLowerCase().replace(/\./g, '').split(/\s+/)).filter((w) => !HONORIFICS.has(w)));
  const people: Person[] = [];
  const byKey = new Map<string, Person>();
  const assertions: RoleAssertion[] = [];
  const { known, common } = nameWords(sentences, { lexicon, speakerNames });
  const nameContext: NameContext = { lexicon, speakerNames, known, common };
  const lastSeen = new Map<number, number>();
  const book = new NameBook(lexicon, (id) => {
    const p = people[id]!;
    return { mentions: p.mentions.length, last: lastSeen.get(id) ?? -1, ...(p.gender ? { gender: p.gender } : {}) };
  });
  // People who have been called by a name, as opposed to only by role words.
  const namedIds = new Set<number>();
  // How each name mention shows its person's name, and the people who were named before any role word was used of them.
  const formOf = new Map<PersonMention, NameForm>();
  const namedFirst = new Set<Person>();
  // Pairs of people found apart who are one: [a, b].
  const sameAs: Array<[number, number]> = [];
  const recent: PersonMention[] = [];
  const bySentence: PersonMention[][] = [];

  const newPerson = (name: string, gender?: Gender): Person => {
    const person: Person = { id: people.length, name, aliases: [], personClass: 'unknown', roles: [], mentions: [] };
    if (gender) person.gender = gender;
    people.push(person);
    return person;
  };

  for (const sentence of sentences) {
    const { tokens } = sentence;
    const names = nameSpans(tokens, nameContext);
    const roles = roleSpans(tokens, names, lexicon);
    const pronouns = tokens
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => PRONOUN_GENDER[t.normal] !== undefined)
      .map(({ i }) => i);

    const resolvePronoun = (i: number): Person | undefined => {
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
      const ownClause = new Set(recent.filter((m) => m.sentence === sentence.index && m.first < i && sameClause(m)).map((m) => m.personId));
      // In the same sentence the nearest fitting person wins ("Kai's wary, he's thirteen").
      for (let k = recent.length - 1; k >= 0 && recent[k]!.sentence === sentence.index; k--) {
        const m = recent[k]!;
        const p = people[m.personId]!;
        // "my cousin's fortieth… he came back": an owner of unknown gender is a weak antecedent.
        const weak = p.gender === undefined && tokens[m.last]!.tags.has('Possessive');
        if (m.first < i && fits(p) && !weak && !ownClause.has(m.personId)) return learn(p);
      }
      // Across sentences, the first fitting person of the latest sentence that has one, so the subject of a question is
      // who "he" in the answer means ("has Craig looked after Tyler?" "No, he's never…"); a sure gender match first.
      const earlier = recent.filter((m) => m.sentence !== sentence.index && sentence.index - m.sentence <= PRONOUN_REACH);
      for (const test of [(p: Person) => p.gender === gender, fits]) {
        const reach = test === fits ? PRONOUN_REACH : EXACT_GENDER_REACH;
        const candidates = earlier.filter((m) => sentence.index - m.sentence <= reach && test(people[m.personId]!) && !ownClause.has(m.personId));
        const latest = candidates[candidates.length - 1]?.sentence;
        const first = candidates.find((m) => m.sentence === latest);
        if (first) return learn(people[first.personId]);
      }
      return undefined;
    };

    // Pass 1: names become people, merged by full name, surname, first name or nickname (see NameBook).
    const namePerson = new Map<number, Person>();
    const nameForms = new Map<number, NameForm>();
    for (const [k, span] of names.entries()) {
      const parts = nameParts(tokens, span, lexicon);
      const found = book.find(parts);
      // "Peggy Peterson a/k/a Stephanie Clifford": a second name for the person just named.
      const previous = names[k - 1];
      const aka = previous && isAka(tokens, previous, span) ? namePerson.get(previous.first) : undefined;
      if (aka && found !== undefined && found !== aka.id) sameAs.push([aka.id, found]);
      let person = aka ?? (found === undefined ? undefined : people[found]) ?? aliasOf(tokens, span.first, resolvePronoun);
      const text = spanText(sentence, span).replace(/['’]s$/i, '');
      const shown = displayName((a, b) => spanText(sentence, { first: a, last: b }), tokens, span, lexicon);
      if (!person) {
        person = newPerson(shown, nameGender(tokens, span));
        namedFirst.add(person);
      }
      const fuller = book.add(person.id, parts, nameWeight(parts));
      // A role word's person ("the lodger… I knew him as Stu") keeps the role as its name unless the name is longer.
      const named = namedIds.has(person.id);
      if (shown !== person.name && !aka && (named ? fuller : shown.length > person.name.length)) {
        if (!person.aliases.includes(person.name)) person.aliases.push(person.name);
        person.name = shown;
      }
      namedIds.add(person.id);
      for (const variant of [text, shown]) if (variant !== person.name && !person.aliases.includes(variant)) person.aliases.push(variant);
      namePerson.set(span.first, person);
      nameForms.set(span.first, { shown, weight: nameWeight(parts) });
      if (PROFESSIONAL_TITLES.has(bare(tokens[span.first]!).replace(/\.$/, ''))) {
        assertions.push({ personId: person.id, role: TITLE_ROLE, possessor: undefined, viaPronoun: false });
      }
    }

    // Pass 2: walk mentions in word order so pronouns see only what came before them.
    const mentions: PersonMention[] = [];
    // `from` widens the quoted words to a role's determiner ("his mate") without moving the mention's first word.
    const pushMention = (
      m: Omit<PersonMention, 'sentence' | 'start' | 'end' | 'text' | 'personId'>,
      person: Person,
      from = m.first,
    ): PersonMention => {
      const first = tokens[from]!;
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
      person.introducedBy ??= sentence.role;
      mentions.push(mention);
      recent.push(mention);
      lastSeen.set(person.id, recent.length);
      return mention;
    };

    const events = [
      ...names.map((s) => ({ at: s.first, kind: 'name' as const, span: s })),
      ...roles.map((s) => ({ at: s.first, kind: 'role' as const, span: s })),
      ...pronouns.filter((i) => !roles.some((r) => r.determiner === i)).map((i) => ({ at: i, kind: 'pronoun' as const, span: { first: i, last: i } })),
    ].sort((a, b) => a.at - b.at);

    for (const event of events) {
      if (event.kind === 'name') {
        const mention = pushMention({ kind: 'name', first: event.span.first, last: event.span.last }, namePerson.get(event.span.first)!);
        formOf.set(mention, nameForms.get(event.span.first)!);
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
          } else {
            // "her mum's sister": the owner is the person an earlier role word in this sentence named.
            const ownerMention = mentions.find((m) => m.kind === 'role' && m.last === span.determiner);
            if (ownerMention) {
              owner = people[ownerMention.personId]!;
              possessor = owner.id;
            }
          }
        }
        // Apposition ("his brother Jason", "Kelly, my friend") or copula ("he's just a friend") names the person.
        const link = linkedPerson(tokens, span, mentions, names, namePerson);
        const linked = link === undefined ? undefined : people[link.id];
        if (!linked && possessor === undefined && isGeneric(tokens, span)) continue;
        // "Is there someone who helps?": a question's someone is nobody yet.
        if (INDEFINITE.has(role.word) && sentence.role === 'interviewer') continue;
        const roleText = sentence.utterance.text
          .slice(tokens[span.determiner ?? span.first]!.start, tokens[span.last]!.end)
          .replace(/['’]s$/i, '');
        // "his dad", "her dad": whoever "his" resolves to, it is nearly always the child's parent, so one person.
        const parentOfChild = lexicon.parentWords.has(role.word) && owner !== undefined && !namePerson.has(span.determiner!);
        const key = parentOfChild ? `child:${role.word}` : `${possessor ?? 'the'}:${role.word}`;
        let person = linked ?? (role.nounClass === 'vague' && possessor === undefined ? byKey.get(`vague:${role.word}`) : byKey.get(key));
        if (!person) {
          person = newPerson(roleText.toLowerCase(), role.gender);
          if (role.nounClass === 'vague' && possessor === undefined) byKey.set(`vague:${role.word}`, person);
        }
        if (!byKey.has(key) && role.nounClass !== 'vague') byKey.set(key, person);
        // A role word's gender ("boyfriend") is surer than a guess from the name (Ashley).
        if (role.gender) person.gender = role.gender;
        if (!person.roles.includes(roleText.toLowerCase()) && !['someone', 'somebody', 'person'].includes(role.word)) {
          person.roles.push(roleText.toLowerCase());
        }
        // "He calls him Uncle Marcus": a courtesy title, not a relation.
        const courtesy = CALLS.has(tokens[span.first - 2]?.normal ?? '') || CALLS.has(tokens[span.first - 1]?.normal ?? '');
        // "He's not my fella": the mention is his, the role is denied.
        if (!courtesy && !link?.negated) assertions.push({ personId: person.id, role, possessor, viaPronoun: owner !== undefined && !namePerson.has(span.determiner!) });
        const mention = pushMention({ kind: 'role', first: span.first, last: span.last, role }, person, span.determiner ?? span.first);
        if (possessor !== undefined) mention.possessor = possessor;
        mention.phrase = roleText;
      }
    }
    bySentence.push(mentions);
  }

  const merged = mergeSame(people, bySentence, assertions, [...sameAs, ...book.partials()]);
  const byPerson: PersonMention[][] = merged.map(() => []);
  for (const m of bySentence.flat()) byPerson[m.personId]!.push(m);
  for (const person of merged) if (namedFirst.has(person)) nameByUse(person, byPerson[person.id]!, formOf);
  const roster = { people: merged, bySentence, byPerson };
  assignClasses(roster, assertions, childrenIn(sentences, docs, roster, assertions, lexicon), lexicon);
  return roster;
}

interface RoleSpan extends Span {
  role: RoleNoun;
  determiner?: number;
}

const DETERMINERS = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'the', 'a', 'an', 'this', 'that', 'some', 'me']);

function roleSpans(tokens: Token[], names: Span[], lexicon: Lexicon): RoleSpan[] {
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

function spanText(sentence: Sentence, span: Span): string {
  return sentence.utterance.text.slice(sentence.tokens[span.first]!.start, sentence.tokens[span.last]!.end);
}

function nameGender(tokens: Token[], span: Span): Gender | undefined {
  const words = tokens.slice(span.first, span.last + 1);
  const title = bare(words[0]!).replace(/\.$/, '');
  if (title === 'mr') return 'male';
  if (['mrs', 'ms', 'miss'].includes(title)) return 'female';
  if (words.some((t) => t.tags.has('MaleName') && !t.tags.has('FemaleName'))) return 'male';
  if (words.some((t) => t.tags.has('FemaleName') && !t.tags.has('MaleName'))) return 'female';
  return undefined;
}

// "a boy like him", "every girl's dream", "a guy like that": words used of nobody in particular.
function isGeneric(tokens: Token[], span: RoleSpan): boolean {
  const det = span.determiner === undefined ? undefined : tokens[span.determiner]!.normal;
  if (tokens[span.last + 1]?.normal === 'like' || det === 'every' || det === 'any') return true;
  // "someone who listens", "someone to talk to", "someone else".
  if (INDEFINITE.has(span.role.word) && ['who', 'that', 'to', 'else', 'like'].includes(tokens[span.last + 1]?.normal ?? '')) return true;
  // A child word needs "the"/"this"/"that" or an owner to mean a particular child.
  return span.role.nounClass === 'child' && !['the', 'this', 'that'].includes(det ?? '');
}

function linkedPerson(
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
    const negated = tokens.slice(j + 1, start).some((t) => t.tags.has('Negative') || t.normal === 'not' || t.normal === 'never');
    if (subject) return { id: subject.personId, negated };
  }
  return undefined;
}

interface NameForm {
  shown: string;
  weight: number;
}

// A person goes by the full name used of them most ("Stormy Daniels", not the "Peggy Peterson" of one contract), or
// failing a full name the fullest; the other names stay as aliases.
function nameByUse(person: Person, mentions: PersonMention[], formOf: Map<PersonMention, NameForm>): void {
  const uses = new Map<string, { count: number; weight: number; order: number }>();
  mentions.forEach((m, order) => {
    const form = formOf.get(m);
    if (!form) return;
    const use = uses.get(form.shown) ?? { count: 0, weight: form.weight, order };
    use.count++;
    uses.set(form.shown, use);
  });
  const ranked = [...uses].sort(([, a], [, b]) => {
    const full = Number(b.weight >= 2) - Number(a.weight >= 2);
    return full || (a.weight >= 2 ? b.count - a.count : 0) || b.weight - a.weight || a.order - b.order;
  });
  const best = ranked[0]?.[0];
  if (!best || best === person.name) return;
  person.aliases = [person.name, ...person.aliases.filter((a) => a !== best && a !== person.name)];
  person.name = best;
}

/** Folds each pair's people into one (the more mentioned keeps its name), renumbering ids everywhere they are used. */
function mergeSame(people: Person[], bySentence: PersonMention[][], assertions: RoleAssertion[], pairs: Array<[number, number]>): Person[] {
  if (pairs.length === 0) return people;
  const parent = people.map((p) => p.id);
  const root = (id: number): number => (parent[id] === id ? id : (parent[id] = root(parent[id]!)));
  for (const [a, b] of pairs) {
    const [ra, rb] = [root(a), root(b)];
    if (ra === rb) continue;
    const keep = people[ra]!.mentions.length >= people[rb]!.mentions.length ? ra : rb;
    parent[keep === ra ? rb : ra] = keep;
  }
  const order = (m: Mention) => m.utterance * 1e6 + m.line * 1e3 + m.column;
  for (const person of people) {
    const into = people[root(person.id)]!;
    if (into === person) continue;
    for (const alias of [person.name, ...person.aliases]) if (alias !== into.name && !into.aliases.includes(alias)) into.aliases.push(alias);
    if (person.mentions[0] && into.mentions[0] && order(person.mentions[0]) < order(into.mentions[0]) && person.introducedBy) into.introducedBy = person.introducedBy;
    into.mentions.push(...person.mentions);
    for (const role of person.roles) if (!into.roles.includes(role)) into.roles.push(role);
    if (!into.gender && person.gender) into.gender = person.gender;
  }
  const kept = people.filter((p) => root(p.id) === p.id);
  const newId = new Map(kept.map((p, i) => [p.id, i]));
  const remap = (id: number) => newId.get(root(id))!;
  for (const m of bySentence.flat()) {
    m.personId = remap(m.personId);
    if (typeof m.possessor === 'number') m.possessor = remap(m.possessor);
  }
  for (const a of assertions) {
    a.personId = remap(a.personId);
    if (typeof a.possessor === 'number') a.possessor = remap(a.possessor);
  }
  kept.forEach((p, i) => {
    p.id = i;
    p.mentions.sort((x, y) => order(x) - order(y));
  });
  return kept;
}

/** A role word said of a person: "his brother" is {brother, possessor: whoever "his" means}. */
interface RoleAssertion {
  personId: number;
  role: RoleNoun;
  possessor: 'speaker' | number | undefined;
  viaPronoun: boolean;
}

/** The people the transcript shows to be children: child words, ages, school and nappies, and owners of parents. */
function childrenIn(sentences: Sentence[], docs: View[], roster: Roster, assertions: RoleAssertion[], lexicon: Lexicon): Set<number> {
  const children = new Set<number>();
  for (const a of assertions) if (a.role.nounClass === 'child') children.add(a.personId);
  const adultRoles = new Set(assertions.filter((a) => a.role.nounClass !== 'child' && a.role.nounClass !== 'vague').map((a) => a.personId));
  const nameIds = new Set(roster.people.filter((p) => roster.byPerson[p.id]!.some((m) => m.kind === 'name')).map((p) => p.id));
  // "Riley's dad", "does Lily see her dad": whoever has a parent is a child, unless they have an adult role of their own.
  for (const a of assertions) {
    if (typeof a.possessor === 'number' && lexicon.parentWords.has(a.role.word) && nameIds.has(a.possessor) && !adultRoles.has(a.possessor)) {
      children.add(a.possessor);
    }
  }
  for (const [utterance, own] of groupByUtterance(sentences)) {
    const mentions = own.flatMap((s) => roster.bySentence[s.index] ?? []);
    if (mentions.length === 0) continue;
    // Our name spans are better than compromise's own guesses; tag them so the cue patterns' #Person sees them.
    const terms = docs[utterance]!.termList() as Array<{ tags: Set<string> }>;
    for (const m of mentions) {
      if (m.kind !== 'name') continue;
      const firstTerm = sentences[m.sentence]!.firstTerm;
      for (let i = m.first; i <= m.last; i++) terms[firstTerm + i]?.tags.add('Person');
    }
    const matches = docs[utterance]!.match(lexicon.childCues).json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
    for (const match of matches) {
      if (!isChildAge(match.text)) continue;
      const end = match.offset.start + match.offset.length;
      for (const m of mentions) {
        // A pronoun marks a child only by an age ("he's thirteen"): "I took him to nursery" may resolve to the wrong "him".
        const byAge = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b/i.test(match.text);
        const named = m.kind === 'name' || (byAge && nameIds.has(m.personId));
        if (m.start < end && m.end > match.offset.start && named && !adultRoles.has(m.personId)) {
          children.add(m.personId);
        }
      }
    }
  }
  // "Callum and Mia": a name joined by "and" to a child's name is a child too.
  for (const sentence of sentences) {
    const names = (roster.bySentence[sentence.index] ?? []).filter((m) => m.kind === 'name');
    for (let k = 0; k + 1 < names.length; k++) {
      const [a, b] = [names[k]!, names[k + 1]!];
      const between = sentence.tokens.filter((t) => t.start >= a.end && t.end <= b.start);
      if (between.length !== 1 || between[0]!.normal !== 'and') continue;
      if (children.has(a.personId) && !adultRoles.has(b.personId)) children.add(b.personId);
      if (children.has(b.personId) && !adultRoles.has(a.personId)) children.add(a.personId);
    }
  }
  return children;
}

// Ages of 18 and over are adults; a cue with no number says nothing about age.
function isChildAge(text: string): boolean {
  const digits = text.match(/\b(\d+)\b/);
  return !digits || Number(digits[1]) < 18 || /months|weeks/i.test(text);
}

function assignClasses(roster: Roster, assertions: RoleAssertion[], children: Set<number>, lexicon: Lexicon): void {
  const { people } = roster;
  const classes = new Map<number, Set<PersonClass>>(people.map((p) => [p.id, new Set()]));
  const family = (id: number) => children.has(id) || classes.get(id)!.has('relative');
  // Two rounds, so a relative of a relative ("my mum's dad") is family too.
  for (let round = 0; round < 2; round++) {
    for (const a of assertions) classes.get(a.personId)!.add(classOf(a, family, lexicon));
  }
  for (const person of people) {
    const own = classes.get(person.id)!;
    if (children.has(person.id) && !own.has('professional')) own.add('child');
    if (own.size > 1) own.delete('unknown');
    person.personClass = CLASS_PRIORITY.find((c) => own.has(c)) ?? 'unknown';
  }
}

// "I only knew him as Stu", "he's called Stu", "his name's Stu": the name is another name for the person "him" means.
function aliasOf(tokens: Token[], at: number, resolve: (i: number) => Person | undefined): Person | undefined {
  const w = (k: number) => tokens[k]?.normal ?? '';
  const pronounAt = (k: number) => (PRONOUN_GENDER[w(k)] ? k : undefined);
  let pronoun: number | undefined;
  if (w(at - 1) === 'as') pronoun = pronounAt(at - 2);
  else if (w(at - 1) === 'called' || w(at - 1) === 'named') pronoun = pronounAt(at - 2) ?? pronounAt(at - 3);
  else if (isCopula(tokens[at - 1] ?? ({ tags: new Set(), normal: '', text: 'x' } as unknown as Token)) && w(at - 2) === 'name') pronoun = pronounAt(at - 3);
  return pronoun === undefined ? undefined : resolve(pronoun);
}

// compromise reads "He's my fiancé" as "he has"; a hidden 's before a role word is "is" all the same.
function isCopula(token: Token): boolean {
  return token.tags.has('Copula') || (token.text === '' && token.normal === 'has') || ['is', 'was', 'are', 'were'].includes(token.normal);
}

function classOf(a: RoleAssertion, family: (id: number) => boolean, lexicon: Lexicon): PersonClass {
  const { role, possessor } = a;
  if (role.nounClass === 'vague') {
    return possessor === 'speaker' && ['bloke', 'fella', 'man', 'guy'].includes(role.word) ? 'partner' : 'unknown';
  }
  // "Tayla's friend Poppy": a child's friend is a child.
  if (role.nounClass === 'friend' && typeof possessor === 'number' && family(possessor) && !a.viaPronoun) return 'child';
  if (role.nounClass === 'relative' && typeof possessor === 'number') {
    // The child's or the family's relative is family; another adult's relative ("his brother") says nothing of their place here.
    if (family(possessor) || (a.viaPronoun && lexicon.parentWords.has(role.word))) return 'relative';
    return 'unknown';
  }
  return role.nounClass;
}

/** Whether a name from outside the transcript (a case record) is this person: same first name, nickname (by `lexicon`) or surname. */
export function isCalled(person: Person, name: string, lexicon: Lexicon = DEFAULT_LEXICON): boolean {
  const norm = (w: string) => {
    const word = w.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}-]/gu, '');
    return lexicon.nicknames.get(word) ?? word;
  };
  // "Uncle Rob" on a record is Rob; "the lodger" stays "lodger", having no name to go by.
  const nameWords = (text: string): string[] => {
    const words = text.split(/\s+/).map(norm).filter((w) => w && !HONORIFICS.has(w) && !DETERMINERS.has(w));
    const names = words.filter((w) => !lexicon.roleNouns.has(w));
    return names.length > 0 ? names : words;
  };
  const wanted = nameWords(name);
  if (wanted.length === 0) return false;
  return [person.name, ...person.aliases].some((known) => {
    const words = nameWords(known);
    return words.length > 0 && (words[0] === wanted[0] || (words.length > 1 && wanted.length > 1 && words[words.length - 1] === wanted[wanted.length - 1]));
  });
}

// Relatives who are adults: the speaker's or the child's parents and their generation (a brother or cousin may be a child).
const ADULT_KIN = /\b(mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|aunt|auntie|aunty|uncle|step|in-law|godmother|godfather|parents|grandparents|baby (daddy|father|mum|mother))\b/;

/** Whether the transcript makes a person an adult: a partner, friend, lodger, professional, or a parent-generation relative. */
export function isAdult(person: Person): boolean {
  switch (person.personClass) {
    case 'partner':
    case 'friend':
    case 'household':
    case 'professional':
      return true;
    case 'relative':
      return person.roles.some((r) => ADULT_KIN.test(r.toLowerCase())) || ADULT_KIN.test(person.name.toLowerCase());
    default:
      return false;
  }
}
