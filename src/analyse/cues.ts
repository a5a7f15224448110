import type nlp from 'compromise';
import { CUE_TYPES, CUES, type CueType, type Lexicon } from './lexicon.js';
import type { PersonMention, Roster } from './people.js';
import { groupByUtterance, sentenceAt, type Sentence } from './sentences.js';
import { isNegative } from './speech.js';

type View = ReturnType<typeof nlp>;

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

type Match = { terms: Array<{ offset: { start: number; length: number } }> };
interface Swept {
  found: Array<{ val: CueType[]; view: { fullPointer: unknown[] } }>;
}
interface Sweeping {
  sweep(net: unknown, options: { tagger: false }): Swept;
  update(pointers: unknown[]): { json(options: object): unknown };
}
/** compromise's pointer to a match: sentence, first term, end term, then term ids it may add. */
type Pointer = Array<number | string>;

/**
 * Each cue type's matches in one utterance, as `doc.match(net)` of that type's own net would give them (overlapping
 * matches of one type merged), from a single sweep of the net that holds every type.
 */
function matchesByType(doc: View, lexicon: Lexicon): Map<CueType, Match[]> {
  const sweeping = doc as unknown as Sweeping;
  const pointers = new Map<CueType, Pointer[]>();
  for (const { val, view } of sweeping.sweep(lexicon.cueNet, { tagger: false }).found) {
    for (const type of val) {
      const list = pointers.get(type);
      if (list) list.push(...(view.fullPointer as Pointer[]));
      else pointers.set(type, [...(view.fullPointer as Pointer[])]);
    }
  }
  const matches = new Map<CueType, Match[]>();
  for (const [type, list] of pointers) matches.set(type, sweeping.update(settle(list)).json({ terms: { offset: true } }) as Match[]);
  return matches;
}

/**
 * compromise's `settle()` (merge overlapping matches), giving the same pointers in the same order within each
 * sentence, at a cost linear in the number of sentences: compromise's own re-unites every pointer of the utterance
 * once per pointer, which is matches² on a long unpunctuated utterance. Pointers of different sentences never merge,
 * so each sentence's are settled on their own, by the same steps compromise takes: one union per pointer of the
 * whole list, where a union for another sentence's pointer only re-merges this sentence's (and soon changes nothing).
 */
export function settle(all: readonly Pointer[]): Pointer[] {
  const bySentence = new Map<number, number[]>();
  all.forEach((p, k) => {
    const at = bySentence.get(p[0] as number);
    if (at) at.push(k);
    else bySentence.set(p[0] as number, [k]);
  });
  const settled = new Map<number, Pointer[]>();
  for (const [n, own] of bySentence) {
    let ptrs = own.map((k) => all[k]!);
    let steps = 0; // how many unions of other sentences' pointers come before the next own one
    let stable = false;
    const others = (count: number) => {
      for (let k = 0; k < count && !stable; k++) {
        const next = unite(ptrs, undefined);
        stable = sameList(next, ptrs);
        ptrs = next;
      }
    };
    let previous = -1;
    for (const k of own) {
      steps = k - previous - 1;
      others(steps);
      ptrs = unite(ptrs, all[k]!);
      stable = false;
      previous = k;
    }
    others(all.length - previous - 1);
    settled.set(n, ptrs);
  }
  // Sentences in their first pointer's order, as compromise leaves them.
  return [...settled.values()].flat();
}

// compromise's getUnion(a, [b]) for pointers of one sentence, `b` absent when the pointer added is another sentence's.
function unite(ptrs: readonly Pointer[], added: Pointer | undefined): Pointer[] {
  const both = added ? [...ptrs, added] : [...ptrs];
  const result = new Map<string, Pointer>();
  for (const ptr of both) {
    const range = both.length === 1 ? ptr : extent([...both.filter((m) => overlaps(ptr, m)), ptr]);
    const key = range.join(',');
    if (!result.has(key)) result.set(key, range);
  }
  return [...result.values()];
}

function overlaps(a: Pointer, b: Pointer): boolean {
  const [startA, endA, startB, endB] = [a[1] as number, a[2] as number, b[1] as number, b[2] as number];
  return (startA <= startB && endA > startB) || (startB <= startA && endB > startA);
}

function extent(ptrs: Pointer[]): Pointer {
  let min = ptrs[0]![1] as number;
  let max = ptrs[0]![2] as number;
  for (const p of ptrs) {
    min = Math.min(min, p[1] as number);
    max = Math.max(max, p[2] as number);
  }
  return [ptrs[0]![0]!, min, max];
}

function sameList(a: readonly Pointer[], b: readonly Pointer[]): boolean {
  return a.length === b.length && a.every((p, k) => p.join(',') === b[k]!.join(','));
}

/** Finds every cue in the sentences of each utterance and attributes it to the person it is about. */
export function findCues(sentences: Sentence[], docs: View[], roster: Roster, lexicon: Lexicon): Cue[] {
  const cues: Cue[] = [];
  const byUtterance = groupByUtterance(sentences);
  docs.forEach((doc, utteranceIndex) => {
    const own = byUtterance.get(utteranceIndex) ?? [];
    if (own.length === 0) return;
    const byType = matchesByType(doc, lexicon);
    for (const type of CUE_TYPES) {
      const found = byType.get(type) ?? [];
      for (const match of found) {
        // Measure from the words themselves: a contraction's hidden word ("haven't" → not) has no text of its own.
        const visible = match.terms.filter((t) => t.offset.length > 0);
        if (visible.length === 0) continue;
        const start = visible[0]!.offset.start;
        const sentence = sentenceAt(own, start);
        if (!sentence) continue;
        const last = visible[visible.length - 1]!.offset;
        const end = trimEnd(sentence.utterance.text, start, last.start + last.length);
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
  });
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
