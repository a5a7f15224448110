/** Parsing the plain-text transcript format reviewers type: `SPEAKER: text` lines, continuations, timestamps, comments. */

import { InputError } from '../errors.js';
import type { Directive, Segment, Utterance } from '../types.js';
import { defineFormat, type SourceText } from './define.js';
import { directiveAt, toDirective } from './directives.js';
import {
  type LabelContext,
  labelStyle,
  numberedLine,
  readExaminationHeader,
  readHeading,
  readLabel,
  skipSpaces,
  timestampAt,
} from './label.js';
import { canonicalSpeaker, stripBom } from './text.js';

export { MAX_LABEL_LENGTH, TIME } from './label.js';

/** An utterance being assembled line by line. */
interface DraftUtterance {
  speaker: string;
  time?: string;
  text: string;
  segments: Segment[];
  /** Where the text would start on the label line, used when the turn has no words at all. */
  labelLine: number;
  labelTextColumn: number;
  questioner?: string;
}

/**
 * Splits a plain-text transcript into utterances with exact file positions; throws InputError when it has no
 * speaker labels. Labels are read by the shared grammar (see label.ts); an examination header ends the turn before
 * it and names the questioner of the `Q` turns after it.
 */
export function parsePlain(source: SourceText): Utterance[] {
  return utterancesOf(source.file, splitLines(stripBom(source.text)));
}

/** Plain text: `SPEAKER: text` lines; `#` lines are comments, where `# clues-ignore …` directives go. */
export const plain = defineFormat({
  name: 'txt',
  extensions: ['.txt'],
  parse: (source) => {
    const lines = splitLines(stripBom(source.text));
    return { utterances: utterancesOf(source.file, lines), directives: directives(lines) };
  },
});

function utterancesOf(file: string, lines: string[]): Utterance[] {
  const style = labelStyle(lines);
  const context: LabelContext = { style, inAnswer: false };
  const spellings = new Map<string, string>();
  const drafts: DraftUtterance[] = [];
  let current: DraftUtterance | undefined;
  let pendingTime: string | undefined;
  let questioner: string | undefined;

  for (const [index, rawLine] of lines.entries()) {
    const lineNumber = index + 1;
    const line = rawLine.trimEnd();
    let start = firstNonSpace(line);
    if (style.numbered) {
      const numbered = numberedLine(line);
      if (numbered === 'end') break;
      if (numbered === 'skip') continue;
      start = numbered.start;
    }
    // `#` starts a comment, except MAXQDA's `#00:00:04-0#` timestamp.
    if (start === -1 || (line[start] === '#' && !timestampAt(line, start, false))) continue;

    const header = readExaminationHeader(line, start);
    if (header) {
      questioner = header.questioner;
      current = undefined;
      context.inAnswer = false;
      continue;
    }

    const heading = readHeading(line, start, style);
    const labelled = heading ? { ...heading, textStart: line.length, kind: 'name' as const } : readLabel(line, start, context);
    if (labelled) {
      // A timestamp on its own line just before the label comes first, so it wins.
      const speaker = canonicalSpeaker(labelled.label, spellings);
      current = startUtterance(speaker, pendingTime ?? labelled.time, lineNumber, labelled.textStart + 1);
      if (labelled.kind === 'q' && questioner !== undefined) current.questioner = questioner;
      context.inAnswer = labelled.kind === 'a';
      pendingTime = undefined;
      drafts.push(current);
      appendText(current, line, labelled.textStart, lineNumber);
      continue;
    }

    const timeOnly = timestampOnly(line, start);
    if (timeOnly !== undefined) {
      pendingTime = timeOnly;
      continue;
    }

    pendingTime = undefined;
    if (!current) continue; // title or preamble before the first speaker
    appendText(current, line, skipLeadingTimestamp(line, start), lineNumber);
  }

  if (drafts.length === 0) {
    throw new InputError(`${file}: no speaker labels found; expected lines like "SW: How are things at home?"`);
  }
  return drafts.map(toUtterance);
}

const COMMENT = /^([ \t]*#+[ \t]*)(.*)$/;

/** `# clues-ignore …` lines: the parser skips every line that starts with `#`. */
function directives(lines: string[]): Directive[] {
  const found: Directive[] = [];
  lines.forEach((line, index) => {
    const comment = COMMENT.exec(line);
    const hit = comment && directiveAt(index, comment[1]!.length, comment[2]!);
    if (hit) found.push(toDirective(hit));
  });
  return found;
}

function timestampOnly(line: string, start: number): string | undefined {
  const found = timestampAt(line, start, true);
  return found && found.end === line.length ? found.time : undefined;
}

/** Continuation lines may start with a running timestamp; it is not speech, so the text starts after it. */
function skipLeadingTimestamp(line: string, start: number): number {
  const found = timestampAt(line, start, false);
  return found ? skipSpaces(line, found.end) : start;
}

function startUtterance(speaker: string, time: string | undefined, labelLine: number, labelTextColumn: number): DraftUtterance {
  const draft: DraftUtterance = { speaker, text: '', segments: [], labelLine, labelTextColumn };
  if (time !== undefined) draft.time = time;
  return draft;
}

function appendText(draft: DraftUtterance, line: string, textStart: number, lineNumber: number): void {
  if (textStart >= line.length) return;
  const piece = line.slice(textStart);
  if (draft.text !== '') draft.text += ' ';
  draft.segments.push({ offset: draft.text.length, line: lineNumber, column: textStart + 1 });
  draft.text += piece;
}

function toUtterance(draft: DraftUtterance, index: number): Utterance {
  const segments =
    draft.segments.length > 0 ? draft.segments : [{ offset: 0, line: draft.labelLine, column: draft.labelTextColumn }];
  const first = segments[0] as Segment;
  return {
    index,
    speaker: draft.speaker,
    text: draft.text,
    line: first.line,
    column: first.column,
    ...(draft.time === undefined ? {} : { time: draft.time }),
    ...(draft.questioner === undefined ? {} : { questioner: draft.questioner }),
    segments,
  };
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function firstNonSpace(line: string): number {
  return line.search(/\S/);
}

