import type { Roster } from './people.js';
import { STOP_VERBS } from './lexicon.js';
import type { Sentence } from './sentences.js';

/** "Who did what to whom, or did not": one verb of an interviewee's sentence. */
export interface VerbClaim {
  sentence: number;
  verb: string;
  negative: boolean;
  /** `speaker` for I/we, otherwise the person the subject refers to. */
  subject: 'speaker' | number;
  object?: number;
  start: number;
  end: number;
  text: string;
}

// Hypotheticals and hedges are not claims ("if he stayed over…").
const NOT_A_CLAIM = /\b(if|would|could|might|maybe|perhaps|whether|unless|wish)\b/i;

/** Whether a sentence states something as fact: not a question, not a hypothetical or a hedge. */
export function isAssertion(sentence: Sentence): boolean {
  return !sentence.question && !NOT_A_CLAIM.test(sentence.text);
}

/** Extracts subject–verb–object claims with their polarity from the interviewees' plain statements. */
export function findVerbClaims(sentences: Sentence[], roster: Roster): VerbClaim[] {
  const claims: VerbClaim[] = [];
  for (const sentence of sentences) {
    if (sentence.role !== 'interviewee' || !isAssertion(sentence)) continue;
    const mentions = roster.bySentence[sentence.index] ?? [];
    const verbs = sentence.view.verbs().json({ offset: true }) as Array<{
      text: string;
      offset: { start: number; length: number };
      verb?: { infinitive?: string; negative?: boolean; grammar?: { copula?: boolean } };
    }>;
    verbs.forEach((v, k) => {
      const verb = v.verb?.infinitive?.toLowerCase();
      if (!verb || v.verb?.grammar?.copula || STOP_VERBS.has(verb.split(' ')[0]!)) return;
      const start = v.offset.start;
      const end = start + v.offset.length;
      const nextStart = verbs[k + 1]?.offset.start ?? Infinity;
      const subjectMention = mentions.filter((m) => m.end <= start).pop();
      const iToken = sentence.tokens.filter((t) => t.end <= start && (t.normal === 'i' || t.normal === 'we')).pop();
      let subject: 'speaker' | number | undefined;
      if (iToken && (!subjectMention || iToken.start > subjectMention.start)) subject = 'speaker';
      else subject = subjectMention?.personId;
      if (subject === undefined) return;
      const object = mentions.find((m) => m.start >= end && m.start < nextStart)?.personId;
      if (subject === 'speaker' && object === undefined) return;
      const claim: VerbClaim = {
        sentence: sentence.index,
        verb,
        negative: Boolean(v.verb?.negative),
        subject,
        start,
        end,
        text: sentence.utterance.text.slice(sentence.start, sentence.end),
      };
      if (object !== undefined) claim.object = object;
      claims.push(claim);
    });
  }
  return claims;
}
