import type { Person, PersonClass } from '../../types.js';
import { wholeWords, WORDS, type Lexicon, type RoleNoun } from '../lexicon.js';
import type { Roster } from './types.js';
import { groupByUtterance, type Sentence } from '../sentences.js';
import { HONORIFICS, isTitle } from './names.js';
import { matchLexiconWithNames, type LexiconMatches } from '../matches.js';

// An adult role someone was given in words ("my mate Deano") outweighs a child word a stray pronoun linked to them.
// The child's family outranks a partner role: "my ex-partner, Daniel, is Freddie's dad" is family.
const CLASS_PRIORITY: PersonClass[] = ['professional', 'relative', 'partner', 'household', 'friend', 'child', 'unknown'];

/** A role word said of a person: "his brother" is {brother, possessor: whoever "his" means}. */
export interface RoleAssertion {
  personId: number;
  role: RoleNoun;
  possessor: 'speaker' | number | undefined;
  viaPronoun: boolean;
}

/** The people the transcript shows to be children: child words, ages, school and nappies, and owners of parents. */
export function childrenIn(sentences: Sentence[], matches: LexiconMatches[], roster: Roster, assertions: RoleAssertion[], lexicon: Lexicon): Set<number> {
  const children = new Set<number>();
  // "Mr Hall", "Ms Clifford", "President Walsh": whoever is called by a title is an adult, whatever child word or child
  // cue stands near the name ("Mr. Pizza Boy", "watching Ms. Reyes on the news").
  const titled = new Set(
    roster.people
      .filter((p) => roster.byPerson[p.id]!.some((m) => m.kind === 'name' && isTitle(sentences[m.sentence]!.tokens[m.first]!, lexicon)))
      .map((p) => p.id),
  );
  for (const a of assertions) if (a.role.nounClass === 'child' && !titled.has(a.personId)) children.add(a.personId);
  const adultRoles = new Set([...titled, ...assertions.filter((a) => a.role.nounClass !== 'child' && a.role.nounClass !== 'vague').map((a) => a.personId)]);
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
    // Our name spans are better than compromise's own guesses; where compromise did not tag one of them Person, the
    // patterns are matched again with it tagged, so their #Person sees it, for the cues (cues.ts) as for these.
    const personTerms: number[] = [];
    let untagged = false;
    for (const m of mentions) {
      if (m.kind !== 'name') continue;
      const sentence = sentences[m.sentence]!;
      for (let i = m.first; i <= m.last; i++) {
        personTerms.push(sentence.firstTerm + i);
        untagged ||= !sentence.tokens[i]?.tags.has('Person');
      }
    }
    if (untagged) matches[utterance] = matchLexiconWithNames(own[0]!.utterance.text, personTerms, lexicon);
    for (const match of matches[utterance]!.childCues) {
      if (!isChildAge(match.text)) continue;
      for (const m of mentions) {
        // A pronoun marks a child only by an age ("he's thirteen"): "I took him to nursery" may resolve to the wrong "him".
        const byAge = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b/i.test(match.text);
        const named = m.kind === 'name' || (byAge && nameIds.has(m.personId));
        if (m.start < match.end && m.end > match.start && named && !adultRoles.has(m.personId)) {
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

/** Gives each person one class, from the roles said of them and whether they are a child. */
export function assignClasses(roster: Roster, assertions: RoleAssertion[], children: Set<number>, lexicon: Lexicon): void {
  const { people } = roster;
  const classes = new Map<number, Set<PersonClass>>(people.map((p) => [p.id, new Set()]));
  const family = (id: number) => children.has(id) || classes.get(id)!.has('relative');
  // Two rounds, so a relative of a relative ("my mum's dad") is family too.
  for (let round = 0; round < 2; round++) {
    for (const a of assertions) {
      const personClass = classOf(a, family, lexicon);
      // "Mr. Pizza Boy": a child word said of someone called by a title does not make them a child.
      if (personClass !== 'child' || !isTitled(people[a.personId]!)) classes.get(a.personId)!.add(personClass);
    }
  }
  for (const person of people) {
    const own = classes.get(person.id)!;
    if (children.has(person.id) && !own.has('professional')) own.add('child');
    if (own.size > 1) own.delete('unknown');
    person.personClass = CLASS_PRIORITY.find((c) => own.has(c)) ?? 'unknown';
  }
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

// Relatives who are adults: the speaker's or the child's parents and their generation (a brother or cousin may be a child).
const ADULT_KIN = wholeWords(WORDS.children.adultKin);

const TITLE_WORDS = new Set([...HONORIFICS, ...WORDS.titles.titles]);
// "Mr. Hall", "President Walsh": a name shown or written with a title before it.
const hasTitle = (name: string) => {
  const words = name.toLowerCase().replace(/\./g, '').split(/\s+/);
  return words.length > 1 && TITLE_WORDS.has(words[0]!);
};

/** Whether a person is called by a title anywhere ("Mr. Hall", "President Walsh"). */
export function isTitled(person: Person): boolean {
  return [person.name, ...person.aliases].some(hasTitle);
}

/**
 * Whether the transcript makes a person an adult: a partner, friend, lodger, professional, a parent-generation relative,
 * or anyone called by a title ("Mr. Hall", "President Walsh").
 */
export function isAdult(person: Person): boolean {
  if (person.personClass !== 'child' && isTitled(person)) return true;
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
