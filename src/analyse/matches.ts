import nlp from 'compromise';
import type { CueType, Lexicon } from './lexicon.js';
import { maskNonSpeech } from './sentences.js';

type View = ReturnType<typeof nlp>;

/**
 * What the lexicon's compromise patterns match in one utterance, as offsets in its text. An utterance's compromise
 * document is many times the size of its text; keeping only these lets each document go as soon as it is read, so a
 * long transcript's memory holds its tokens, not every parse of it.
 */
export interface LexiconMatches {
  /** Each cue type's matches, in compromise's order: from the first visible word's start to the last one's end. */
  cues: Map<CueType, OffsetSpan[]>;
  /** The children.json cues: signs that whoever they name is a child ("Riley goes to nursery"). */
  childCues: ChildCueMatch[];
}

export interface OffsetSpan {
  start: number;
  end: number;
}

export interface ChildCueMatch extends OffsetSpan {
  text: string;
}

/** Runs every lexicon pattern over one utterance's document. */
export function matchLexicon(doc: View, lexicon: Lexicon): LexiconMatches {
  const json = doc.match(lexicon.childCues).json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
  const childCues = json.map(({ text, offset }) => ({ text, start: offset.start, end: offset.start + offset.length }));
  return { cues: cueMatches(doc, lexicon), childCues };
}

/**
 * The lexicon's matches in an utterance once the roster has found its names: compromise misses names it does not
 * know ("Deano"), and the patterns' #Person must see ours. The utterance is parsed again (compromise gives the same
 * terms for the same text) and its name terms tagged; `personTerms` are flat term indices in its document.
 */
export function matchLexiconWithNames(text: string, personTerms: readonly number[], lexicon: Lexicon): LexiconMatches {
  const doc = nlp(maskNonSpeech(text));
  const terms = doc.termList() as Array<{ tags: Set<string> }>;
  for (const k of personTerms) terms[k]?.tags.add('Person');
  return matchLexicon(doc, lexicon);
}

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

// Measured from the words themselves: a contraction's hidden word ("haven't" → not) has no text of its own.
function cueMatches(doc: View, lexicon: Lexicon): Map<CueType, OffsetSpan[]> {
  const spans = new Map<CueType, OffsetSpan[]>();
  for (const [type, found] of matchesByType(doc, lexicon)) {
    const own: OffsetSpan[] = [];
    for (const match of found) {
      const visible = match.terms.filter((t) => t.offset.length > 0);
      if (visible.length === 0) continue;
      const last = visible[visible.length - 1]!.offset;
      own.push({ start: visible[0]!.offset.start, end: last.start + last.length });
    }
    spans.set(type, own);
  }
  return spans;
}
