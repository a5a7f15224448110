/**
 * The one speaker-label grammar every text format shares (plain text, WebVTT and SRT `Name:` prefixes, Word
 * tables): `NAME:` labels with titles and ranks, court `Q`/`A` markers, examination headers, labels on a line of
 * their own as transcription services export them, lower-case speech-to-text labels and numbered transcript
 * pages. Functions return positions in the line they are given, so callers keep every word's column true.
 */
import titles from '../lexicon/titles.json' with { type: 'json' };

/** The longest speaker label accepted, in characters. */
export const MAX_LABEL_LENGTH = 30;

/** Form headings a record writes like labels (`Present: DC Hughes, Ms Wood`, `Location: Kent Street`): never a speaker. */
const HEADING_LABELS: ReadonlySet<string> = new Set([
  'present', 'also present', 'persons present', 'people present', 'others present', 'date', 'date of interview',
  'time', 'time started', 'time ended', 'place', 'location', 'venue', 'duration', 'case', 'case number', 'case no',
  'ref', 'reference', 'our ref', 're', 'subject', 'title', 'transcript', 'transcribed by', 'transcriber',
  'recorded by', 'tape', 'tape number', 'exhibit', 'exhibit number', 'interview of', 'interviewee name', 'dob',
  'date of birth', 'address', 'station', 'custody number', 'urn', 'offence', 'offences', 'attendees', 'participants',
]);

/** mm:ss or hh:mm:ss, optionally with a fraction of a second (00:12:31.250). */
export const TIME = String.raw`\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?`;
const LONG_TIME = String.raw`\d{1,2}:[0-5]\d:[0-5]\d(?:[.,]\d{1,3})?`;
// `[00:12]`, `(00:12)` and MAXQDA's `#00:00:04-0#`.
const BRACKETED_TIME = new RegExp(String.raw`\[(${TIME})\]|\((${TIME})\)|#(${TIME})(?:-\d+)?#`, 'y');
// A bare hh:mm:ss is never speech; a bare 12:31 might be, so it counts only before a label or on its own line.
const BARE_LONG_TIME = new RegExp(String.raw`(${LONG_TIME})(?=\s|$)`, 'y');
const BARE_ANY_TIME = new RegExp(String.raw`(${TIME})(?=\s|$)`, 'y');
const SPACES = /[ \t]*/y;

// Titles and ranks as transcripts write them: `Ms.`, `MS.`, `MS .` (OCR), `DC`, `DC.`, `DET.`, `Judge` (titles.json's
// labelTitles; read here directly, as the vocabulary sits below the formats).
const TITLE_WORDS: readonly string[] = titles.labelTitles;
const TITLE_ALTERNATIVES = [...new Set(TITLE_WORDS.flatMap((word) => [word, word.toUpperCase()]))]
  .sort((a, b) => b.length - a.length)
  .join('|');
const TITLE = String.raw`(?:${TITLE_ALTERNATIVES})(?:[ \t]?\.)?(?=[ \t])`;
const INITIALS = String.raw`(?:\p{Lu}\.)+`;
const CAPITALISED_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’_-]*`;
const FIRST_LABEL_WORD = `(?:${TITLE}|${INITIALS}|${CAPITALISED_WORD})`;
const NEXT_LABEL_WORD = String.raw`(?:${FIRST_LABEL_WORD}|\p{N}+)`;
// 1–4 words, each capitalised (or a number after the first: `Speaker 1`).
const NAME = String.raw`${FIRST_LABEL_WORD}(?:[ \t]+${NEXT_LABEL_WORD}){0,3}`;
const NAME_LABEL = new RegExp(NAME, 'uy');
// A colon that ends a label: not `10:30` or `http://`.
const LABEL_COLON = /:(?![\d/])/y;
// Zoom's saved chat: `10:04:05 From Nicola Wood to Everyone : words`.
const ZOOM_CHAT = new RegExp(String.raw`From[ \t]+(${NAME}?)(?:[ \t]+to[ \t]+[^:]{1,40}?)?[ \t]*:(?![\d/])`, 'uy');
// Zoom's transcript: `[Nicola Wood] 10:04:05 words` (the time is required: a bracketed name alone may be a note).
const BRACKETED_NAME = new RegExp(String.raw`\[(${NAME})\][ \t]+(?=\d)`, 'uy');
// Court `Q.` / `A.` / `Q:` and, where the file is a Q/A record, plain `Q ` / `A `.
const QA_PUNCTUATED = /([QA])[ \t]?[.:](?=\s|$)/y;
const QA_SPACED = /([QA])[ \t]+(?=[^\s\p{Ll}])/uy;
const LOWER_LABEL = /(\p{Ll}[\p{Ll}\p{N}'’-]*(?:[ \t]\p{Ll}[\p{Ll}\p{N}'’-]*|[ \t]\p{N}+){0,2})[ \t]*:(?![\d/])/uy;

// Examination headers name the questioner of the `Q` lines below them: `CROSS-EXAMINATION BY MS. HOFFINGER:`.
const EXAMINATION_HEADER = new RegExp(
  String.raw`^(?:(?:CONTINUED|FURTHER|RESUMED)[ \t]+)*(?:(?:RE[ \t—–-]*)?(?:DIRECT|CROSS)|VOIR[ \t]+DIRE)?[ \t—–-]*EXAMINATION` +
    String.raw`(?:[ \t]*\((?:CONTINUED|RESUMED)\))?(?:[ \t]+(?:(BY)[ \t]+(.{1,40}?)|OF[ \t]+.{1,40}?))?[ \t]*[:.]?$`,
  'iu',
);
const BY_HEADER = new RegExp(String.raw`^BY[ \t]+((?:${TITLE_ALTERNATIVES})(?:[ \t]?\.)?[ \t]+.{1,30}?)[ \t]*:$`, 'u');

/** What a line that starts a turn says: who speaks, any timestamp, and where their words begin. */
export interface LabelledLine {
  label: string;
  time?: string;
  textStart: number;
  /** `q` and `a` for court question and answer markers, `name` for any other label. */
  kind: 'name' | 'q' | 'a';
}

/** What the whole file says about which label styles it uses; see `labelStyle`. */
export interface LabelStyle {
  /** Deposition pages: every line starts with its line number (1–25), and page headers sit between. */
  numbered: boolean;
  /** The file is a Q/A record, so plain `Q ` and `A ` (no stop or colon) are markers too. */
  questionAndAnswer: boolean;
  /** Labels stand on a line of their own above the words (Otter, Teams, Trint, Zoom). */
  headings: boolean;
  /** Lower-case labels (`interviewer:`, `mum:`) the file uses throughout, in lower case. */
  lowerCaseLabels: ReadonlySet<string>;
}

/** Where the reading stands: whether the turn being read is an answer (a plain `A ` line then goes on with it). */
export interface LabelContext {
  style: LabelStyle;
  inAnswer: boolean;
}

/** A style that reads only the labels every file may use. */
export const BASIC_STYLE: LabelStyle = { numbered: false, questionAndAnswer: false, headings: false, lowerCaseLabels: new Set() };

/** Reads a speaker label (with any timestamps around it) at `start`, or returns undefined when the line is not labelled. */
export function readLabel(line: string, start: number, context: LabelContext = { style: BASIC_STYLE, inAnswer: false }): LabelledLine | undefined {
  let position = start;
  const before = timestampAt(line, position, true);
  if (before) position = skipSpaces(line, before.end);

  const label =
    readSpacedQuestionOrAnswer(line, position, context) ??
    (before ? readZoomChat(line, position) : undefined) ??
    readNameLabel(line, position) ??
    readBracketedName(line, position) ??
    readPunctuatedQuestionOrAnswer(line, position) ??
    readLowerCaseLabel(line, position, context.style);
  if (!label) return undefined;

  position = skipSpaces(line, label.end);
  const after = timestampAt(line, position, false);
  if (after) position = skipSpaces(line, after.end);

  const time = before?.time ?? label.time ?? after?.time;
  // `Q:` and `A:` read as names are the court markers too.
  const kind = label.label === 'Q' ? 'q' : label.label === 'A' ? 'a' : label.kind;
  const result: LabelledLine = { label: label.label, textStart: position, kind };
  if (time !== undefined) result.time = time;
  return result;
}

/**
 * A `Name:` label at `position` in a caption's text (WebVTT, SRT), with where the words after it start; only
 * capitalised labels, as captions carry no Q/A records.
 */
export function readColonLabel(text: string, position: number): { label: string; end: number } | undefined {
  const found = readNameLabel(text, position);
  return found ? { label: found.label, end: skipSpaces(text, found.end) } : undefined;
}

/** Whether `text` read as `text: words` is a speaker label, as written (used to check a Word table's speaker cells). */
export function isLabel(text: string): boolean {
  const found = readNameLabel(`${text}: x`, 0);
  return found !== undefined && found.label === text && found.end === text.length + 1;
}

interface FoundLabel {
  label: string;
  time?: string;
  end: number;
  kind: LabelledLine['kind'];
}

function readNameLabel(line: string, start: number): FoundLabel | undefined {
  NAME_LABEL.lastIndex = start;
  const words = NAME_LABEL.exec(line);
  if (!words) return undefined;
  const label = tidyLabel(words[0]);
  if (label.length > MAX_LABEL_LENGTH || HEADING_LABELS.has(label.toLowerCase().replace(/\./g, ''))) return undefined;

  // `SW [00:12:31]: ...` and Rev's `Nicola Wood (00:04):` put the timestamp between the label and its colon.
  let position = skipSpaces(line, NAME_LABEL.lastIndex);
  const inner = timestampAt(line, position, false);
  if (inner) position = skipSpaces(line, inner.end);
  // `At 10:30 he came` is a time of day, not a speaker called "At 10".
  LABEL_COLON.lastIndex = position;
  if (!LABEL_COLON.test(line)) return undefined;
  return inner ? { label, time: inner.time, end: position + 1, kind: 'name' } : { label, end: position + 1, kind: 'name' };
}

function readZoomChat(line: string, start: number): FoundLabel | undefined {
  ZOOM_CHAT.lastIndex = start;
  const match = ZOOM_CHAT.exec(line);
  const label = match?.[1] === undefined ? undefined : tidyLabel(match[1]);
  return label && label.length <= MAX_LABEL_LENGTH ? { label, end: ZOOM_CHAT.lastIndex, kind: 'name' } : undefined;
}

function readBracketedName(line: string, start: number): FoundLabel | undefined {
  BRACKETED_NAME.lastIndex = start;
  const match = BRACKETED_NAME.exec(line);
  if (!match?.[1]) return undefined;
  const label = tidyLabel(match[1]);
  const time = timestampAt(line, BRACKETED_NAME.lastIndex, true);
  if (!time || label.length > MAX_LABEL_LENGTH) return undefined;
  return { label, time: time.time, end: time.end, kind: 'name' };
}

function readPunctuatedQuestionOrAnswer(line: string, start: number): FoundLabel | undefined {
  QA_PUNCTUATED.lastIndex = start;
  const match = QA_PUNCTUATED.exec(line);
  return match?.[1] ? questionOrAnswer(match[1], QA_PUNCTUATED.lastIndex) : undefined;
}

/**
 * Plain `Q And who else was present?` in a Q/A record, and `A Yes.` after a question or after colloquy
 * (`MS. NECHELES: Objection.` / `THE COURT: Overruled.`); a paragraph that goes on an answer (`A bad test is ...`)
 * is the witness still speaking, not a new answer.
 */
function readSpacedQuestionOrAnswer(line: string, start: number, context: LabelContext): FoundLabel | undefined {
  if (!context.style.questionAndAnswer) return undefined;
  QA_SPACED.lastIndex = start;
  const match = QA_SPACED.exec(line);
  if (!match?.[1] || (match[1] === 'A' && context.inAnswer)) return undefined;
  return questionOrAnswer(match[1], QA_SPACED.lastIndex);
}

function questionOrAnswer(letter: string, end: number): FoundLabel {
  return { label: letter, end, kind: letter === 'Q' ? 'q' : 'a' };
}

function readLowerCaseLabel(line: string, start: number, style: LabelStyle): FoundLabel | undefined {
  if (style.lowerCaseLabels.size === 0) return undefined;
  LOWER_LABEL.lastIndex = start;
  const match = LOWER_LABEL.exec(line);
  const label = match?.[1] === undefined ? undefined : tidyLabel(match[1]);
  return label !== undefined && style.lowerCaseLabels.has(label) ? { label, end: LOWER_LABEL.lastIndex, kind: 'name' } : undefined;
}

/** `MS .  NECHELES` → `MS. NECHELES`. */
function tidyLabel(label: string): string {
  return label.replace(/[ \t]+/g, ' ').replace(/ \./g, '.').trim();
}

// Labels on a line of their own, words below: Otter and Teams `Nicola Wood  0:04`, Trint `Nicola Wood [00:00:04]`,
// Teams `[0:03] Nicola Wood`, Zoom `[Nicola Wood] 10:04:05`.
const HEADINGS = [
  new RegExp(String.raw`^(${NAME})[ \t]+(${TIME})$`, 'u'),
  new RegExp(String.raw`^(${NAME})[ \t]*[[(](${TIME})[\])]$`, 'u'),
  new RegExp(String.raw`^[[(](${TIME})[\])][ \t]*(${NAME})$`, 'u'),
  new RegExp(String.raw`^\[(${NAME})\][ \t]+(${TIME})$`, 'u'),
];

/** A label standing on a line of its own above the words (`Nicola Wood  0:04`), read only where the file uses them. */
export function readHeading(line: string, start: number, style: LabelStyle): { label: string; time: string } | undefined {
  return style.headings ? headingAt(line.slice(start).trimEnd()) : undefined;
}

function headingAt(text: string): { label: string; time: string } | undefined {
  for (const [index, pattern] of HEADINGS.entries()) {
    const match = pattern.exec(text);
    if (!match?.[1] || !match[2]) continue;
    const [name, time] = index === 2 ? [match[2], match[1]] : [match[1], match[2]];
    const label = tidyLabel(name);
    if (label.length <= MAX_LABEL_LENGTH) return { label, time };
  }
  return undefined;
}

/**
 * An examination header (`CROSS-EXAMINATION BY MS. HOFFINGER:`, `DIRECT EXAMINATION`, `BY MR. Y:`): not speech.
 * `questioner` is the counsel it names, who asks the `Q` lines that follow; undefined when it names none.
 */
export function readExaminationHeader(line: string, start: number): { questioner?: string } | undefined {
  const text = line.slice(start).trimEnd();
  const by = BY_HEADER.exec(text);
  if (by?.[1]) return { questioner: tidyLabel(by[1]) };
  const header = EXAMINATION_HEADER.exec(text);
  if (!header) return undefined;
  return header[1] && header[2] ? { questioner: tidyLabel(header[2]) } : {};
}

/** A timestamp starting at `position`, without its brackets; bare `12:31` only when `allowShortBare`. */
export function timestampAt(line: string, position: number, allowShortBare: boolean): { time: string; end: number } | undefined {
  BRACKETED_TIME.lastIndex = position;
  const bracketed = BRACKETED_TIME.exec(line);
  if (bracketed) return { time: (bracketed[1] ?? bracketed[2] ?? bracketed[3]) as string, end: BRACKETED_TIME.lastIndex };
  const bare = allowShortBare ? BARE_ANY_TIME : BARE_LONG_TIME;
  bare.lastIndex = position;
  const match = bare.exec(line);
  return match?.[1] ? { time: match[1], end: bare.lastIndex } : undefined;
}

/** The position of the first character at or after `position` that is not a space or tab. */
export function skipSpaces(line: string, position: number): number {
  SPACES.lastIndex = position;
  SPACES.exec(line);
  return SPACES.lastIndex;
}

// Numbered transcript pages: a line number 1–25 (some courts use up to 28) at the left margin.
const MARGIN_NUMBER = /^[ \t]*(\d{1,2})(?=[ \t]|$)[ \t]*/;
const PAGE_LINE = /^[ \t]*(?:\d{1,4}|Page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?|-[ \t]*\d{1,4}[ \t]*-)[ \t]*$/i;
const CERTIFICATE = /^(?:REPORTER'?S?[ \t]+CERTIFICATE|CERTIFICATE(?:[ \t]+OF[ \t]+(?:(?:CERTIFIED[ \t]+)?(?:SHORTHAND[ \t]+)?REPORTER|TRANSCRIBER|TRANSCRIPTION))?|C[ \t]*E[ \t]*R[ \t]*T[ \t]*I[ \t]*F[ \t]*I[ \t]*C[ \t]*A[ \t]*T[ \t]*E)[ \t]*:?$/i;

/**
 * What a line of a numbered transcript holds: `skip` for page numbers, page headers and footers (lines without a
 * margin number) and empty numbered lines; `end` at the reporter's certificate (nothing after it is testimony);
 * else where the text starts after the margin number.
 */
export function numberedLine(line: string): { start: number } | 'skip' | 'end' {
  if (PAGE_LINE.test(line)) return 'skip';
  const margin = MARGIN_NUMBER.exec(line);
  const number = Number(margin?.[1]);
  if (!margin || number < 1 || number > 28) return 'skip';
  const start = margin[0].length;
  if (start >= line.trimEnd().length) return 'skip';
  return CERTIFICATE.test(line.slice(start).trim()) ? 'end' : { start };
}

/** What the whole file says about the label styles it uses (numbered pages, Q/A, headings, lower-case labels). */
export function labelStyle(lines: readonly string[]): LabelStyle {
  const numbered = isNumbered(lines);
  const texts: string[] = [];
  for (const line of lines) {
    if (!numbered) {
      texts.push(line.trim());
      continue;
    }
    const found = numberedLine(line);
    if (found === 'end') break;
    if (found !== 'skip') texts.push(line.slice(found.start).trim());
  }
  const content = texts.filter((text) => text !== '' && !text.startsWith('#'));
  return {
    numbered,
    questionAndAnswer: isQuestionAndAnswer(content),
    headings: usesHeadings(content),
    lowerCaseLabels: lowerCaseLabels(content),
  };
}

function isNumbered(lines: readonly string[]): boolean {
  let numberedLines = 0;
  let inSequence = 0;
  let previous = 0;
  let content = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    content += 1;
    const margin = MARGIN_NUMBER.exec(line);
    if (!margin) continue;
    const number = Number(margin[1]);
    if (number < 1 || number > 28) continue;
    numberedLines += 1;
    if (number === previous + 1) inSequence += 1;
    previous = number;
  }
  return numberedLines >= 10 && numberedLines * 2 >= content && inSequence * 3 >= numberedLines * 2;
}

function isQuestionAndAnswer(content: readonly string[]): boolean {
  const marker = (letter: string): number =>
    content.filter((text) => new RegExp(String.raw`^(?:[[(]?${TIME}[\])]?[ \t]+)?${letter}(?:[ \t]?[.:])?[ \t]+[^\s\p{Ll}]`, 'u').test(text)).length;
  return marker('Q') >= 2 && marker('A') >= 2;
}

function usesHeadings(content: readonly string[]): boolean {
  let headings = 0;
  let labels = 0;
  content.forEach((text, index) => {
    if (headingAt(text)) {
      const next = content[index + 1];
      if (next !== undefined && !headingAt(next)) headings += 1;
    } else if (readNameLabel(text, 0)) labels += 1;
  });
  return headings >= 2 && headings * 2 >= headings + labels;
}

/**
 * The lower-case labels of a speech-to-text transcript written all in lower case: at least two labels used at least
 * twice, starting a third of the lines or more; then a one-word label used once (`officer:`) counts too. A colon in
 * ordinary prose (`and then i said: no`) rarely repeats and is seldom one word.
 */
function lowerCaseLabels(content: readonly string[]): ReadonlySet<string> {
  const text = content.join('\n');
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0 || upper > letters * 0.02) return new Set();
  const counts = new Map<string, number>();
  for (const line of content) {
    LOWER_LABEL.lastIndex = 0;
    const match = LOWER_LABEL.exec(line);
    if (!match?.[1]) continue;
    const label = tidyLabel(match[1]);
    if (label.length <= MAX_LABEL_LENGTH) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const recurring = [...counts].filter(([, count]) => count >= 2);
  const turns = recurring.reduce((sum, [, count]) => sum + count, 0);
  if (recurring.length < 2 || recurring.length > 8 || turns * 3 < content.length) return new Set();
  return new Set([...counts].filter(([label, count]) => count >= 2 || !/\s/.test(label)).map(([label]) => label));
}
