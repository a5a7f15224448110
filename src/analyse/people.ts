import type { Mention, Person, Speaker } from '../types.js';
import { positionAt } from '../position.js';
import { DEFAULT_LEXICON, WORDS, type Gender, type Lexicon, type RoleNoun } from './lexicon.js';
import { assignClasses, childrenIn, type RoleAssertion } from './people/classes.js';
import { NameBook } from './people/merge.js';
import { bare, displayName, HONORIFICS, isAka, isCaseless, nameParts, nameSpans, nameWeight, nameWords, type NameContext, type Span } from './people/names.js';
import { aliasOf, MENTION_REACH, PRONOUN_GENDER, resolvePronounAt } from './people/pronouns.js';
import { DETERMINERS, INDEFINITE, isGeneric, linkedPerson, roleSpans, type RoleSpan } from './people/roles.js';
import type { Sentence, SentenceSpan, Token } from './sentences.js';
import type { LexiconMatches } from './matches.js';

export { isAdult } from './people/classes.js';
export { isIdentified, unnamedActors, type UnnamedActor } from './people/unnamed.js';

// The roster is built in passes, each in its own module under people/: names (names.ts, merged by merge.ts), role
// words (roles.ts), pronouns (pronouns.ts), then classes (classes.ts) once every mention is known.

import type { PersonMention, Roster } from './people/types.js';

export type { PersonMention, Roster };

// In the interviewer's mouth "your" means the interviewee's own family, as "my" does in hers.
const SPEAKER_POSSESSIVES = new Set(['my', 'our', 'me', 'your']);
// Titles that make their bearer a professional ("Dr Patel", "PC Jones").
const PROFESSIONAL_TITLES = new Set(WORDS.titles.professionalHonorifics);
const TITLE_ROLE: RoleNoun = { word: 'professional title', nounClass: 'professional' };
const CALLS = new Set(['call', 'calls', 'called', 'calling']);
const NEW_REFERENT = new Set(['a', 'an', 'another', 'some']);

/** Finds the people a transcript mentions, merges aliases and resolves pronouns to them. */
export function buildRoster(sentences: Sentence[], matches: LexiconMatches[], speakers: Speaker[], lexicon: Lexicon): Roster {
  // A speaker named in the text ("Thanks, Mr Hall") is a party to the interview, not someone talked about.
  const speakerNames = new Set(speakers.flatMap((s) => s.label.toLowerCase().replace(/\./g, '').split(/\s+/)).filter((w) => !HONORIFICS.has(w)));
  const people: Person[] = [];
  const byKey = new Map<string, Person>();
  const assertions: RoleAssertion[] = [];
  const caseless = isCaseless(sentences);
  const { known, common } = nameWords(sentences, { lexicon, speakerNames, caseless });
  const nameContext: NameContext = { lexicon, speakerNames, known, common, caseless };
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
  // The mentions a pronoun may still reach (the last MENTION_REACH sentences'): kept short so that resolving each
  // pronoun costs the same on page 1 and page 1,000; `named` remembers everyone ever named, which the window forgets.
  const recent: PersonMention[] = [];
  const named = new Set<number>();
  let mentionCount = 0;
  const bySentence: PersonMention[][] = [];

  const newPerson = (name: string, gender?: Gender): Person => {
    const person: Person = { id: people.length, name, aliases: [], personClass: 'unknown', roles: [], mentions: [] };
    if (gender) person.gender = gender;
    people.push(person);
    return person;
  };

  for (const sentence of sentences) {
    const { tokens } = sentence;
    const reached = recent.findIndex((m) => sentence.index - m.sentence <= MENTION_REACH);
    recent.splice(0, reached === -1 ? recent.length : reached);
    const names = nameSpans(tokens, nameContext);
    const roles = roleSpans(tokens, names, lexicon);
    const pronouns = tokens
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => PRONOUN_GENDER[t.normal] !== undefined)
      .map(({ i }) => i);


    // The first sentence of an answer: the question just put, by someone else, is what its "he" most likely means.
    const previous = sentences[sentence.index - 1];
    const answering = previous !== undefined && previous.utterance.index === sentence.utterance.index - 1 && previous.utterance.speaker !== sentence.utterance.speaker && previous.question;
    const asked = answering ? questionSentences(sentences, previous) : undefined;
    const resolvePronoun = (i: number): Person | undefined => resolvePronounAt(tokens, i, sentence.index, recent, named, people, asked);

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
      // Written out, not spread from `m`: V8 gives every object made by `{ ...m, more }` here a hidden class of its own,
      // which kept a long transcript's mentions at several times their size.
      const mention: PersonMention = {
        kind: m.kind,
        first: m.first,
        last: m.last,
        sentence: sentence.index,
        start: first.start,
        end: last.end,
        text: sentence.utterance.text.slice(first.start, last.end),
        personId: person.id,
      };
      if (m.role) mention.role = m.role;
      if (m.phrase !== undefined) mention.phrase = m.phrase;
      if (m.possessor !== undefined) mention.possessor = m.possessor;
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
      if (mention.kind === 'name') named.add(mention.personId);
      lastSeen.set(person.id, ++mentionCount);
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
        // "a man approached me" … "a man in a suit": each "a man" brings in someone new; "the man", "that man" mean the last.
        const introduces = possessor === undefined && span.determiner !== undefined && NEW_REFERENT.has(tokens[span.determiner]!.normal);
        const vagueKey = `vague:${role.word}`;
        let person = linked ?? (introduces ? undefined : role.nounClass === 'vague' && possessor === undefined ? byKey.get(vagueKey) : byKey.get(key));
        if (!person) {
          person = newPerson(roleText.toLowerCase(), role.gender);
          if (role.nounClass === 'vague' && possessor === undefined) byKey.set(vagueKey, person);
        }
        if ((introduces && !linked) || (!byKey.has(key) && role.nounClass !== 'vague')) byKey.set(key, person);
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
  assignClasses(roster, assertions, childrenIn(sentences, matches, roster, assertions, lexicon), lexicon);
  return roster;
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

// The sentences of the turn that ends with `last`, walked back from it: a scan of every sentence for each answer would
// make the roster quadratic in the transcript.
function questionSentences(sentences: readonly Sentence[], last: Sentence): Set<number> {
  const own = new Set<number>();
  for (let k = last.index; k >= 0 && sentences[k]!.utterance.index === last.utterance.index; k--) own.add(k);
  return own;
}
