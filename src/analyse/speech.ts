import { WORDS } from './lexicon.js';
import type { Roster } from './people/types.js';
import type { Sentence, Token } from './sentences.js';

const claimWords = WORDS.claims;

/** Words that open a hypothetical clause ("if he stayed over"); they also end the clause before them. */
export const HYPOTHETICAL: ReadonlySet<string> = new Set(['if', 'unless', 'whether']);

/** Whether a word negates the verb it goes with: compromise's Negative tag, or "not"/"never" where it missed them. */
export function isNegative(t: Token): boolean {
  return t.tags.has('Negative') || t.normal === 'not' || t.normal === 'never';
}

const NEGATORS: ReadonlySet<string> = new Set(claimWords.statements.negators);

/** Whether a word makes its clause negative, a negative quantifier included ("no one", "nobody", "nothing"). */
export function negates(t: Token): boolean {
  return isNegative(t) || NEGATORS.has(t.normal);
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

const PROFESSIONAL_WORDS = new RegExp(`\\b(${claimWords.reportedFrom.professionals.join('|')})\\b`, 'i');
const SAY = new Set(claimWords.reportedFrom.sayVerbs);

/** "The GP said it was nothing": the words before an offset report what a professional said, so they are not the speaker's. */
export function reportedFromProfessional(analysis: { roster: Roster }, sentence: Sentence, offset: number): boolean {
  const before = sentence.tokens.filter((t) => t.end <= offset);
  const sayAt = before.map((t) => SAY.has(t.normal)).lastIndexOf(true);
  if (sayAt < 0) return false;
  const speakerEnd = before[sayAt]!.start;
  const text = sentence.utterance.text.slice(sentence.start, speakerEnd);
  if (PROFESSIONAL_WORDS.test(text)) return true;
  return (analysis.roster.bySentence[sentence.index] ?? []).some(
    (m) => m.end <= speakerEnd && analysis.roster.people[m.personId]!.personClass === 'professional',
  );
}
