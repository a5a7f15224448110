import { isAssertion, type Analysis, type Cue, type PersonMention, type Sentence, type TopicWords } from '../analyse/index.js';
import { WORDS } from '../analyse/lexicon.js';
import type { Clue, Person, Severity } from '../types.js';
import { worse } from '../severity.js';
import { createClue, defineDetector, type MessageData, type Quote } from './detector.js';
import { nextInterviewerSentence, sentencesOfTurn } from './lookup.js';
import { cuesAbout, PRESENCE, quoteList } from './people.js';

// The adults a training interviewer is expected to ask about: not family, not professionals, not the child.
const ASK_ABOUT: ReadonlySet<Person['personClass']> = new Set(['friend', 'partner', 'household', 'unknown']);
// A vague "someone" on its own ("someone from the council rang") is too weak to count as an adult raised.
const INDEFINITE = new Set(['someone', 'somebody', 'person']);
const CALLS = new Set(['call', 'calls', 'called', 'calling']);
// Cues that show a name with no role is an adult in the child's life: placed in the home, a relationship, a danger.
const ADULT_CUES: ReadonlySet<string> = new Set([...Object.keys(PRESENCE), 'denial', 'romance', 'lodging', 'safety']);
const PRONOUN_GENDER: Record<string, 'male' | 'female'> = { he: 'male', him: 'male', his: 'male', she: 'female', her: 'female', hers: 'female' };
// How many turns back an interviewer's pronoun looks for the adult's name or role, and for a child it could mean instead.
const PRONOUN_TURNS = 2;

// Injuries and safety concerns are followed up by words of their topic (src/lexicon/topics.json).
type Topic = keyof Analysis['lexicon']['topics'];

// Words in the interviewer's very next turn that follow up whatever was just said, without naming it (topics.json).
const ASKS_MORE = new RegExp(`\\b(${WORDS.topics.asksMore.join('|')})`);

/** A thing the interviewee raised: an adult, an injury or a safety concern, with what makes it one. */
interface Raised {
  /** Sentence where the interviewee first raised it. */
  sentence: number;
  quotes: Quote[];
  who: string;
  severity: Severity;
  /** The rule's message for it, and what fills the message's holes. */
  messageId: string;
  data: MessageData;
  /** Whether a later interviewer sentence refers to it. */
  followedUp: boolean;
  /** The adult it is, or the adult a safety concern is about. */
  personId?: number;
}

/** What the interviewee raised — an adult outside the family, an injury, a safety concern — that the interviewer never asked about. */
export const missedFollowUp = defineDetector({
  meta: {
    id: 'missed-follow-up',
    kind: 'missed-follow-up',
    severity: 'warning',
    description:
      'Something the interviewee raised that no later interviewer turn refers to: an adult who is not family and not a ' +
      'professional (a friend, a mate, a partner, a lodger, "this bloke", a named adult with no role), an injury, or a ' +
      'safety concern (shouting, hitting, drink, kicking off, the police, someone frightened of someone). A person counts ' +
      'as asked about when the interviewer later names them, uses their role word or a pronoun that means them; an injury ' +
      'or concern when a later interviewer sentence uses a word of the same topic, or the very next turn asks "what ' +
      'happened?". Error for an injury or an adult placed in the home or with the child, warning otherwise. Quiet when ' +
      'the transcript has no interviewer.',
    messages: {
      person: 'the interviewee raised "{said}" and the interviewer never asked about {pronoun}',
      personPlaced:
        'the interviewee raised "{said}", placed in the home or with the child ({presence}), and the interviewer never asked about {pronoun}',
      personAtHome: 'the interviewee raised "{said}", who lives in the home, and the interviewer never asked about {pronoun}',
      personAndConcern:
        'the interviewee raised "{said}" and a safety concern about {pronoun} ({concern}), and the interviewer never asked about either',
      personPlacedAndConcern:
        'the interviewee raised "{said}", placed in the home or with the child ({presence}), and a safety concern about {pronoun} ' +
        '({concern}), and the interviewer never asked about either',
      personAtHomeAndConcern:
        'the interviewee raised "{said}", who lives in the home, and a safety concern about {pronoun} ({concern}), and the ' +
        'interviewer never asked about either',
      injury: 'the interviewee raised an injury ({quotes}) and the interviewer never asked about it',
      safety: 'the interviewee raised a safety concern ({quotes}) and the interviewer never asked about it',
    },
    examples: {
      fires: [
        'SW: Who helps you out?\nMUM: My mum, mostly. My mate Jordan stays over at weekends.\nSW: And how is nursery going?\nMUM: Fine, he loves it.',
        'HV: How has he been?\nMUM: Good. He had a bruise on his leg last week but he is fine.\nHV: And is he sleeping?\nMUM: Yeah, through the night.',
        "SW: How was the weekend?\nMUM: Alright. Dean kicked off on Saturday and the police were called.\nSW: Okay. And how is school?\nMUM: She's doing well.",
      ],
      quiet: [
        "SW: Who do you have around you?\nTRACEY: My mum helps out a bit. And there's Steven.\nSW: Tell me about Steven.\nTRACEY: He's just a friend.",
        'HV: How has he been?\nMUM: Good. He had a bruise on his leg last week.\nHV: How did he get the bruise?\nMUM: He fell off the slide at the park.',
        'SW: Who helps?\nMUM: My sister Kelly, and the health visitor comes on Tuesdays.\nSW: And how is nursery going?\nMUM: Fine, he loves it.',
        'MUM: My mate Jordan stays over. He had a bruise on his leg. Dean kicked off on Saturday.',
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    if (!analysis.transcript.speakers.some((s) => s.role === 'interviewer')) return [];
    const missed = (r: Raised) => !r.followedUp && !askedMoreNext(analysis, r.sentence);
    const people = peopleRaised(analysis).filter(missed);
    const concerns = [...topicsRaised(analysis, 'injury'), ...topicsRaised(analysis, 'safety')].filter(missed);
    // "Gary kicked off and the police were called": the man and what he did are one thing raised in one breath.
    const raised = [...people];
    for (const concern of concerns) {
      const utterance = analysis.sentences[concern.sentence]!.utterance.index;
      const person = people.find((p) => p.personId === concern.personId && analysis.sentences[p.sentence]!.utterance.index === utterance);
      if (!person) {
        raised.push(concern);
        continue;
      }
      person.quotes.push(...concern.quotes);
      person.severity = worse(person.severity, concern.severity);
      person.messageId = `${person.messageId}AndConcern`;
      person.data = { ...person.data, concern: concern.data.quotes! };
    }
    return raised
      .sort((a, b) => a.sentence - b.sentence)
      .map((r) =>
        createClue(analysis, { meta: missedFollowUp.meta, severity: r.severity, who: r.who, messageId: r.messageId, data: r.data, quotes: r.quotes }),
      );
  },
});

function peopleRaised(analysis: Analysis): Raised[] {
  const { roster, sentences } = analysis;
  const raised: Raised[] = [];
  for (const person of roster.people) {
    if (!ASK_ABOUT.has(person.personClass)) continue;
    const mentions = roster.byPerson[person.id]!;
    const first = mentions.find((m) => sentences[m.sentence]!.role === 'interviewee');
    if (!first) continue;
    // The interviewer brought them up first ("I need to ask you about Lee"): the interviewee did not raise them.
    if (mentions.some((m) => m.sentence < first.sentence && sentences[m.sentence]!.role === 'interviewer')) continue;
    const own = mentions.filter((m) => sentences[m.sentence]!.role === 'interviewee' && m.kind !== 'pronoun');
    // "Someone" on its own, or "he calls him Grandad": no adult of their own.
    if (own.every((m) => m.kind === 'role' && (INDEFINITE.has(m.role!.word) || isCourtesy(analysis, m)))) continue;
    // A friend mentioned in passing ("my friend Hannah, she lives out past Bramley") is not in the child's life; an adult
    // is, once the talk places them in the home or with the child, or ties them to a relationship or a danger.
    if (person.personClass !== 'household' && !analysis.cues.some((c) => c.personId === person.id && ADULT_CUES.has(c.type))) continue;
    if (answersQuestionAbout(analysis, first)) continue;
    const presence = cuesAbout(analysis, person.id, Object.keys(PRESENCE)).filter((c) => !c.negated);
    // "I just need to know who's looking after her": a later question about who cares for the child, asked after this
    // adult was said to, asks about them too.
    const cared = presence.filter((c) => PRESENCE[c.type] === 'care');
    const askedWhoIsThere =
      cared.length > 0 &&
      analysis.cues.some(
        (c) =>
          PRESENCE[c.type] === 'care' &&
          c.sentence > cared[0]!.sentence &&
          sentences[c.sentence]!.role === 'interviewer' &&
          sentences[c.sentence]!.tokens.some((t) => t.normal === 'who'),
      );
    const followedUp =
      askedWhoIsThere ||
      mentions.some(
        (m) => m.sentence > first.sentence && sentences[m.sentence]!.role === 'interviewer' && (m.kind !== 'pronoun' || pronounMeans(analysis, m, person)),
      );
    const household = person.personClass === 'household';
    const placed = presence.length > 0 || household;
    const quotes: Quote[] = [firstQuote(analysis, first, mentions)];
    for (const cue of presence) quotes.push({ sentence: cue.sentence, start: cue.start, end: cue.end });
    const said = quoteText(analysis, quotes[0]!);
    raised.push({
      sentence: first.sentence,
      quotes,
      who: person.name,
      severity: placed ? 'error' : 'warning',
      messageId: presence.length > 0 ? 'personPlaced' : household ? 'personAtHome' : 'person',
      data: { said, pronoun: pronounFor(person), ...(presence.length > 0 ? { presence: quoteList(presence.map((c) => c.text)) } : {}) },
      followedUp,
      personId: person.id,
    });
  }
  return raised;
}

// "He calls him Grandad": a courtesy title for someone else, not a person of its own.
function isCourtesy(analysis: Analysis, m: PersonMention): boolean {
  const tokens = analysis.sentences[m.sentence]!.tokens;
  return [m.first - 1, m.first - 2].some((i) => CALLS.has(tokens[i]?.normal ?? ''));
}

// "Are you still seeing Jordan?" "My fella? Yeah.": "my" and a role word opening the answer to a question about a named
// adult is that adult, already asked about.
function answersQuestionAbout(analysis: Analysis, first: PersonMention): boolean {
  const { sentences, roster } = analysis;
  if (first.kind !== 'role' || first.possessor !== 'speaker') return false;
  const sentence = sentences[first.sentence]!;
  const asked = sentences[first.sentence - 1];
  if (!asked || asked.utterance.index === sentence.utterance.index || asked.role !== 'interviewer' || !asked.question) return false;
  if ((roster.bySentence[sentence.index] ?? []).some((m) => m.kind === 'name')) return false;
  return (roster.bySentence[asked.index] ?? []).some((m) => m.kind === 'name' && ASK_ABOUT.has(roster.people[m.personId]!.personClass));
}

// An interviewer's pronoun counts as asking about an adult only close after the adult was named or given a role, and not
// when a child was just talked about: "Can you pop her on the mat?" means the baby more often than the adult it was
// resolved to.
function pronounMeans(analysis: Analysis, m: PersonMention, person: Person): boolean {
  const { sentences, roster } = analysis;
  const turn = sentences[m.sentence]!.utterance.index;
  const gender = PRONOUN_GENDER[sentences[m.sentence]!.tokens[m.first]!.normal];
  let anchored = false;
  for (let i = m.sentence; i >= 0 && turn - sentences[i]!.utterance.index <= PRONOUN_TURNS; i--) {
    for (const other of roster.bySentence[i] ?? []) {
      if (i === m.sentence && other.start >= m.start) continue;
      const them = roster.people[other.personId]!;
      if (other.personId === person.id) anchored ||= other.kind !== 'pronoun';
      else if (them.personClass === 'child' && other.kind !== 'pronoun' && (them.gender === undefined || them.gender === gender)) return false;
    }
  }
  return anchored;
}

// "my mate Jordan": the first mention widened over the name or role words of the same person right beside it.
function firstQuote(analysis: Analysis, first: PersonMention, mentions: PersonMention[]): Quote {
  const text = analysis.sentences[first.sentence]!.utterance.text;
  let { start, end } = first;
  const beside = mentions.filter((m) => m.sentence === first.sentence && m.kind !== 'pronoun').sort((a, b) => a.start - b.start);
  for (const m of beside) {
    // Side by side, or in apposition with a comma: "my mate Jordan", "My girlfriend, Chantelle".
    const joins = (gap: string, a: PersonMention, b: PersonMention) => /^\s*$/.test(gap) || (/^,\s*$/.test(gap) && a.kind !== b.kind);
    if (m.start >= end && joins(text.slice(end, m.start), first, m)) end = m.end;
    else if (m.end <= start && joins(text.slice(m.end, start), m, first)) start = m.start;
  }
  return { sentence: first.sentence, start, end };
}

function pronounFor(person: Person): string {
  return person.gender === 'male' ? 'him' : person.gender === 'female' ? 'her' : 'them';
}

function quoteText(analysis: Analysis, q: Quote): string {
  return analysis.sentences[q.sentence]!.utterance.text.slice(q.start, q.end);
}

/** A cluster of injury or safety cues: the first turn that raised a family, and later turns that raise it again. */
interface Concern {
  families: Set<string>;
  cues: Cue[];
}

function topicsRaised(analysis: Analysis, kind: Topic): Raised[] {
  const { sentences } = analysis;
  const topic = analysis.lexicon.topics[kind];
  const concerns: Concern[] = [];
  const byUtterance = new Map<number, Cue[]>();
  for (const cue of analysis.cues) {
    const s = sentences[cue.sentence]!;
    if (cue.type !== kind || s.role !== 'interviewee' || !isAssertion(s)) continue;
    if (kind === 'safety' && (cue.negated || childsOwnBehaviour(analysis, s, cue))) continue;
    const list = byUtterance.get(s.utterance.index);
    if (list) list.push(cue);
    else byUtterance.set(s.utterance.index, [cue]);
  }
  const asked = sentences.filter((s) => s.role === 'interviewer').map((s) => ({ index: s.index, text: topicText(analysis, s) }));
  const firstAsked = new Map<string, number>();
  const firstAskedAbout = (family: string): number => {
    let at = firstAsked.get(family);
    if (at === undefined) firstAsked.set(family, (at = asked.find((a) => mentionsFamily(topic, family, a.text))?.index ?? Infinity));
    return at;
  };
  // Any word of the topic counts: "has he ever been aggressive?" follows up "his temper" and "he'd had a drink".
  let lastAsked = -1;
  for (const a of asked) if (topic.general.test(a.text) || Object.values(topic.families).some((re) => re.test(a.text))) lastAsked = a.index;
  for (const cues of byUtterance.values()) {
    const first = cues[0]!.sentence;
    // A family the interviewer has already used was raised by the interviewer ("his teacher said he had a bruise").
    const fresh = (f: string) => firstAskedAbout(f) >= first;
    const kept = cues.filter((c) => familiesOf(c.text, topic).some(fresh));
    if (kept.length === 0) continue;
    const families = new Set(kept.flatMap((c) => familiesOf(c.text, topic)).filter(fresh));
    const same = concerns.find((c) => [...families].some((f) => c.families.has(f)));
    if (same) {
      for (const f of families) same.families.add(f);
      same.cues.push(...kept);
    } else concerns.push({ families, cues: kept });
  }
  return concerns.map((concern) => {
    const first = concern.cues[0]!;
    const followedUp = lastAsked > first.sentence;
    const shown = concern.cues.slice(0, 4);
    const about = kind === 'safety' ? concernAbout(analysis, concern.cues) : undefined;
    return {
      sentence: first.sentence,
      quotes: shown.map((c) => ({ sentence: c.sentence, start: c.start, end: c.end })),
      who: about?.name ?? '',
      severity: kind === 'injury' ? 'error' : 'warning',
      messageId: kind,
      data: { quotes: quoteList(concern.cues.map((c) => c.text)) },
      followedUp,
      ...(about ? { personId: about.id } : {}),
    } satisfies Raised;
  });
}

// The adult a safety concern is about: the one named inside the words ("frightened of Gary"), else the one who did it
// ("Gary kicked off"). An injury is the child's, and a child or a professional is not whom a concern is about.
function concernAbout(analysis: Analysis, cues: Cue[]): Person | undefined {
  const { roster } = analysis;
  const adult = (id: number | undefined) => {
    const person = id === undefined ? undefined : roster.people[id];
    return person && person.personClass !== 'child' && person.personClass !== 'professional' ? person : undefined;
  };
  for (const cue of cues) {
    const inside = (roster.bySentence[cue.sentence] ?? []).find((m) => m.start >= cue.start && m.end <= cue.end && adult(m.personId));
    const person = adult(inside?.personId) ?? adult(cue.personId);
    if (person) return person;
  }
  return undefined;
}


// "Tayla's been kicking off at school": the child's behaviour is a wellbeing sign, not a danger to them; a child
// frightened of someone is still a safety concern.
function childsOwnBehaviour(analysis: Analysis, sentence: Sentence, cue: Cue): boolean {
  if (analysis.lexicon.topics.safety.families.fear?.test(cue.text.toLowerCase())) return false;
  const subject = (analysis.roster.bySentence[sentence.index] ?? []).filter((m) => m.end <= cue.start).pop();
  return subject !== undefined && analysis.roster.people[subject.personId]!.personClass === 'child';
}

function familiesOf(text: string, topic: TopicWords): string[] {
  const lower = text.toLowerCase();
  const found = Object.entries(topic.families)
    .filter(([, re]) => re.test(lower))
    .map(([f]) => f);
  // A cue always belongs somewhere: a pattern word outside every family is a family of its own.
  return found.length > 0 ? found : [lower];
}

function mentionsFamily(topic: TopicWords, family: string, text: string): boolean {
  const re = topic.families[family];
  return re ? re.test(text) : text.includes(family);
}

// An interviewer sentence, lower-cased, with people's names blanked ("Mark" is not a mark).
function topicText(analysis: Analysis, sentence: Sentence): string {
  let text = sentence.text;
  for (const m of analysis.roster.bySentence[sentence.index] ?? []) {
    if (m.kind !== 'name') continue;
    const from = m.start - sentence.start;
    const to = m.end - sentence.start;
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text.toLowerCase();
}

// The interviewer's very next turn asks about what was just said without naming it: "What happened?", "Who's that?"
function askedMoreNext(analysis: Analysis, sentence: number): boolean {
  const { sentences } = analysis;
  const next = nextInterviewerSentence(analysis, sentence);
  if (!next) return false;
  const turn = sentencesOfTurn(analysis, next.utterance.index);
  return turn.some((s) => ASKS_MORE.test(topicText(analysis, s)));
}
