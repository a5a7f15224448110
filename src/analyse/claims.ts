import type { Roster } from './people.js';
import type { Lexicon } from './lexicon.js';
import nlp from 'compromise';
import type { Sentence, Token } from './sentences.js';

/** "Who did what to whom, or did not": one verb of an interviewee's sentence. */
export interface VerbClaim {
  sentence: number;
  verb: string;
  negative: boolean;
  /** `speaker` for I/we, otherwise the person the subject refers to. */
  subject: 'speaker' | number;
  /** The person acted on, or the pronoun itself (`him`) when the object is a pronoun. */
  object?: number | string;
  start: number;
  end: number;
  text: string;
}

// Hypotheticals and hedges are not claims ("if he stayed over…").
// Reported speech ("Sian said he couldn't come in") is someone else's claim.
const NOT_A_CLAIM = /\b(if|would(n't)?|could(n't)?|might|maybe|perhaps|whether|unless|wish|said|says|told me|reckons)\b/i;

const MODALS = new Set(['can', 'cannot', 'will', 'shall', 'should', 'must', 'may', 'might', 'would', 'could', 'gonna', 'going']);

/** Whether a sentence states something as fact: not a question, not a hypothetical or a hedge. */
export function isAssertion(sentence: Sentence): boolean {
  // "She'd only kick off": the hidden "would" of a contraction is a hedge too.
  const hedged = sentence.tokens.some((t) => t.text === '' && (t.normal === 'would' || t.normal === 'could'));
  return !sentence.question && !hedged && !NOT_A_CLAIM.test(sentence.text);
}

/** Extracts subject–verb–object claims with their polarity from the interviewees' plain statements. */
export function findVerbClaims(sentences: Sentence[], roster: Roster, lexicon: Lexicon): VerbClaim[] {
  const claims: VerbClaim[] = [];
  for (const sentence of sentences) {
    if (sentence.role !== 'interviewee' || !isAssertion(sentence)) continue;
    claims.push(...sentenceClaims(sentence, roster, lexicon));
  }
  return claims;
}

// Main verbs by token: compromise's verbs() phrase analysis costs far more than the tags it already gave us.
function sentenceClaims(sentence: Sentence, roster: Roster, lexicon: Lexicon): VerbClaim[] {
  const claims: VerbClaim[] = [];
  const mentions = roster.bySentence[sentence.index] ?? [];
  const { tokens } = sentence;
  const verbAt = tokens.flatMap((t, i) => (isMainVerb(t) ? [i] : []));
  verbAt.forEach((i, k) => {
    const token = tokens[i]!;
    const verb = infinitive(token);
    // "not meant to come round": an infinitive names an act, it does not report one; nor does "can't read" or "'ll read".
    if (lexicon.stopVerbs.has(verb) || tokens[i - 1]?.normal === 'to') return;
    if (tokens.slice(Math.max(0, i - 3), i).some((t) => MODALS.has(t.normal))) return;
    const nextStart = verbAt[k + 1] === undefined ? Infinity : tokens[verbAt[k + 1]!]!.start;
    const subjectMention = mentions.filter((m) => m.end <= token.start).pop();
    const iToken = tokens.filter((t) => t.end <= token.start && (t.normal === 'i' || t.normal === 'we')).pop();
    let subject: 'speaker' | number | undefined;
    if (iToken && (!subjectMention || iToken.start > subjectMention.start)) subject = 'speaker';
    else subject = subjectMention?.personId;
    if (subject === undefined) return;
    const objectMention = mentions.find((m) => m.start >= token.end && m.start < nextStart);
    // Two "him"s after the same verb are one person in the talk, even where the resolver chose differently.
    const object = objectMention?.kind === 'pronoun' ? `${sentence.tokens[objectMention.first]!.normal}` : objectMention?.personId;
    if (subject === 'speaker' && object === undefined) return;
    const claim: VerbClaim = {
      sentence: sentence.index,
      verb,
      negative: negatedAt(tokens, i),
      subject,
      start: token.start,
      end: token.end,
      text: sentence.text,
    };
    if (object !== undefined) claim.object = object;
    claims.push(claim);
  });
  return claims;
}

function isMainVerb(token: Token): boolean {
  return (
    token.tags.has('Verb') &&
    token.text !== '' &&
    !['Auxiliary', 'Copula', 'Modal', 'Particle'].some((tag) => token.tags.has(tag))
  );
}

// "didn't leave", "has never met", "hasn't been round": a negative word just before, in the same clause.
function negatedAt(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const t = tokens[i]!;
    if (/[,;:]/.test(t.post) || t.tags.has('Conjunction')) return false;
    if (t.tags.has('Negative') || t.normal === 'not' || t.normal === 'never') return true;
  }
  return false;
}

const lemmas = new Map<string, string>();
const world = nlp.world() as unknown as {
  model: unknown;
  methods: { two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tense: string) => string } } } };
};

/** A verb's dictionary form ("left" → leave, "seen" → see), cached per word and tense. */
function infinitive(token: Token): string {
  const tense = ['Participle', 'Gerund', 'PastTense', 'PresentTense'].find((t) => token.tags.has(t)) ?? 'PresentTense';
  const word = token.normal;
  const key = `${word}|${tense}`;
  let lemma = lemmas.get(key);
  if (lemma === undefined) {
    lemma = word;
    if (!token.tags.has('Infinitive')) {
      try {
        lemma = world.methods.two.transform.verb.toInfinitive(word, world.model, tense) || word;
      } catch {
        lemma = word;
      }
    }
    lemmas.set(key, lemma);
  }
  return lemma;
}
