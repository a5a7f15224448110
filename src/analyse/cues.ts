import { CUE_TYPES, CUES, type CueType } from './lexicon.js';
import type { LexiconMatches } from './matches.js';
import type { PersonMention, Roster } from './people.js';
import { groupByUtterance, sentenceAt, type Sentence } from './sentences.js';
import { isNegative } from './speech.js';

/** Words in a sentence that match a lexicon pattern, and the person they are about, if any. */
export interface Cue {
  type: CueType;
  sentence: number;
  start: number;
  end: number;
  text: string;
  personId?: number;
  /** An act said in the negative, in the cue's own clause: "he never stays over", "he never hit me". */
  negated: boolean;
}

// How many utterances back the topic person may have been mentioned.
const TOPIC_REACH = 4;

/** Finds every cue in the sentences of each utterance and attributes it to the person it is about. */
export function findCues(sentences: Sentence[], matches: readonly LexiconMatches[], roster: Roster): Cue[] {
  const cues: Cue[] = [];
  for (const [utteranceIndex, own] of groupByUtterance(sentences)) {
    const byType = matches[utteranceIndex]!.cues;
    for (const type of CUE_TYPES) {
      for (const { start, end: last } of byType.get(type) ?? []) {
        const sentence = sentenceAt(own, start);
        if (!sentence) continue;
        const end = trimEnd(sentence.utterance.text, start, last);
        const cue: Cue = {
          type,
          sentence: sentence.index,
          start,
          end,
          text: sentence.utterance.text.slice(start, end),
          negated: CUES[type].negatable && isNegated(sentence, start, end),
        };
        const personId = attribute(cue, sentence, sentences, roster);
        if (personId !== undefined) cue.personId = personId;
        cues.push(cue);
      }
    }
  }
  return cues.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}

// A negative word in the same clause, just before or inside the cue ("he's never had Tyler on his own").
function isNegated(sentence: Sentence, start: number, end: number): boolean {
  const before = sentence.tokens.filter((t) => t.end <= start);
  const clause: Sentence['tokens'] = [];
  for (let k = before.length - 1; k >= 0 && clause.length < 4; k--) {
    const t = before[k]!;
    if (/[,;:]/.test(t.post) || t.tags.has('Conjunction')) break;
    clause.push(t);
  }
  const inside = sentence.tokens.filter((t) => t.start >= start && t.end <= end);
  return [...clause, ...inside].some((t) => isNegative(t) || t.normal === 'no');
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  return end;
}

function attribute(cue: Cue, sentence: Sentence, sentences: Sentence[], roster: Roster): number | undefined {
  const { about, subjectPresent, topical } = CUES[cue.type];
  if (about === 'speaker') return undefined;
  // An owner ("my cousin's party") modifies a noun; it is not who did the thing.
  const mentions = (roster.bySentence[sentence.index] ?? []).filter((m) => !sentence.tokens[m.last]!.tags.has('Possessive') || m.kind === 'name');
  const isChild = (m: PersonMention) => roster.people[m.personId]!.personClass === 'child';
  const inside = mentions.find((m) => m.start >= cue.start && m.end <= cue.end && !isChild(m));
  if (about === 'inside' || (about === 'insideOrNear' && inside)) return inside?.personId;
  if (about === 'after') {
    const after = mentions.find((m) => m.start >= cue.end);
    return after && !isChild(after) ? after.personId : undefined;
  }
  const before = mentions.filter((m) => m.end <= cue.start).pop();
  if (before) {
    // "I stayed over at Kelly's": the speaker did it, not the person named before.
    const between = sentence.tokens.filter((t) => t.start >= before.end && t.end <= cue.start);
    if (subjectPresent && between.some((t) => t.normal === 'i')) return undefined;
    return isChild(before) ? undefined : before.personId;
  }
  if (about === 'insideOrNear') {
    const after = mentions.find((m) => m.start >= cue.end && !isChild(m));
    if (after) return after.personId;
  }
  const startsWithI = sentence.tokens.some((t) => t.end <= cue.start && t.normal === 'i');
  if (mentions.length > 0 || (startsWithI && subjectPresent) || !topical) return undefined;
  return topicPerson(sentence, sentences, roster);
}

// The person most recently talked about, for sentences like "we're not together" that name nobody. When that is a
// relative or a professional ("How are things with the girls' dad?" "We're not together"), the words are about them.
function topicPerson(sentence: Sentence, sentences: Sentence[], roster: Roster): number | undefined {
  for (let i = sentence.index - 1; i >= 0; i--) {
    const earlier = sentences[i]!;
    if (sentence.utterance.index - earlier.utterance.index > TOPIC_REACH) return undefined;
    const mentions = roster.bySentence[i] ?? [];
    for (let k = mentions.length - 1; k >= 0; k--) {
      const person = roster.people[mentions[k]!.personId]!;
      if (person.personClass === 'child') continue;
      return person.personClass === 'professional' || person.personClass === 'relative' ? undefined : person.id;
    }
  }
  return undefined;
}
