/**
 * Parsing SubRip captions (`.srt`) into utterances: numbered cues, `Name:` on the first cue of a turn,
 * text wrapped over lines. Timing lines and cue text are read by the caption engine WebVTT shares
 * (captions.ts); the blocks are read here by hand so every line keeps its position.
 */

import { InputError } from '../errors.js';
import type { ParsedTranscript } from '../types.js';
import { quote } from '../visible.js';
import { ARROW, type Cue, type CueMarkup, clip, isBlank, lastContentLine, readCue, splitLines, utterancesFromCues } from './captions.js';
import { defineFormat, type SourceText } from './define.js';

const SRT_MARKUP: CueMarkup = { entities: false, overrideCodes: true };
const CUE_NUMBER = /^\s*\d+\s*$/;
// What the content sniff looks for: a counter line, then `00:00:01,000 --> ` (hours optional in lenient exports,
// `.` for `,` too).
const FIRST_CUE = /^\d+[ \t]*\r?\n[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/;

/** SubRip: numbered cues; it has no comments, so no directives. */
export const srt = defineFormat({
  name: 'srt',
  extensions: ['.srt'],
  sniff: { by: 'start', test: (head) => FIRST_CUE.test(head) },
  parse: (source) => parseSrt(source),
});

/**
 * Splits an SRT file into utterances with exact file positions. Cues from live tools that repeat or go
 * back in time are kept as they come (an exact repeat of the previous cue's text is dropped); malformed
 * cues throw InputError (file:line: what).
 */
export function parseSrt(source: SourceText): ParsedTranscript {
  const lines = splitLines(source.text);
  const lastContent = lastContentLine(lines);
  if (lastContent === -1) throw new InputError(`${source.file}: empty file: no SubRip cues`);
  const cues: Cue[] = [];
  let index = 0;

  while (index <= lastContent) {
    const line = lines[index] as string;
    if (isBlank(line)) {
      index += 1;
      continue;
    }
    let timingIndex = index;
    if (CUE_NUMBER.test(line)) {
      timingIndex = index + 1;
      const number = line.trim();
      if (timingIndex > lastContent) {
        throw new InputError(`${source.file}:${index + 1}: truncated cue: cue ${number} has no timing line`);
      }
      if (isBlank(lines[timingIndex]) || !(lines[timingIndex] as string).includes(ARROW)) {
        throw new InputError(
          `${source.file}:${timingIndex + 1}: cue ${number} has no timing line: expected ` +
            `"00:00:01,000 --> 00:00:04,000", found ${quote(clip((lines[timingIndex] as string).trim()))}`,
        );
      }
    } else if (!line.includes(ARROW)) {
      const hint = index === 0 && /^WEBVTT/.test(line) ? ' (this looks like WebVTT; name it .vtt)' : '';
      throw new InputError(
        `${source.file}:${index + 1}: expected a cue number or a timing line like "00:00:01,000 --> 00:00:04,000", ` +
          `found ${quote(clip(line.trim()))}${hint}`,
      );
    }

    // The next cue may start without a blank line when a tool left it out.
    const read = readCue(source.file, lines, timingIndex, lastContent, true, (i) => startsCue(lines, i));
    cues.push(read.cue);
    index = read.next;
  }

  return { utterances: utterancesFromCues(source.file, cues, SRT_MARKUP), lineUnit: 'line' };
}

/** A timing line, or a cue number followed by one. */
function startsCue(lines: string[], index: number): boolean {
  const line = lines[index] as string;
  if (line.includes(ARROW)) return true;
  return CUE_NUMBER.test(line) && (lines[index + 1] ?? '').includes(ARROW);
}
