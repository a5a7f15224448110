import { isAssertion, type Analysis, type Statement, type VerbClaim } from '../analyse/index.js';
import type { Clue, Person } from '../types.js';
import { againstRecord, answerFlips, changedInjuryAccounts, changedWhereabouts, takenBack } from './accounts.js';
import { eventRetold, priorConceded, propositionFlips } from './commitments.js';
import { overlaps, quote, sentenceQuote, speakerOf, type Conflict } from './conflict.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { push, statementsIn } from './lookup.js';
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
      'a presence denied then described; a yes/no answer that flips when the question comes round again; "I never said ' +
      'that" against the earlier words; a changed account of where the child was or how an injury happened; or a person ' +
      'who did not do something and then did. Each clue cites both lines and carries a confidence.',
    messages: {
      deniedButClose: 'denies a relationship ({denials}) but also says {quotes}',
      notSeenButSeen: 'says "{claim}" but also {quotes}',
      nobodyElse: 'says {claims} but {who}: {quotes}',
      negationFlip: 'says "{negative}" and also "{positive}"',
      presenceFlip: 'says {who} did not ({denied}) but also {quotes}',
      answerFlip: 'answered "{earlierAnswer}" to "{earlierQuestion}" but "{laterAnswer}" to "{laterQuestion}"',
      takenBack: 'says "{denial}" but earlier said "{earlier}"',
      whereaboutsChanged: 'the account of where the child was changes: "{earlier}" then "{later}"',
      injuryAccountChanged: 'the account of how the injury happened changes: "{earlier}" then "{later}"',
      recordPartner: 'the record says {to} were told {about} is her partner, but here: {quotes}',
      recordLivesHere: 'the record says {about} (told to {to}, on the case record) lives in the home, but here: {quotes}',
      recordLivesElsewhere: 'the record says {about} (told to {to}, on the case record) does not live in the home, but here: {quotes}',
      // A commitment flip quotes each side as "words", or "words" to "the question or document put".
      recalledWhenShown: 'did not recall it, then, shown a document or recording, concedes it: {earlier} and later {later}',
      deniedThenConcededSaying: 'denies having said it, then concedes it: {earlier} and later {later}',
      concededThenDeniedSaying: 'concedes having said it, then denies it: {earlier} and later {later}',
      priorConceded: 'concedes earlier words: {earlier} and later {later}',
      afterPriorConceded: 'after conceding earlier words, says: {earlier} and later {later}',
      retold: 'tells the same thing both ways: {earlier} and later {later}',
      answers: 'answers the same thing both ways: {earlier} and later {later}',
    },
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
    const people = analysis.roster.people.filter(isAdultLayperson);
    const conflicts: Conflict[] = [
      ...people.flatMap((person) => deniedButClose(analysis, person)),
      ...people.flatMap((person) => notSeenButSeen(analysis, person)),
      ...nobodyElse(analysis),
      ...people.flatMap((person) => presenceFlips(analysis, person)),
      ...answerFlips(analysis),
      ...takenBack(analysis),
      ...changedWhereabouts(analysis),
      ...changedInjuryAccounts(analysis),
      ...negationFlips(analysis),
      ...againstRecord(analysis),
      ...priorConceded(analysis),
      ...propositionFlips(analysis),
      ...eventRetold(analysis),
    ];
    // Checks overlap ("he doesn't stay" is a presence flip and a negation flip): the first, surest, wins.
    // A pair cited by one check and again, with the question between, by another is one clue.
    const clues: Clue[] = [];
    // A kept clue whose lines hold all of this one's holds its first line; one whose lines this one holds starts on one.
    const keptAt = new Map<number, Set<number>[]>();
    const keptFrom = new Map<number, Set<number>[]>();
    const within = (a: number[], b: Set<number>) => a.every((line) => b.has(line));
    for (const c of conflicts) {
      const clue = toClue(analysis, c);
      const lines = new Set(clue.lines);
      const rivals = [...(keptAt.get(clue.lines[0]!) ?? []), ...clue.lines.flatMap((line) => keptFrom.get(line) ?? [])];
      if (rivals.some((k) => within([...k], lines) || within(clue.lines, k))) continue;
      clues.push(clue);
      for (const line of lines) push(keptAt, line, lines);
      push(keptFrom, clue.lines[0]!, lines);
    }
    return clues.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

const CLOSE = ['romance', 'overnight', 'residence'];

// The most words a contradiction quotes on each side, earliest first.
const CITED_PER_SIDE = 20;

/** A conflict as a clue that sits on the later side: the first undermining words after the claim, else the claim. */
function toClue(analysis: Analysis, c: Conflict): Clue {
  // The message counts them all ("and 40 more"); a long transcript that repeats a claim would otherwise cite every
  // repetition against every other.
  const [claims, against] = [c.claims.slice(0, CITED_PER_SIDE), c.against.slice(0, CITED_PER_SIDE)];
  const quotes = [...claims, ...against].sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  const firstClaim = claims[0]!.sentence;
  // Against the case record there is no second line: the clue sits on the interview's own words.
  const later = against.find((q) => q.sentence > firstClaim) ?? (against.length === 0 ? claims[0]! : claims[claims.length - 1]!);
  return createClue(analysis, {
    meta: contradiction.meta,
    who: c.who,
    messageId: c.messageId,
    data: c.data,
    quotes,
    at: quotes.indexOf(later),
    confidence: c.confidence,
    ...(c.severity ? { severity: c.severity } : {}),
  });
}

function deniedButClose(analysis: Analysis, person: Person): Conflict[] {
  const clues: Conflict[] = [];
  const denials = cuesAbout(analysis, person.id, ['denial']);
  const bySpeaker = groupBy(denials, (d) => speakerOf(analysis, d.sentence));
  for (const [speaker, own] of bySpeaker) {
    const denied = groupBy(own, (d) => d.sentence);
    const close = cuesAbout(analysis, person.id, CLOSE).filter(
      (c) => speakerOf(analysis, c.sentence) === speaker && !(denied.get(c.sentence) ?? []).some((d) => overlaps(d, c)),
    );
    const partnerWords = analysis.roster.byPerson[person.id]!.filter(
      (m) =>
        m.role?.nounClass === 'partner' &&
        speakerOf(analysis, m.sentence) === speaker &&
        !(denied.get(m.sentence) ?? []).some((d) => overlaps(d, m)),
    );
    const against = [...close, ...partnerWords].filter((q) => !denied.has(q.sentence));
    if (against.length === 0) continue;
    const what = quoteList(against.map((a) => a.text));
    clues.push({
      who: person.name,
      claims: own.map(quote),
      against: against.map(quote),
      messageId: 'deniedButClose',
      data: { denials: quoteList(own.map((d) => d.text), 2), quotes: what },
      confidence: 0.9,
    });
  }
  return clues;
}

function notSeenButSeen(analysis: Analysis, person: Person): Conflict[] {
  const clues: Conflict[] = [];
  for (const claim of cuesAbout(analysis, person.id, ['notSeen'])) {
    const speaker = speakerOf(analysis, claim.sentence);
    const contact = cuesAbout(analysis, person.id, [...Object.keys(PRESENCE), 'romance']).filter(
      (c) => c.sentence !== claim.sentence && speakerOf(analysis, c.sentence) === speaker,
    );
    if (contact.length === 0) continue;
    clues.push({
      who: person.name,
      claims: [quote(claim)],
      against: contact.map(quote),
      messageId: 'notSeenButSeen',
      data: { claim: claim.text, quotes: quoteList(contact.map((c) => c.text)) },
      confidence: 0.8,
    });
  }
  return clues;
}

type Placed = Quote & { personId: number; text: string };

function nobodyElse(analysis: Analysis): Conflict[] {
  const clues: Conflict[] = [];
  const claims = analysis.cues.filter(
    (c) => (c.type === 'nobodyElseHome' || c.type === 'nobodyElseCare') && analysis.sentences[c.sentence]!.role === 'interviewee',
  );
  // The adults placed in the home or with the child, by speaker, for each set of cue types a claim denies.
  const placed = new Map<string, Map<string, Placed[]>>();
  const placedBy = (types: Set<string>): Map<string, Placed[]> => {
    const key = [...types].join('|');
    const known = placed.get(key);
    if (known) return known;
    const against: Placed[] = analysis.cues
      .filter((c) => types.has(c.type) && c.personId !== undefined)
      .map((c) => ({ ...quote(c), personId: c.personId!, text: c.text }));
    // A lodger lives in the home by definition.
    if (types.has('residence')) {
      for (const m of analysis.roster.byPerson.flat()) {
        if (m.role?.nounClass === 'household') against.push({ ...quote(m), personId: m.personId, text: m.text });
      }
    }
    const made = groupBy(
      against.filter((c) => isAdultLayperson(analysis.roster.people[c.personId]!)),
      (c) => speakerOf(analysis, c.sentence),
    );
    placed.set(key, made);
    return made;
  };
  const reported = new Map<string, { conflict: Conflict; said: string[] }>();
  // "No one else lives here. Nobody else has him." said together is one claim; each adult against it is one clue.
  for (const group of groupBy(claims, (c) => analysis.sentences[c.sentence]!.utterance.index).values()) {
    const speaker = speakerOf(analysis, group[0]!.sentence);
    const types = new Set(group.flatMap((c) => (c.type === 'nobodyElseHome' ? ['overnight', 'residence'] : ['care', 'carerAfter', 'carerInside'])));
    const claimed = new Set(group.map((c) => c.sentence));
    const relevant = (placedBy(types).get(speaker) ?? []).filter((c) => !claimed.has(c.sentence));
    for (const [personId, cues] of groupBy(relevant, (c) => c.personId)) {
      // The claim made again with the same adult against it: one clue that cites every time it was made.
      const key = `${speaker}|${[...types].join('|')}|${personId}`;
      const earlier = reported.get(key);
      if (earlier) {
        earlier.said.push(...group.map((c) => c.text));
        earlier.conflict.claims.push(...group.map(quote));
        earlier.conflict.data['claims'] = quoteList(earlier.said, 2);
        continue;
      }
      const who = analysis.roster.people[personId]!.name;
      const said = group.map((c) => c.text);
      const conflict: Conflict = {
        who,
        claims: group.map(quote),
        against: cues.map(quote),
        messageId: 'nobodyElse',
        data: { claims: quoteList(said, 2), who, quotes: quoteList(cues.map((c) => c.text)) },
        confidence: 0.85,
      };
      reported.set(key, { conflict, said });
      clues.push(conflict);
    }
  }
  return clues;
}

function negationFlips(analysis: Analysis): Conflict[] {
  const clues: Conflict[] = [];
  const byKey = new Map<string, VerbClaim[]>();
  for (const claim of analysis.claims) {
    // About another person, the verb alone decides ("her dad's shouted at her" / "her dad's never shouted"): objects are
    // often pronouns resolved differently. About the speaker, the object must match ("I never left her with Dave").
    const object = claim.subject === 'speaker' ? (claim.object ?? '-') : '*';
    const key = [speakerOf(analysis, claim.sentence), claim.subject, claim.verb, object].join('|');
    const earlier = byKey.get(key) ?? [];
    // Two turns, and clauses about the same act on the same thing ("didn't win the case" is not "won fees").
    const flipped = earlier.find(
      (e) =>
        e.negative !== claim.negative &&
        analysis.sentences[e.sentence]!.utterance.index !== analysis.sentences[claim.sentence]!.utterance.index &&
        sameClause(analysis, e, claim),
    );
    if (flipped) {
      const who = personName(analysis, typeof claim.object === 'number' ? claim.object : claim.subject);
      const [neg, pos] = flipped.negative ? [flipped, claim] : [claim, flipped];
      clues.push({
        who,
        claims: [sentenceQuote(analysis, flipped.sentence)],
        against: [sentenceQuote(analysis, claim.sentence)],
        messageId: 'negationFlip',
        data: { negative: analysis.sentences[neg.sentence]!.text, positive: analysis.sentences[pos.sentence]!.text },
        confidence: 0.6,
        severity: 'warning',
      });
      byKey.set(key, []);
      continue;
    }
    earlier.push(claim);
    byKey.set(key, earlier);
  }
  return clues;
}

// "He never stays over" against "he stayed over Saturday": the same kind of presence, denied and then described.
function presenceFlips(analysis: Analysis, person: Person): Conflict[] {
  const clues: Conflict[] = [];
  const cues = cuesAbout(analysis, person.id, Object.keys(PRESENCE)).filter((c) => isAssertion(analysis.sentences[c.sentence]!));
  const byKind = groupBy(cues, (c) => `${speakerOf(analysis, c.sentence)}|${PRESENCE[c.type]}`);
  for (const same of byKind.values()) {
    const denied = same.filter((c) => c.negated);
    const deniedIn = new Set(denied.map((d) => d.sentence));
    const described = same.filter((c) => !c.negated && !deniedIn.has(c.sentence));
    if (denied.length === 0 || described.length === 0) continue;
    clues.push({
      who: person.name,
      claims: denied.map(quote),
      against: described.map(quote),
      messageId: 'presenceFlip',
      data: { who: person.name, denied: quoteList(denied.map((d) => d.text), 2), quotes: quoteList(described.map((c) => c.text)) },
      confidence: 0.75,
    });
  }
  return clues;
}

function clauseOf(analysis: Analysis, claim: VerbClaim): Statement | undefined {
  return statementsIn(analysis, claim.sentence).find((s) => s.start <= claim.start && claim.start < s.end);
}

function sameClause(analysis: Analysis, a: VerbClaim, b: VerbClaim): boolean {
  const [x, y] = [clauseOf(analysis, a), clauseOf(analysis, b)];
  if (!x || !y) return true;
  const object = (s: Statement, verb: string) => s.acts.find((act) => act.startsWith(`${verb}>`))?.split('>')[1];
  const [ox, oy] = [object(x, x.head ?? ''), object(y, y.head ?? '')];
  return !(x.head === y.head && ox !== undefined && oy !== undefined && ox !== oy);
}

function personName(analysis: Analysis, id: 'speaker' | number): string {
  return id === 'speaker' ? 'the speaker' : analysis.roster.people[id]!.name;
}

