import nlp from 'compromise';
import { positionAt } from '../position.js';
import type { Clue, FileResult, Transcript } from '../types.js';

/**
 * The naive baseline `clues eval` prints beside our scores: every name compromise's `people()` finds in an
 * interviewee's words is flagged, once, as an unexplained adult at its first mention.
 */
export function naiveResult(transcript: Transcript): FileResult {
  const roles = new Map(transcript.speakers.map((s) => [s.label, s.role]));
  const seen = new Set<string>();
  const clues: Clue[] = [];
  for (const utterance of transcript.utterances) {
    if (roles.get(utterance.speaker) !== 'interviewee') continue;
    const found = nlp(utterance.text).people().json({ offset: true }) as Array<{ text: string; offset: { start: number } }>;
    for (const person of found) {
      const name = person.text.replace(/[^\p{L}\s'-]/gu, '').trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      const { line, column } = positionAt(utterance, person.offset.start);
      clues.push({
        rule: 'baseline',
        kind: 'unexplained-adult',
        severity: 'warning',
        file: transcript.file,
        line,
        column,
        lines: [line],
        who: name,
        speaker: utterance.speaker,
        messageId: 'name',
        data: {},
        message: 'a name',
        evidence: [{ line, column, text: person.text }],
      });
    }
  }
  return { file: transcript.file, ok: true, speakers: transcript.speakers, people: [], clues };
}
