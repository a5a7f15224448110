import { isAssertion, type Analysis, type Cue, type VerbClaim } from '../analyse/index.js';
import type { Clue, Person, Severity } from '../types.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { PRESENCE, cuesAbout, groupBy, isAdultLayperson, quoteList } from './people.js';

/** Places where the same speaker asserts something and elsewhere undermines it. */
export const contradiction = defineDetector({
  meta: {
    id: 'contradiction',
    kind: 'contradiction',
    severity: 'error',
    description:
      'The same speaker says two things that cannot both be true: a denied relationship against romantic detail or ' +
      'co-residence; "no one else lives here" against an adult who stays; "haven\'t seen him since" against a later visit; ' +
      'or a person who did not do something and then did. Each clue cites both lines.',
    examples: {
      fires: [
        "SW: Tell me about Steven.\nTRACEY: He's just a friend.\nSW: What did you do on Valentine's Day?\nTRACEY: Steven came round and we had a Valentine's dinner here at mine.",
        "SW: Who lives at the house?\nSHELLEY: It's just me and the kids.\nSW: And Jordan?\nSHELLEY: He stays over three or four nights a week.",
        "SW: When did you last see Lee?\nMUM: I haven't seen him since Christmas.\nSW: Has he been round?\nMUM: Well, Lee popped round last week.",
      ],
      quiet: [
        'SW: Who comes round?\nMUM: My friend Kelly comes round on Fridays. She stayed over once.',
        'SW: Who lives there?\nMUM: Just me and the baby.\nSW: Anyone stay over?\nMUM: No, nobody stays.',
        "SW: Does Dave come round?\nMUM: He doesn't come round. If he came round I'd tell you.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const found: Clue[] = [];
    const seen = new Set<string>();
    const add = (clue: Clue) => {
      const key = clue.lines.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      found.push(clue);
    };
    for (const person of analysis.roster.people.filter(isAdultLayperson)) {
      for (const clue of deniedButClose(analysis, person)) add(clue);
      for (const clue of notSeenButSeen(analysis, person)) add(clue);
    }
    for (const clue of nobodyElse(analysis)) add(clue);
    for (const person of analysis.roster.people.filter(isAdultLayperson)) for (const clue of presenceFlips(analysis, person)) add(clue);
    for (const clue of negationFlips(analysis)) add(clue);
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

const CLOSE = ['romance', 'overnight', 'residence'];

function speakerOf(analysis: Analysis, sentence: number): string {
  return analysis.sentences[sentence]!.utterance.speaker;
}

function quote(span: { sentence: number; start: number; end: number }): Quote {
  return { sentence: span.sentence, start: span.start, end: span.end };
}

/** Builds a two-sided contradiction: `claims` made, `against` undermining them; the clue sits on the later side. */
function conflict(
  analysis: Analysis,
  who: string,
  claims: Quote[],
  against: Quote[],
  message: string,
  severity?: Severity,
): Clue {
  const quotes = [...claims, ...against].sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  const firstClaim = claims[0]!.sentence;
  // The clue points at the statement that comes second: the first undermining words after the claim, else the claim.
  const later = against.find((q) => q.sentence > firstClaim) ?? claims[claims.length - 1]!;
  const at = quotes.indexOf(later);
  return createClue(analysis, { meta: contradiction.meta, who, message, quotes, at, ...(severity ? { severity } : {}) });
}

function lineOf(analysis: Analysis, q: Quote): number {
  return analysis.sentences[q.sentence]!.utterance.line;
}

function deniedButClose(analysis: Analysis, person: Person): Clue[] {
  const clues: Clue[] = [];
  const denials = cuesAbout(analysis, person.id, ['denial']);
  const bySpeaker = groupBy(denials, (d) => speakerOf(analysis, d.sentence));
  for (const [speaker, own] of bySpeaker) {
    const close = cuesAbout(analysis, person.id, CLOSE).filter(
      (c) => speakerOf(analysis, c.sentence) === speaker && !own.some((d) => d.sentence === c.sentence && overlaps(d, c)),
    );
    const partnerWords = analysis.roster.byPerson[person.id]!.filter(
      (m) =>
        m.role?.nounClass === 'partner' &&
        speakerOf(analysis, m.sentence) === speaker &&
        !own.some((d) => d.sentence === m.sentence && overlaps(d, m)),
    );
    const against = [...close, ...partnerWords].filter((q) => !own.some((d) => d.sentence === q.sentence));
    if (against.length === 0) continue;
    const what = quoteList(against.map((a) => a.text));
    clues.push(
      conflict(
        analysis,
        person.name,
        own.map(quote),
        against.map(quote),
        `denies a relationship (${quoteList(own.map((d) => d.text), 2)}) but also says ${what}`,
      ),
    );
  }
  return clues;
}

function notSeenButSeen(analysis: Analysis, person: Person): Clue[] {
  const clues: Clue[] = [];
  for (const claim of cuesAbout(analysis, person.id, ['notSeen'])) {
    const speaker = speakerOf(analysis, claim.sentence);
    const contact = cuesAbout(analysis, person.id, [...Object.keys(PRESENCE), 'romance']).filter(
      (c) => c.sentence !== claim.sentence && speakerOf(analysis, c.sentence) === speaker,
    );
    if (contact.length === 0) continue;
    clues.push(
      conflict(
        analysis,
        person.name,
        [quote(claim)],
        contact.map(quote),
        `says "${claim.text}" but also ${quoteList(contact.map((c) => c.text))}`,
      ),
    );
  }
  return clues;
}

function nobodyElse(analysis: Analysis): Clue[] {
  const clues: Clue[] = [];
  const claims = analysis.cues.filter(
    (c) => (c.type === 'nobodyElseHome' || c.type === 'nobodyElseCare') && analysis.sentences[c.sentence]!.role === 'interviewee',
  );
  // "No one else lives here. Nobody else has him." said together is one claim; each adult against it is one clue.
  for (const group of groupBy(claims, (c) => analysis.sentences[c.sentence]!.utterance.index).values()) {
    const speaker = speakerOf(analysis, group[0]!.sentence);
    const types = new Set(group.flatMap((c) => (c.type === 'nobodyElseHome' ? ['overnight', 'residence'] : ['care', 'carerAfter', 'carerInside'])));
    const claimed = new Set(group.map((c) => c.sentence));
    const against: Array<Quote & { personId: number; text: string }> = analysis.cues
      .filter((c) => types.has(c.type) && c.personId !== undefined)
      .map((c) => ({ ...quote(c), personId: c.personId!, text: c.text }));
    // A lodger lives in the home by definition.
    if (types.has('residence')) {
      for (const m of analysis.roster.byPerson.flat()) {
        if (m.role?.nounClass === 'household') against.push({ ...quote(m), personId: m.personId, text: m.text });
      }
    }
    const relevant = against.filter(
      (c) =>
        !claimed.has(c.sentence) &&
        speakerOf(analysis, c.sentence) === speaker &&
        isAdultLayperson(analysis.roster.people[c.personId]!),
    );
    for (const [personId, cues] of groupBy(relevant, (c) => c.personId)) {
      const who = analysis.roster.people[personId]!.name;
      const said = quoteList(group.map((c) => c.text), 2);
      clues.push(conflict(analysis, who, group.map(quote), cues.map(quote), `says ${said} but ${who}: ${quoteList(cues.map((c) => c.text))}`));
    }
  }
  return clues;
}

function negationFlips(analysis: Analysis): Clue[] {
  const clues: Clue[] = [];
  const byKey = new Map<string, VerbClaim[]>();
  for (const claim of analysis.claims) {
    // About another person, the verb alone decides ("her dad's shouted at her" / "her dad's never shouted"): objects are
    // often pronouns resolved differently. About the speaker, the object must match ("I never left her with Dave").
    const object = claim.subject === 'speaker' ? (claim.object ?? '-') : '*';
    const key = [speakerOf(analysis, claim.sentence), claim.subject, claim.verb, object].join('|');
    const earlier = byKey.get(key) ?? [];
    const flipped = earlier.find((e) => e.negative !== claim.negative);
    if (flipped) {
      const who = personName(analysis, typeof claim.object === 'number' ? claim.object : claim.subject);
      const [neg, pos] = flipped.negative ? [flipped, claim] : [claim, flipped];
      clues.push(
        conflict(
          analysis,
          who,
          [sentenceQuote(analysis, flipped.sentence)],
          [sentenceQuote(analysis, claim.sentence)],
          `says "${analysis.sentences[neg.sentence]!.text}" and also "${analysis.sentences[pos.sentence]!.text}"`,
          'warning',
        ),
      );
      byKey.set(key, []);
      continue;
    }
    earlier.push(claim);
    byKey.set(key, earlier);
  }
  return clues;
}

// "He never stays over" against "he stayed over Saturday": the same kind of presence, denied and then described.
function presenceFlips(analysis: Analysis, person: Person): Clue[] {
  const clues: Clue[] = [];
  const cues = cuesAbout(analysis, person.id, Object.keys(PRESENCE)).filter((c) => isAssertion(analysis.sentences[c.sentence]!));
  const byKind = groupBy(cues, (c) => `${speakerOf(analysis, c.sentence)}|${PRESENCE[c.type]}`);
  for (const same of byKind.values()) {
    const denied = same.filter((c) => c.negated);
    const described = same.filter((c) => !c.negated && !denied.some((d) => d.sentence === c.sentence));
    if (denied.length === 0 || described.length === 0) continue;
    clues.push(
      conflict(
        analysis,
        person.name,
        denied.map(quote),
        described.map(quote),
        `says ${person.name} did not (${quoteList(denied.map((d) => d.text), 2)}) but also ${quoteList(described.map((c) => c.text))}`,
      ),
    );
  }
  return clues;
}

function sentenceQuote(analysis: Analysis, index: number): Quote {
  const sentence = analysis.sentences[index]!;
  return { sentence: index, start: sentence.start, end: sentence.end };
}

function personName(analysis: Analysis, id: 'speaker' | number): string {
  return id === 'speaker' ? 'the speaker' : analysis.roster.people[id]!.name;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export type { Cue };
