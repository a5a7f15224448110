import { isCalled, type Analysis } from '../analyse/index.js';
import { worse } from '../severity.js';
import type { Clue, Severity } from '../types.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { cuesAbout, intervieweeMentions, isAdultLayperson, isNamed, PRESENCE, quoteList } from './people.js';
import { relationGroups } from './relationship.js';

const PRESENCE_SEVERITY: Record<string, Severity> = {
  visit: 'warning',
  overnight: 'error',
  residence: 'error',
  care: 'error',
};

/** Adults in the child's life whose identity or role the interviewee never establishes. */
export const unexplainedAdult = defineDetector({
  meta: {
    id: 'unexplained-adult',
    kind: 'unexplained-adult',
    severity: 'warning',
    description:
      'An adult the interviewee mentions whose identity or role in the child\'s life is never established, ' +
      'or who is placed in the home or with the child (stays over, moved in, minds the baby) without that being explained. ' +
      'Severity rises from info (named, nothing more) to warning (visits) to error (stays, lives there, or cares for the child).',
    examples: {
      fires: [
        "SW: Who helps you out?\nMUM: There's Steven. He's just a friend.\nSW: And at the weekend?\nMUM: Steven came round and we had dinner here at mine.",
        'SW: Who else is around?\nMUM: My mate Jordan. He stays over most weekends and he watches the baby.',
        'SW: Does anyone else live with you?\nDAD: Well, there is the lodger. He pays rent for the back bedroom.',
      ],
      quiet: [
        'HV: Who helps you with him?\nMUM: My mum comes round on Wednesdays and his dad has him on Saturdays.',
        'SW: Who stays at the flat?\nMUM: My boyfriend Ashley stays over most nights.',
        "SW: Who do you talk to?\nMUM: My friend Hannah. She's never been to the flat.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const clues: Clue[] = [];
    const facts = analysis.facts;
    const { professionals, related } = explained(analysis);
    for (const person of analysis.roster.people) {
      if (!isAdultLayperson(person) || person.personClass === 'relative' || professionals.has(person.id)) continue;
      // The case record explains whoever it names as living there or known to the case, and so does the project's config.
      const onRecord = facts && [...facts.household, ...facts.known.map((k) => k.name)].some((name) => isCalled(person, name, analysis.lexicon));
      if (onRecord || analysis.known.some((k) => isCalled(person, k.name, analysis.lexicon))) continue;
      const offRecord = facts !== undefined;
      if (person.personClass === 'partner' && !offRecord) continue;
      const mentions = intervieweeMentions(analysis, person);
      if (mentions.length === 0) continue;
      let presence = cuesAbout(analysis, person.id, Object.keys(PRESENCE));
      const named = isNamed(analysis, person);
      const household = person.personClass === 'household';
      // Someone's relative ("Ashley's mum", "his brother Jason") is identified; only their place in the home is in question.
      const kinOfAdult = person.roles.length > 0 && person.personClass === 'unknown' && kinOnly(analysis, person.id);
      if (kinOfAdult) presence = presence.filter((c) => PRESENCE[c.type] !== 'visit');
      // Named with nothing more is a clue only when the interviewer asked who they are and got no role for an answer:
      // most names in an interview are children and family whose place is plain from the talk.
      // Someone whose relationship to the speaker or another is stated ("my agent", "Gina's lawyer") is identified.
      const askedWho = named && person.personClass === 'unknown' && !kinOfAdult && !related.has(person.id) && wasAskedWho(analysis, person.id);
      if (presence.length === 0 && !household && !askedWho && !offRecord) continue;

      const severity: Severity = household
        ? 'error'
        : presence.reduce<Severity>((worst, c) => worse(worst, PRESENCE_SEVERITY[PRESENCE[c.type]!]!), offRecord ? 'warning' : 'info');
      const first = mentions[0]!;
      const quotes: Quote[] = [{ sentence: first.sentence, start: first.start, end: first.end }];
      for (const cue of presence) quotes.push({ sentence: cue.sentence, start: cue.start, end: cue.end });
      clues.push(
        createClue(analysis, {
          meta: unexplainedAdult.meta,
          severity,
          who: person.name,
          message: explain(person.roles, presence.map((c) => c.text), household, offRecord && !askedWho),
          quotes,
        }),
      );
    }
    return clues;
  },
});

function explain(roles: string[], presence: string[], household: boolean, offRecord: boolean): string {
  const described = roles.length > 0 ? `only ever described as ${quoteList(roles)}` : 'never said to be anyone in the child\'s life';
  const record = offRecord ? '; not on the case record' : '';
  if (presence.length > 0) return `placed in the home or with the child (${quoteList(presence)}) but ${described}${record}`;
  if (household) return `lives in the home (${quoteList(roles)}) but who they are is never established${record}`;
  if (offRecord) return `not on the case record (${roles.length > 0 ? `described as ${quoteList(roles)}` : 'no role given'})`;
  return `named but ${described}`;
}

// Who the stated relationships identify: the holders of a professional role ("my attorney, Keith"), who are never
// unexplained adults, and everyone in a stated relationship, who is identified though not placed in the home.
function explained(analysis: Analysis): { professionals: Set<number>; related: Set<number> } {
  const professionals = new Set<number>();
  const related = new Set<number>();
  for (const group of relationGroups(analysis).values()) {
    for (const r of group) {
      if (r.stance !== 'stated') continue;
      // Known by their tie to the speaker or to someone named; "someone higher up's wife" is still nobody in particular.
      const known = (p: typeof r.owner) => p.kind === 'speaker' || (p.kind === 'person' && isNamed(analysis, analysis.roster.people[p.id]!));
      if (r.owner.kind === 'person' && known(r.other) && known(r.owner)) related.add(r.owner.id);
      if (r.other.kind === 'person' && known(r.owner) && known(r.other)) related.add(r.other.id);
      if (r.roleClass === 'professional' && r.other.kind === 'person') professionals.add(r.other.id);
    }
  }
  return { professionals, related };
}

function kinOnly(analysis: Analysis, personId: number): boolean {
  const roles = analysis.roster.byPerson[personId]!.filter((m) => m.kind === 'role');
  return roles.length > 0 && roles.every((m) => m.role?.nounClass === 'relative');
}

// "Who is Kayleigh?", "How do you know Dean?", "What is he to you?": the interviewer asked who someone is.
function wasAskedWho(analysis: Analysis, personId: number): boolean {
  return analysis.sentences.some((s) => {
    if (s.role !== 'interviewer' || !s.question) return false;
    if (!(analysis.roster.bySentence[s.index] ?? []).some((m) => m.personId === personId)) return false;
    const words = s.tokens.map((t) => t.normal);
    const knowAsked = words.includes('how') && words.includes('know');
    const whatTo = words.includes('what') && words.includes('to') && words.includes('you');
    return words.includes('who') || knowAsked || whatTo;
  });
}
