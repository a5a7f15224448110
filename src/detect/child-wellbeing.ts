import { isAdult, type Analysis, type Cue, type Sentence, type Token } from '../analyse/index.js';
import type { Clue, Person } from '../types.js';
import { quote } from './conflict.js';
import { createClue, defineDetector } from './detector.js';
import { sentencesOfTurn } from './lookup.js';
import { childFor, groupBy, isNamed, quoteList } from './people.js';
import { clauseBefore, HYPOTHETICAL, isNegative, withoutOverlaps } from '../analyse/speech.js';
import { wholeWords, WORDS } from '../analyse/lexicon.js';

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
    messages: {
      signs:
        'signs about how the child is: {quotes}; ' +
        "a change in a child's behaviour, eating, sleeping or development can be the first sign of harm and is worth asking about",
    },
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
          messageId: 'signs',
          data: { quotes: quoteList(shown.map((c) => c.text), 4) },
          quotes: shown.map(quote),
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
const ORDINARY_CAUSE = wholeWords(WORDS.wellbeing.ordinaryCauses, 'i');
const HOME = wholeWords(WORDS.wellbeing.home, 'i');
// Pronouns that can be the subject of a sign; object and possessive forms are skipped while looking for one.
const SPEAKER_SUBJECTS = new Set(['i', 'we']);
const NON_CHILD_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'you']);
const CHILD_SUBJECTS = new Set(['he', 'she', 'they']);
// Words that can stand before an order ("please don't", "just don't", "so don't").
const ORDER_LEADS = new Set(WORDS.wellbeing.orderLeads);
const NEGATORS = new Set(WORDS.wellbeing.negators);
// Signs that, followed by these words, describe an ordinary thing ("not eating her lunch", "not walking to school").
const ORDINARY_AFTER = new Set(WORDS.wellbeing.ordinaryAfter);

function isSign(analysis: Analysis, cue: Cue): boolean {
  const sentence = analysis.sentences[cue.sentence]!;
  if (sentence.role !== 'interviewee' || sentence.question) return false;
  const inside = sentence.tokens.filter((t) => t.start >= cue.start && t.end <= cue.end);
  const ownNegation = inside.some(isNegative);
  const { tokens: clause, opener } = clauseBefore(sentence, cue.start);
  if (opener && HYPOTHETICAL.has(opener.normal)) return false;
  if (clause.some((t) => HYPOTHETICAL.has(t.normal))) return false;
  if (!ownNegation && clause.slice(-4).some((t) => isNegative(t) || NEGATORS.has(t.normal))) return false;
  // "Please don't talk about it", "Don't eat that": "do not" with no subject before it is an order, or the speaker's own.
  if (inside[0]?.normal === 'do' && clause.every((t) => ORDER_LEADS.has(t.normal))) return false;
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
    const gender = t.normal === 'he' || t.normal === 'him' ? 'male' : t.normal === 'she' || t.normal === 'her' ? 'female' : undefined;
    const couldMean = (p: Person) => p.personClass === 'child' && (gender === undefined || p.gender === undefined || p.gender === gender);
    if (personId === undefined) return false;
    // A pronoun that means someone who is not a child (nor named and perhaps one), when no child it could mean has been
    // talked about for many turns, is that person's: "he got really quiet" in an account of a meeting with a man, though
    // the witness's daughter came up long before.
    const person = analysis.roster.people[personId]!;
    if (!mayBeChild(analysis, person) && analysis.roster.people.some(couldMean) && !childTalkedOf(analysis, sentence, couldMean)) return true;
    if (!isAdult(person)) return false;
    return !analysis.roster.people.some(couldMean);
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
      const child = person && mayBeChild(analysis, person) ? mention.personId : undefined;
      return judge(pronounMeansAdult(t, mention?.personId), child);
    }
  }
  return 'unknown';
}

// A child, or someone named, of no known class and not known to be an adult, who may be one ("Jayden … he wasn't talking").
function mayBeChild(analysis: Analysis, person: Person): boolean {
  return person.personClass === 'child' || (person.personClass === 'unknown' && !isAdult(person) && isNamed(analysis, person));
}

// How many turns back a child must have been mentioned for a pronoun to be able to mean them.
const RECENT_TURNS = 20;

// Whether a child the test accepts is mentioned (by name, role word or pronoun) in the sentence's turn or the few before.
function childTalkedOf(analysis: Analysis, sentence: Sentence, accepts: (p: Person) => boolean): boolean {
  const turn = sentence.utterance.index;
  for (let u = turn; u >= turn - RECENT_TURNS && u >= 0; u--) {
    for (const s of sentencesOfTurn(analysis, u)) {
      if ((analysis.roster.bySentence[s.index] ?? []).some((m) => accepts(analysis.roster.people[m.personId]!))) return true;
    }
  }
  return false;
}
