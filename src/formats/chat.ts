/**
 * Parsing TalkBank CHAT (.cha): `*SPK:\ttext` main tiers (tab-indented lines continue them), `%xxx:` dependent
 * tiers and `@` headers skipped, `@Participants` giving names and roles. CHAT's transcription codes are taken
 * out of the text while every remaining character keeps its place in the file.
 */

import { InputError } from '../errors.js';
import type { Directive, ParsedTranscript, Segment, Utterance } from '../types.js';
import { quote } from '../visible.js';
import { defineFormat, type SourceText } from './define.js';
import { directiveAt, toDirective, type FoundDirective } from './directives.js';
import { clockTime, lineColumn, lineEnd, lineStarts, stripBom } from './text.js';

/** Participant roles that mark a speaker as the interviewer. */
const INTERVIEWER_ROLES = new Set(['investigator', 'interviewer', 'experimenter']);
// The child a language study records: what a toddler says is no interviewee's account.
const CHILD_ROLES = new Set(['target_child', 'child']);

// Codes for speech that was not transcribed: unintelligible, phonological-only, untranscribed.
const UNTRANSCRIBED = new Set(['xxx', 'yyy', 'www', 'xx', 'yy']);
// Markers with no letters of their own: intonation arrows, CA prosody and overlap marks, scope brackets, stress.
const DROPPED_MARKS = /[<>‹›⌈⌉⌊⌋〔〕↑↓⇗↗→↘⇘∞≈≋∆∇°▔▁☺♋⁎⁑⤇∬Ϋ∮↻⤆∾◉§ˈˌ≠:^]/u;
// Satellite markers (vocative, tag) read as commas.
const COMMA_MARKS = /[‡„‚]/u;
const MEDIA_BULLET = '\u0015';
// A pause: (.) (..) (...) or a timed one like (1.5) or (2:03.5).
const PAUSE = /^\((?:\.{1,3}|\d+(?::\d+)?(?:\.\d*)?)\)$/;

const HEADER = /^@(?:UTF8|Begin|Font|Window)\b/;
const COMMENT = /^(@Comment:|%com:)([ \t]*)(.*)$/i;

/** TalkBank CHAT, recognised by its `@UTF8` or `@Begin` header; `@Comment:` headers and `%com:` tiers hold directives. */
export const chat = defineFormat({
  name: 'cha',
  extensions: ['.cha'],
  sniff: { by: 'start', test: (head) => HEADER.test(head) },
  parse: (source) => parseChat(source),
});

/** A participant from @Participants: `CHI Eve Target_Child`. */
interface Participant {
  code: string;
  name?: string;
  role: string;
}

/** A character of tier text and the file offset it came from (`-1` for a space the parser supplies). */
interface Char {
  ch: string;
  at: number;
}

/** A main tier collected across its continuation lines. */
interface Tier {
  code: string;
  chars: Char[];
}

/** Parses a CHAT transcript; throws InputError with file:line when it is not well-formed CHAT. */
export function parseChat(source: SourceText): ParsedTranscript {
  const text = stripBom(source.text);
  const starts = lineStarts(text);
  const fail = (line: number, message: string): never => {
    throw new InputError(`${source.file}:${line}: ${message}`);
  };

  let begun = false;
  let ended = false;
  let headerText: { name: string; value: string } | undefined;
  let tier: Tier | undefined;
  const participants: Participant[] = [];
  const tiers: Tier[] = [];
  const finishHeader = (): void => {
    if (headerText?.name.toLowerCase() === 'participants') participants.push(...readParticipants(headerText.value));
    headerText = undefined;
  };

  const lines = starts.map((start, index) => text.slice(start, lineEnd(text, starts, index)));
  for (let index = 0; index < lines.length && !ended; index += 1) {
    const lineNumber = index + 1;
    const lineStart = starts[index] as number;
    const line = lines[index] as string;
    const first = line[0];

    if (line.trim() === '') continue;
    if (first === '\t' || first === ' ') {
      // Continues whatever came before: a main tier, a dependent tier (skipped) or a header.
      if (tier) appendChars(tier.chars, line, lineStart, 0);
      else if (headerText) headerText.value += ` ${line.trim()}`;
      continue;
    }
    finishHeader();
    tier = undefined;

    if (first === '@') {
      const colon = line.indexOf(':');
      const name = (colon === -1 ? line.slice(1) : line.slice(1, colon)).trim();
      if (name === 'Begin') begun = true;
      else if (name === 'End') ended = true;
      else if (colon !== -1) headerText = { name, value: line.slice(colon + 1).trim() };
      continue;
    }
    if (first !== '*' && first !== '%') {
      fail(lineNumber, `not a CHAT line: expected "@Header:", "*SPK:\\ttext" or "%tier:" (found ${quote(preview(line))})`);
    }
    const colon = line.indexOf(':');
    const code = colon === -1 ? '' : line.slice(1, colon);
    if (colon === -1 || !/^[\p{L}\p{N}_-]+$/u.test(code)) {
      const kind = first === '*' ? 'main tier' : 'dependent tier';
      fail(lineNumber, `${kind} ${quote(preview(line))} needs a code and a colon, like "${first === '*' ? '*MOT:' : '%mor:'}"`);
    }
    if (!begun) fail(lineNumber, `tier "${first}${code}:" comes before @Begin; a CHAT file starts with @Begin`);
    if (first === '%') continue;
    tier = { code, chars: [] };
    tiers.push(tier);
    appendChars(tier.chars, line, lineStart, colon + 1);
  }
  finishHeader();
  if (!begun) fail(1, 'not a CHAT file: no @Begin header');

  const labels = speakerLabels(participants);
  const utterances: Utterance[] = [];
  for (const { code, chars } of tiers) {
    const cleaned = cleanTier(chars);
    if (!/[\p{L}\p{N}]/u.test(cleaned.chars.map((c) => c.ch).join(''))) continue; // only codes, pauses or xxx
    utterances.push(toUtterance(labels.get(code) ?? code, cleaned.chars, cleaned.time, utterances.length, starts));
  }
  if (utterances.length === 0) fail(1, 'no main tiers with speech ("*SPK:\\ttext") found');

  const speaking = new Set(utterances.map((u) => u.speaker));
  const interviewers = participants
    .filter((p) => INTERVIEWER_ROLES.has(p.role.toLowerCase()))
    .map((p) => labels.get(p.code) ?? p.code)
    .filter((label, i, all) => speaking.has(label) && all.indexOf(label) === i);
  const children = participants
    .filter((p) => CHILD_ROLES.has(p.role.toLowerCase()))
    .map((p) => labels.get(p.code) ?? p.code)
    .filter((label) => speaking.has(label));
  return { utterances, interviewers, children, directives: directives(lines) };
}

/** `CHI Eve Target_Child, MOT Sue Mother, INV Investigator`: code, optional name, role. */
function readParticipants(value: string): Participant[] {
  const participants: Participant[] = [];
  for (const entry of value.split(',')) {
    const words = entry.trim().split(/\s+/).filter((w) => w !== '');
    const [code, ...rest] = words;
    if (code === undefined) continue;
    const role = rest.length > 0 ? (rest[rest.length - 1] as string) : '';
    const name = rest.slice(0, -1).join(' ').replace(/_/g, ' ');
    participants.push(name === '' ? { code, role } : { code, name, role });
  }
  return participants;
}

/** Each participant's label: the name when the header gives one (`Sue`), else the code; a name two share falls back to codes. */
function speakerLabels(participants: Participant[]): Map<string, string> {
  const nameCount = new Map<string, number>();
  for (const p of participants) if (p.name) nameCount.set(p.name, (nameCount.get(p.name) ?? 0) + 1);
  const codes = new Set(participants.map((p) => p.code));
  const labels = new Map<string, string>();
  for (const p of participants) {
    const unique = p.name !== undefined && nameCount.get(p.name) === 1 && (!codes.has(p.name) || p.name === p.code);
    labels.set(p.code, unique ? (p.name as string) : p.code);
  }
  return labels;
}

/** Adds the characters of `line` from `from`, after a separating space, to a tier's text. */
function appendChars(chars: Char[], line: string, lineStart: number, from: number): void {
  if (chars.length > 0) chars.push({ ch: ' ', at: -1 });
  for (let i = from; i < line.length; i += 1) chars.push({ ch: line[i] as string, at: lineStart + i });
}

/** `@Comment:` headers and `%com:` tiers whose text starts with `clues-ignore`; tab-indented lines after them continue the reason. */
function directives(lines: string[]): Directive[] {
  const found: FoundDirective[] = [];
  let current: FoundDirective | undefined;
  lines.forEach((line, index) => {
    if (current && /^[ \t]/.test(line) && line.trim() !== '') {
      current.body += ` ${line.trim()}`;
      return;
    }
    current = undefined;
    const comment = COMMENT.exec(line);
    const hit = comment && directiveAt(index, comment[1]!.length + comment[2]!.length, comment[3]!);
    if (hit) found.push((current = hit));
  });
  return found.map(toDirective);
}


// ---------------------------------------------------------------------------------------------------------
// Cleaning a main tier.

/**
 * The words of a main tier with CHAT codes removed: bracketed codes (`[/]`, `[: word]`, `[+ IMP]`, `[= text]`),
 * media bullets (their start time is kept), pauses, `0word`, `xxx`, events (`&=laughs`), fragments (`&+fr`),
 * special-form markers (`@o`), scope and prosody marks. Fillers (`&-uh`) keep their word; `_` joins become
 * spaces; `(be)cause` keeps its letters; terminators (`+...`, `+/?`) keep only their punctuation, next to the word.
 */
function cleanTier(input: Char[]): { chars: Char[]; time?: string } {
  let time: string | undefined;
  const tokens: Char[][] = [];
  let token: Char[] = [];
  const endToken = (): void => {
    if (token.length > 0) tokens.push(token);
    token = [];
  };

  for (let i = 0; i < input.length; i += 1) {
    const { ch } = input[i] as Char;
    if (ch === '[') {
      // A bracketed code never holds words that were said; skip to its end (it may run over lines).
      endToken();
      while (i < input.length && (input[i] as Char).ch !== ']') i += 1;
      continue;
    }
    if (ch === MEDIA_BULLET) {
      endToken();
      let body = '';
      for (i += 1; i < input.length && (input[i] as Char).ch !== MEDIA_BULLET; i += 1) body += (input[i] as Char).ch;
      const range = /(\d+)_(\d+)\s*$/.exec(body);
      if (time === undefined && range) time = clockTime(Number(range[1]) / 1000);
      continue;
    }
    if (/\s/.test(ch)) {
      endToken();
      continue;
    }
    token.push(input[i] as Char);
  }
  endToken();

  const words = tokens.map(cleanToken).filter((word) => word.length > 0);
  const chars: Char[] = [];
  for (const word of words) {
    const punctuation = /^[.,?!;]+$/.test(word.map((c) => c.ch).join(''));
    const previous = chars[chars.length - 1];
    if (previous && !punctuation) chars.push({ ch: ' ', at: previous.at === -1 ? -1 : previous.at + 1 });
    chars.push(...word);
  }
  return time === undefined ? { chars } : { chars, time };
}

/** One whitespace-separated token with its codes removed; empty when nothing of it was said. */
function cleanToken(token: Char[]): Char[] {
  const word = token.map((c) => c.ch).join('');
  if (word.startsWith('+')) return terminatorOf(token);
  // Punctuation typed against a code (`&=laughs.`, `xxx,`) outlives the code.
  const punctuation = /[.,?!;]+$/.exec(word);
  if (punctuation && punctuation.index > 0 && !PAUSE.test(word)) {
    const body = token.slice(0, punctuation.index);
    return [...cleanToken(body), ...token.slice(punctuation.index)];
  }
  if (word.startsWith('&')) {
    // &-uh filler (kept), &=laughs event, &+fr fragment, &~nonword, &*MOT:yeah interposed word (all dropped).
    return word.startsWith('&-') ? cleanWord(token.slice(2)) : [];
  }
  if (/^0/.test(word)) return []; // omitted word (0is) or an action with no speech (0)
  if (PAUSE.test(word)) return [];
  return cleanWord(token);
}

/** Letters of a word: `@o` suffixes, `:`/`^` within the word (not `10:30`), parentheses and prosody marks removed, `_`/`+` read as spaces. */
function cleanWord(token: Char[]): Char[] {
  const out: Char[] = [];
  for (const [i, c] of token.entries()) {
    if (c.ch === '@') break; // special form marker: quack@o, mimine@f, word@s:fra
    const clock = c.ch === ':' && /\d/.test(token[i - 1]?.ch ?? '') && /\d/.test(token[i + 1]?.ch ?? ''); // 10:30
    if (!clock && (c.ch === '(' || c.ch === ')' || DROPPED_MARKS.test(c.ch))) continue;
    if (c.ch === '_' || c.ch === '+') out.push({ ch: ' ', at: c.at });
    else if (COMMA_MARKS.test(c.ch)) out.push({ ch: ',', at: c.at });
    else out.push(c);
  }
  const bare = out.map((c) => c.ch).join('').trim();
  if (UNTRANSCRIBED.has(bare.toLowerCase())) return [];
  return out;
}

/** The punctuation a `+` code stands for: `+...` → `...`, `+/?` → `?`, `+/.` → `.`; linkers (`+<`, `+^`, `++`) → nothing. */
function terminatorOf(token: Char[]): Char[] {
  const word = token.map((c) => c.ch).join('');
  if (word === '+...') return token.slice(1);
  const question = token.findIndex((c) => c.ch === '?');
  if (question !== -1) return [token[question] as Char];
  const last = token[token.length - 1] as Char;
  return token.length > 1 && (last.ch === '.' || last.ch === '!') ? [last] : [];
}

// ---------------------------------------------------------------------------------------------------------
// Offsets to lines and columns.

function toUtterance(speaker: string, chars: Char[], time: string | undefined, index: number, starts: number[]): Utterance {
  const segments: Segment[] = [];
  let expected = Number.NaN;
  let currentLine = 0;
  chars.forEach((c, offset) => {
    if (c.at === -1) {
      expected += 1;
      return;
    }
    const { line, column } = lineColumn(starts, c.at);
    // A new segment wherever the text jumps in the file, including onto the next line.
    if (c.at !== expected || line !== currentLine) segments.push({ offset, line, column });
    expected = c.at + 1;
    currentLine = line;
  });
  const first = segments[0] as Segment;
  return {
    index,
    speaker,
    text: chars.map((c) => c.ch).join(''),
    line: first.line,
    column: first.column,
    ...(time === undefined ? {} : { time }),
    segments,
  };
}

function preview(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 30 ? `${trimmed.slice(0, 30)}…` : trimmed;
}

