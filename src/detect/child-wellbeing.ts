import type { Analysis, Cue, Sentence } from '../analyse/index.js';
import type { Clue, Person } from '../types.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { groupBy, quoteList } from './people.js';

type Token = Sentence['tokens'][number];

/** Signs about the child a reviewer should catch, one clue per interviewee turn. */
export const childWellbeing = defineDetector({
  meta: {
    id: 'child-wellbeing',
    kind: 'child-wellbeing',
    severity: 'warning',
    description:
      'A sign about the child in what the interviewee says: withdrawn, angry or frustrated, behind in development, not ' +
      'eating or sleeping, losing weight, always crying, frightened of someone, flinching, wetting again, clingy, hurting ' +
      'himself, a home in a very poor state. One clue per interviewee turn, at the first sign in it. Quiet when the words ' +
      'are about the speaker or another adult, negated ("she\'s stopped wetting the bed"), hypothetical, or put down to an ' +
      'ordinary cause ("not sleeping because she\'s teething").',
    examples: {
      fires: [
        'SW: How has Harvey been?\nMUM: He was really unsettled. He wasn\'t sleeping and he was wetting the bed again.',
        "SSW: How did Mia react?\nCAROL: Mia saw him and went very quiet. She's frightened of him.",
        'Q: How is he getting on at nursery?\nA: They said he\'s behind with his speech and he keeps hitting out at the other kids.',
      ],
      quiet: [
        "HV: How has she been?\nMUM: She was grumpy because she was teething. She's fine now.",
        "SW: How are the girls?\nMUM: Better. Layla's sleeping in her own bed again and Tia's stopped wetting the bed.",
        "SW: And how are you?\nMUM: I'm not sleeping, to be honest. I've been really anxious about the court date.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const signs = analysis.cues.filter((c) => c.type === 'wellbeing' && isSign(analysis, c));
    const clues: Clue[] = [];
    for (const turn of groupBy(signs, (c) => analysis.sentences[c.sentence]!.utterance.index).values()) {
      const shown = withoutOverlaps(turn);
      const first = shown[0]!;
      clues.push(
        createClue(analysis, {
          meta: childWellbeing.meta,
          who: whoFor(analysis, first),
          message:
            `signs about how the child is: ${quoteList(shown.map((c) => c.text), 4)}; ` +
            'a change in a child\'s behaviour, eating, sleeping or development can be the first sign of harm and is worth asking about',
          quotes: shown.map(quoteOf),
        }),
      );
    }
    return clues;
  },
});

// The child a sign is about: its subject when that is a child or someone named who is not an adult ("Mia went very
// quiet"), else the child the talk is about.
function whoFor(analysis: Analysis, cue: Cue): string {
  const subject = subjectOf(analysis, analysis.sentences[cue.sentence]!, cue.start);
  if (typeof subject === 'number') return analysis.roster.people[subject]!.name;
  return childFor(analysis, cue.sentence, cue.start);
}

// Words that put a sign down to an ordinary cause ("grumpy because she was teething", "up in the night for a feed").
const ORDINARY_CAUSE =
  /\b(teeth|teething|tooth|a cold|poorly|ill|a bug|virus|ear infection|(his|her) ears|chicken ?pox|jabs|injections|vaccinations?|tired|overtired|growth spurt|a feed|feeds|(his|her) bottle)\b/i;
// Relatives who are adults: the speaker's or the child's parents and their generation (a brother or cousin may be a child).
const ADULT_KIN = /\b(mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|aunt|auntie|aunty|uncle|step|in-law|godmother|godfather|parents|grandparents|baby (daddy|father|mum|mother))\b/;
const HOME = /\b(flat|house|place|home|kitchen|fridge|cupboards|heating|electric|electricity|gas)\b/i;
// Pronouns that can be the subject of a sign; object and possessive forms are skipped while looking for one.
const SPEAKER_SUBJECTS = new Set(['i', 'we']);
const NON_CHILD_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'you']);
const CHILD_SUBJECTS = new Set(['he', 'she', 'they']);
const NEGATORS = new Set(['not', 'never', 'no', 'stopped', 'stop', 'less', 'nothing', 'none', 'longer']);
const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
// Signs that, followed by these words, describe an ordinary thing ("not eating her lunch", "not walking to school").
const ORDINARY_AFTER = new Set(['lunch', 'dinner', 'tea', 'breakfast', 'vegetables', 'veg', 'greens', 'fruit', 'crusts', 'to', 'home', 'there', 'in', 'on', 'through', 'over']);

function isSign(analysis: Analysis, cue: Cue): boolean {
  const sentence = analysis.sentences[cue.sentence]!;
  if (sentence.role !== 'interviewee' || sentence.question) return false;
  const inside = sentence.tokens.filter((t) => t.start >= cue.start && t.end <= cue.end);
  const ownNegation = inside.some(isNegative);
  const { tokens: clause, opener } = clauseBefore(sentence, cue.start);
  if (opener && HYPOTHETICAL.has(opener.normal)) return false;
  if (clause.some((t) => HYPOTHETICAL.has(t.normal))) return false;
  if (!ownNegation && clause.slice(-4).some((t) => isNegative(t) || NEGATORS.has(t.normal))) return false;
  if (ownNegation) {
    const next = sentence.tokens.find((t) => t.start >= cue.end && t.text !== '');
    if (next && (ORDINARY_AFTER.has(next.normal) || (next.tags.has('Possessive') && ORDINARY_AFTER.has(nextAfter(sentence, next)?.normal ?? '')))) {
      return false;
    }
  }
  // The state of the home is a sign whoever the sentence's subject is ("there's no food in the fridge").
  if (!HOME.test(cue.text) && subjectOf(analysis, sentence, cue.start) === 'adult') return false;
  return !ordinaryCause(analysis, sentence, cue);
}

function nextAfter(sentence: Sentence, token: Token): Token | undefined {
  return sentence.tokens.find((t) => t.start > token.start && t.text !== '');
}

function isNegative(t: Token): boolean {
  return t.tags.has('Negative') || t.normal === 'not' || t.normal === 'never';
}

// An ordinary cause named with the sign: in its own clause or after it, to the end of the next sentence of the turn
// ("grumpy because she was teething"). A cause in a clause about someone else does not count ("Brodie's teething and
// Tayla's been playing up").
const COORDINATORS = new Set(['and', 'but', 'or', 'while', 'whereas']);
function ordinaryCause(analysis: Analysis, sentence: Sentence, cue: Cue): boolean {
  const text = sentence.utterance.text;
  const next = analysis.sentences[sentence.index + 1];
  const after = next && next.utterance.index === sentence.utterance.index ? next.end : sentence.end;
  const { opener } = clauseBefore(sentence, cue.start);
  const from = opener && COORDINATORS.has(opener.normal) ? opener.end : sentence.start;
  return ORDINARY_CAUSE.test(`${text.slice(from, cue.start)} ${text.slice(cue.end, after)}`);
}

// Who the sign is said of: the nearest subject before it. The speaker ("I'm not sleeping"), "it" ("it's really quiet")
// or an adult named or described ("his dad gets really angry") is not the child; a child, "he" or "she", or no subject
// at all may be. A pronoun is taken to mean an adult only when no child in the transcript could be meant by it: who a
// pronoun means is too easily misread for a child's sign to be lost to it. Returns `adult`, a person who may be the
// child (by id), or `unknown` when no subject is found.
function subjectOf(analysis: Analysis, sentence: Sentence, start: number): 'adult' | 'unknown' | number {
  const mentions = analysis.roster.bySentence[sentence.index] ?? [];
  const before = sentence.tokens.filter((t) => t.end <= start && t.text !== '');
  const pronounMeansAdult = (t: Token, personId: number | undefined) => {
    if (personId === undefined || !isAdult(analysis.roster.people[personId]!)) return false;
    const gender = t.normal === 'he' || t.normal === 'him' ? 'male' : t.normal === 'she' || t.normal === 'her' ? 'female' : undefined;
    return !analysis.roster.people.some((p) => p.personClass === 'child' && (gender === undefined || p.gender === undefined || p.gender === gender));
  };
  const judge = (adult: boolean, personId: number | undefined) => (adult ? 'adult' : (personId ?? 'unknown'));
  for (let k = before.length - 1; k >= 0; k--) {
    const t = before[k]!;
    const mention = mentions.find((m) => m.start <= t.start && t.end <= m.end);
    if (SPEAKER_SUBJECTS.has(t.normal) || NON_CHILD_SUBJECTS.has(t.normal)) return 'adult';
    if (mention && mention.kind !== 'pronoun' && !t.tags.has('Possessive')) {
      return judge(isAdult(analysis.roster.people[mention.personId]!), mention.personId);
    }
    // "her not eating": an object pronoun right before the sign is its subject.
    if (CHILD_SUBJECTS.has(t.normal) || (k === before.length - 1 && (t.normal === 'her' || t.normal === 'him'))) {
      // A pronoun that means a child, or someone named who is not an adult ("Jayden … he wasn't talking"), names the child.
      const person = mention && analysis.roster.people[mention.personId]!;
      const named = person && (person.personClass === 'child' || (person.personClass === 'unknown' && analysis.roster.byPerson[person.id]!.some((m) => m.kind === 'name')));
      const child = named ? mention.personId : undefined;
      return judge(pronounMeansAdult(t, mention?.personId), child);
    }
  }
  return 'unknown';
}

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

/**
 * The tokens of a sentence before an offset, back to the start of their clause (a comma, semicolon or conjunction
 * ends it), and the conjunction that opened the clause, if any.
 */
export function clauseBefore(sentence: Sentence, start: number): { tokens: Token[]; opener?: Token } {
  const before = sentence.tokens.filter((t) => t.end <= start);
  const clause: Token[] = [];
  for (let k = before.length - 1; k >= 0; k--) {
    const t = before[k]!;
    if (/[,;:]/.test(t.post)) break;
    if (t.tags.has('Conjunction') || HYPOTHETICAL.has(t.normal)) return { tokens: clause.reverse(), opener: t };
    clause.push(t);
  }
  return { tokens: clause.reverse() };
}

/**
 * The child a clue is about: a child named or meant at or before an offset in the sentence, else in the rest of the
 * turn, else the child most recently talked about, else the first child of the transcript; `the child` when the
 * roster has none.
 */
export function childFor(analysis: Analysis, sentenceIndex: number, offset = Infinity): string {
  const { people, bySentence } = analysis.roster;
  // A child called by name ("Mia") says more than "the other kids" or "the children".
  const named = new Set(people.filter((p) => p.personClass === 'child' && analysis.roster.byPerson[p.id]!.some((m) => m.kind === 'name')).map((p) => p.id));
  const children = named.size > 0 ? named : new Set(people.filter((p) => p.personClass === 'child').map((p) => p.id));
  const isChild = (id: number) => children.has(id);
  const here = bySentence[sentenceIndex] ?? [];
  const before = here.filter((m) => m.start <= offset && isChild(m.personId)).pop();
  if (before) return people[before.personId]!.name;
  const utterance = analysis.sentences[sentenceIndex]!.utterance.index;
  const inTurn = analysis.sentences
    .filter((s) => s.utterance.index === utterance)
    .flatMap((s) => bySentence[s.index] ?? [])
    .find((m) => isChild(m.personId));
  if (inTurn) return people[inTurn.personId]!.name;
  for (let i = sentenceIndex - 1; i >= 0; i--) {
    const latest = (bySentence[i] ?? []).filter((m) => isChild(m.personId)).pop();
    if (latest) return people[latest.personId]!.name;
  }
  const first = people.find((p) => isChild(p.id));
  return first?.name ?? 'the child';
}

/** Spans in order with any that overlap an earlier (or longer) one dropped. */
export function withoutOverlaps<T extends { sentence: number; start: number; end: number }>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.sentence - b.sentence || a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && last.sentence === span.sentence && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) kept[kept.length - 1] = span;
      continue;
    }
    kept.push(span);
  }
  return kept;
}

function quoteOf(span: { sentence: number; start: number; end: number }): Quote {
  return { sentence: span.sentence, start: span.start, end: span.end };
}
