import type { Analysis, PersonMention } from '../analyse/index.js';
import type { Clue, Person } from '../types.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { cuesAbout, intervieweeMentions, isAdultLayperson, isNamed, quoteList } from './people.js';

/** Relationships the interviewee states, denies or implies, one clue per person and stance. */
export const relationship = defineDetector({
  meta: {
    id: 'relationship',
    kind: 'relationship',
    severity: 'info',
    description:
      'A relationship the interviewee states (boyfriend, ex, lodger, "his brother"), denies ("just a friend", ' +
      '"we\'re not together") or implies through romantic detail. Denials are warnings: they are what later words contradict.',
    examples: {
      fires: [
        "SW: Who is Steven?\nTRACEY: He's just a friend. We're not in a relationship.",
        "SW: Who lives with you?\nGEMMA: Me and Lily, and my boyfriend Ashley's round most nights.",
        "SW: Who lives there?\nDAD: Gary, he's the lodger. His brother Jason stays in the box room.",
      ],
      quiet: [
        'HV: Who helps?\nMUM: My mum, my sister Kelly, and his dad has him on Saturdays.',
        "SW: How are things with the girls' dad?\nMUM: Fine. We're not together, obviously, but we get on.",
        "SW: Anything nice this month?\nMUM: The kids made me a Valentine's card at nursery.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const clues: Clue[] = [];
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
      const add = (severity: Clue['severity'], quotes: Quote[], message: string) =>
        clues.push(createClue(analysis, { meta: relationship.meta, severity, who: person.name, message, quotes }));

      if (stated.length > 0) {
        const roles = stated.map((m) => describeRole(analysis, m));
        add('info', stated.map(quoteOf), `stated: ${quoteList(roles)}`);
      }
      if (denials.length > 0) {
        add('warning', denials.map(quoteOf), `relationship denied: ${quoteList(denials.map((d) => d.text))}`);
      }
      if (romance.length > 0) {
        add('info', romance.map(quoteOf), `romantic relationship implied: ${quoteList(romance.map((r) => r.text))}`);
      }
    }
    return clues.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

function quoteOf(span: { sentence: number; start: number; end: number }): Quote {
  return { sentence: span.sentence, start: span.start, end: span.end };
}

// Role words that say what a person is to someone: partner, friend, lodger, or kin of another adult.
function statedRoles(analysis: Analysis, person: Person, denied: ReadonlyArray<readonly [number, number, number]>): PersonMention[] {
  const named = isNamed(analysis, person);
  const insideDenial = (m: PersonMention) => denied.some(([s, start, end]) => s === m.sentence && m.start < end && m.end > start);
  return intervieweeMentions(analysis, person).filter((m) => {
    if (m.kind !== 'role' || !m.role || insideDenial(m)) return false;
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
