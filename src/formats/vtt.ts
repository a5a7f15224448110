/**
 * Parsing WebVTT captions (`.vtt`) into utterances: the blocks are read here, cue text by the caption engine
 * (captions.ts) that SRT shares. `NOTE clues-ignore …` blocks are directives.
 */

import { InputError } from '../errors.js';
import type { Directive, Utterance } from '../types.js';
import { quote } from '../visible.js';
import { ARROW, type Cue, type CueMarkup, clip, isBlank, lastContentLine, readCue, splitLines, utterancesFromCues } from './captions.js';
import { defineFormat, type SourceText } from './define.js';
import { directiveAt, toDirective, type FoundDirective } from './directives.js';

const VTT_MARKUP: CueMarkup = { entities: true, overrideCodes: false };

const SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
// What the content sniff looks for: the header, at the start of the text.
const HEADER = /^WEBVTT(?:[ \t]|\r?\n|$)/;
const IGNORED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const NOTE = /^(NOTE[ \t]+)(.*)$/;

/** WebVTT: a `WEBVTT` header, then cues. */
export const vtt = defineFormat({
  name: 'vtt',
  extensions: ['.vtt'],
  sniff: { by: 'start', test: (head) => HEADER.test(head) },
  parse: (source) => parseVtt(source),
});

/** Splits a WebVTT file into utterances with exact file positions; throws InputError (file:line: what) when it is malformed. */
export function parseVtt(source: SourceText): { utterances: Utterance[]; lineUnit: 'line'; directives: Directive[] } {
  const lines = splitLines(source.text);
  const first = lines[0] ?? '';
  if (!SIGNATURE.test(first)) {
    const hint = first.includes(ARROW) || /^\d+$/.test(first.trim()) ? ' (this looks like SubRip; name it .srt)' : '';
    throw new InputError(`${source.file}:1: missing WEBVTT header: the first line must be "WEBVTT"${hint}`);
  }
  const lastContent = lastContentLine(lines);
  const cues: Cue[] = [];
  const directives: Directive[] = [];
  let index = 1;
  // Header lines (`Kind: captions`, `Language: en`) run to the first blank line; a timing line ends them early.
  while (index < lines.length && !isBlank(lines[index]) && !(lines[index] as string).includes(ARROW)) index += 1;

  while (index < lines.length) {
    const line = lines[index] as string;
    if (isBlank(line)) {
      index += 1;
      continue;
    }
    if (IGNORED_BLOCK.test(line) && !line.includes(ARROW)) {
      const end = endOfBlock(lines, index);
      const directive = noteDirective(lines, index, end);
      if (directive) directives.push(directive);
      index = end;
      continue;
    }
    let timingIndex = index;
    if (!line.includes(ARROW)) {
      // A cue identifier: the next line must be the timing line.
      timingIndex = index + 1;
      const next = lines[timingIndex];
      if (timingIndex > lastContent) {
        throw new InputError(`${source.file}:${index + 1}: truncated cue: ${quote(clip(line))} has no timing line`);
      }
      if (next === undefined || isBlank(next)) {
        throw new InputError(
          `${source.file}:${index + 1}: text outside any cue: ${quote(clip(line))} is not followed by a timing line ` +
            '(a blank line inside a cue ends it)',
        );
      }
      if (!next.includes(ARROW)) {
        throw new InputError(
          `${source.file}:${timingIndex + 1}: expected a cue timing line like "00:00:01.000 --> 00:00:04.000" ` +
            `after cue identifier ${quote(clip(line))}, found ${quote(clip(next))}`,
        );
      }
    }
    // A line with `-->` starts the next cue even without a blank line before it.
    const read = readCue(source.file, lines, timingIndex, lastContent, false, (i) => (lines[i] as string).includes(ARROW));
    cues.push(read.cue);
    index = read.next;
  }

  const utterances = utterancesFromCues(source.file, cues, VTT_MARKUP);
  return { utterances, lineUnit: 'line', directives };
}

/** `NOTE clues-ignore …` (or `NOTE` alone with the directive on the block's next line); the rest of the block continues the reason. */
function noteDirective(lines: string[], index: number, end: number): Directive | undefined {
  const line = lines[index] as string;
  const note = NOTE.exec(line);
  const hit: FoundDirective | undefined =
    (note && directiveAt(index, note[1]!.length, note[2]!)) ||
    (line.trim() === 'NOTE' && index + 1 < end ? directiveAt(index + 1, 0, lines[index + 1]!) : undefined);
  if (!hit) return undefined;
  for (let i = hit.line; i < end; i += 1) hit.body += ` ${lines[i]!.trim()}`;
  return toDirective(hit);
}

function endOfBlock(lines: string[], index: number): number {
  let end = index;
  while (end < lines.length && !isBlank(lines[end])) end += 1;
  return end;
}
