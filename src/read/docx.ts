/**
 * Word documents (.docx): the text of each paragraph on a line of its own, so a position's line is a paragraph
 * number. A table laid out as a transcript (`Speaker | Words` or `Time | Speaker | Words`) is read as speaker turns
 * without changing that numbering: see `speakerTable`.
 */

import { MAX_LABEL_LENGTH, TIME as PLAIN_TIME } from '../formats/label.js';
import { parsePlain } from '../formats/plain.js';

/** The first bytes of a zip archive, which every .docx is. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first bytes of an OLE compound file: a Word 97–2003 `.doc` (or another old Office file). */
export function isOleCompound(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((byte, i) => bytes[i] === byte);
}

/** An element of mammoth's document tree, as handed to `transformDocument`; only what the text needs. */
interface DocElement {
  type: string;
  value?: string;
  children?: DocElement[];
  /** A table row marked to repeat at the top of each page. */
  isHeader?: boolean;
  /** The grid columns a table cell spans; mammoth drops the cells a vertical merge continues and counts them here. */
  colSpan?: number;
  rowSpan?: number;
}

/**
 * The document body's text: one paragraph per line (empty paragraphs kept, so line N is paragraph N), a line
 * break inside a paragraph starting a new line, tabs kept, table cells' paragraphs in reading order. Headers,
 * footers, footnotes and comments are left out. Throws with mammoth's message when the bytes are not a Word document.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  // Loaded here, not at the top: mammoth (and its zip reader) is heavy, and only a .docx needs it.
  const { default: mammoth } = await import('mammoth');
  let lines: string[] = [];
  // convertToHtml is the public way to see the document tree; emptying it afterwards skips the HTML work.
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (document: DocElement) => {
        lines = textLines(document);
        return { ...document, children: [] };
      },
    },
  );
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((line) => line.replace(/[\r\n\u000b\f]+/g, ' ')).join('\n');
}

/** The lines of an element: one per paragraph and per line break, a speaker table's rows as turns. */
function textLines(root: DocElement): string[] {
  const lines: string[] = [];
  let current = '';
  let inParagraph = false;
  const endLine = (): void => {
    lines.push(current);
    current = '';
  };
  const walk = (element: DocElement): void => {
    switch (element.type) {
      case 'text':
        current += element.value ?? '';
        return;
      case 'tab':
        current += '\t';
        return;
      case 'break':
        // `extractRawText` drops line breaks and glues the words either side together; a new line keeps them apart.
        endLine();
        return;
      case 'paragraph': {
        // A paragraph inside a paragraph (a text box) ends the outer line first.
        if (inParagraph && current !== '') endLine();
        const outer = inParagraph;
        inParagraph = true;
        element.children?.forEach(walk);
        inParagraph = outer;
        endLine();
        return;
      }
      case 'table': {
        if (current !== '') endLine();
        const turns = speakerTable(element);
        if (turns) lines.push(...turns);
        else element.children?.forEach(walk);
        return;
      }
      default:
        element.children?.forEach(walk);
    }
  };
  walk(root);
  if (current !== '') lines.push(current);
  return lines;
}

/** A table cell where it sits on the table's grid, with its lines. */
interface PlacedCell {
  column: number;
  span: number;
  lines: string[];
  /** The cell's words on one line, spaces collapsed. */
  text: string;
}

/** A table row on the grid: its cells, and the columns a cell merged down from a row above still covers. */
interface GridRow {
  cells: PlacedCell[];
  above: Set<number>;
  isHeader: boolean;
}

/** Which grid column holds the speaker, the words and (in three-column tables) the time. */
interface Columns {
  label: number;
  words: number;
  time?: number;
}

type ColumnRole = keyof Columns;

/** What header cells say to name each column of a transcript table, compared without case, punctuation or a bracketed note. */
const HEADER_WORDS: Record<ColumnRole, readonly string[]> = {
  time: ['time', 'times', 'timestamp', 'time stamp', 'timecode', 'time code', 'start', 'start time', 'clock', 'elapsed', 'tc'],
  label: ['speaker', 'speakers', 'speaker name', 'name', 'who', 'who spoke', 'person', 'participant', 'role', 'initials', 'spoken by', 'by'],
  words: [
    'transcript', 'transcription', 'text', 'dialogue', 'dialog', 'words', 'speech', 'said', 'what was said', 'what they said',
    'content', 'utterance', 'conversation', 'statement', 'response', 'question answer', 'questions and answers', 'discussion',
  ],
};

/** Short cell values that answer a form's question rather than name a speaker. */
const FORM_ANSWERS = new Set(['yes', 'no', 'y', 'n', 'n a', 'na', 'none', 'unknown', 'not known', 'tbc', 'done', 'true', 'false']);

// The plain parser's timestamp, anywhere in a time cell.
const TIME = new RegExp(String.raw`(?<!\d)(${PLAIN_TIME})(?!\d)`);
const MAX_LABEL_WORDS = 4;
const MAX_TIME_CELL_LENGTH = 30;
/** Without a header naming the columns, the words of an interview run to a few words a turn on average. */
const MIN_MEAN_WORDS = 3;

// Starts of a words-cell paragraph the plain parser would not read as more of the same turn: a label of its own
// (over-matched on purpose: "I said: no" too), a court `Q.`/`A.`, a leading timestamp, or a `#` comment.
const LABEL_START = /^\s*(?:[[(]\d[^\])]*[\])]\s*)?\p{Lu}[^\s:]*(?:[ \t]+(?:\[[^\]]*\]|\([^)]*\)|[^\s:]+)){0,4}[ \t]*:(?!\d)/u;
const COURT_START = /^\s*[QA]\.(?:\s|$)/;
const TIME_START = /^\s*[[(]?\d{1,2}:\d{2}/;

/**
 * A table laid out as a transcript, as one line per paragraph of it, or undefined for any other table (which is
 * then read cell by cell, as before). Every paragraph of the table keeps its own line, so line numbers stay
 * paragraph numbers: the speaker cell's first paragraph becomes `[time] LABEL:`, the words cell's paragraphs stay as
 * they are (continuation lines, so a turn's line and column are those of the first paragraph of its words), and the
 * time cell and header rows become empty lines. A words paragraph that would read as a label or timestamp of its own
 * is joined to the line before it instead. A row with an empty (or merged-down) speaker cell continues the turn
 * before it; a row whose one cell spans the speaker and words columns is a note, kept as a `#` comment.
 *
 * A speaker table has two grid columns (speaker, words) or three (time, speaker, words, the time in any place),
 * the speaker before the words. Either a header row names the columns ("Speaker | Transcript", "Time | Name | Text")
 * and every speaker cell is a short label, or there is no such header and the shape says it: short labels, each used
 * twice on average, the speaker changing in at least half the turns, the words a few words a turn on average, and
 * the time column (of three) holding only timestamps. A case-details table ("Date of interview | 12/03/2023") has
 * distinct labels and is not a speaker table.
 */
function speakerTable(table: DocElement): string[] | undefined {
  const rows = placeRows(table);
  if (!rows || rows.length === 0) return undefined;
  const ends = rows.flatMap((row) => [...row.cells.map((cell) => cell.column + cell.span), ...[...row.above].map((column) => column + 1)]);
  const width = Math.max(0, ...ends);
  if (width !== 2 && width !== 3) return undefined;

  const headers = headerRows(rows);
  const named = namedColumns(rows, headers, width);
  const body = rows.filter((_, index) => !headers.has(index));
  const columns = named ?? shapeColumns(body, width);
  if (!columns || columns.label > columns.words) return undefined;
  const turns = body.filter((row) => !isNote(row, columns));
  if (!looksLikeSpeech(turns, columns, named !== undefined)) return undefined;
  return renderTable(rows, headers, columns);
}

/** The rows with each cell placed on the grid, columns covered from above skipped; undefined when not all rows and cells. */
function placeRows(table: DocElement): GridRow[] | undefined {
  const rows: GridRow[] = [];
  let covered = new Map<number, number>(); // grid column → rows below the merge's first that it still covers
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') return undefined;
    const above = new Set([...covered].filter(([, count]) => count > 0).map(([column]) => column));
    const next = new Map([...covered].map(([column, count]) => [column, count - 1] as const));
    const cells: PlacedCell[] = [];
    let column = 0;
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') return undefined;
      while (above.has(column)) column += 1;
      const span = Math.max(1, cell.colSpan ?? 1);
      const lines = textLines(cell);
      cells.push({ column, span, lines, text: lines.join(' ').replace(/\s+/g, ' ').trim() });
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) for (let c = column; c < column + span; c += 1) next.set(c, rowSpan - 1);
      column += span;
    }
    covered = next;
    rows.push({ cells, above, isHeader: row.isHeader === true });
  }
  return rows;
}

/** The cell covering a grid column in a row: a cell, `above` when merged down from an earlier row, or undefined. */
function cellAt(row: GridRow, column: number | undefined): PlacedCell | 'above' | undefined {
  if (column === undefined) return undefined;
  if (row.above.has(column)) return 'above';
  return row.cells.find((cell) => column >= cell.column && column < cell.column + cell.span);
}

function headerRole(text: string): ColumnRole | undefined {
  const key = text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  if (key === '') return undefined;
  return (Object.keys(HEADER_WORDS) as ColumnRole[]).find((role) => HEADER_WORDS[role].includes(key));
}

/** Rows of column names: leading rows marked as headers or whose every filled cell names a column, and repeats of them. */
function headerRows(rows: GridRow[]): Set<number> {
  const names = (row: GridRow): boolean => {
    const filled = row.cells.filter((cell) => cell.text !== '');
    return filled.length >= 2 && filled.every((cell) => headerRole(cell.text) !== undefined);
  };
  const headers = new Set<number>();
  for (let i = 0; i < rows.length && (rows[i]!.isHeader || names(rows[i]!)); i += 1) headers.add(i);
  // A header row copied again further down (pasted page by page) is still a header.
  const signature = (row: GridRow): string => row.cells.map((cell) => cell.text.toLowerCase()).join('|');
  const named = new Set([...headers].filter((i) => names(rows[i]!)).map((i) => signature(rows[i]!)));
  rows.forEach((row, i) => {
    if (named.has(signature(row))) headers.add(i);
  });
  return headers;
}

/** Columns as the last naming header row names them: one speaker, one words and at most one time column, nothing else. */
function namedColumns(rows: GridRow[], headers: Set<number>, width: number): Columns | undefined {
  const naming = [...headers].reverse().map((i) => rows[i]!).find((row) => row.cells.filter((c) => headerRole(c.text)).length >= 2);
  if (!naming) return undefined;
  const found: Partial<Record<ColumnRole, number>> = {};
  for (const cell of naming.cells) {
    const role = headerRole(cell.text);
    if (role === undefined || cell.span !== 1 || found[role] !== undefined) return undefined;
    found[role] = cell.column;
  }
  const { label, words, time } = found;
  if (label === undefined || words === undefined || width !== (time === undefined ? 2 : 3)) return undefined;
  return time === undefined ? { label, words } : { label, words, time };
}

/** Columns by shape: speaker then words; of three columns, the one holding only timestamps is the time. */
function shapeColumns(body: GridRow[], width: number): Columns | undefined {
  if (width === 2) return { label: 0, words: 1 };
  const time = [0, 1, 2].find((column) => {
    const texts = body.map((row) => cellAt(row, column)).map((cell) => (cell && cell !== 'above' ? cell.text : ''));
    const filled = texts.filter((text) => text !== '');
    return filled.length * 2 >= body.length && filled.every((text) => text.length <= MAX_TIME_CELL_LENGTH && TIME.test(text));
  });
  if (time === undefined) return undefined;
  const [label, words] = [0, 1, 2].filter((column) => column !== time) as [number, number];
  return { label, words, time };
}

/** A row whose one cell runs across the speaker and words columns: a title or a note such as "[Break in interview]". */
function isNote(row: GridRow, columns: Columns): boolean {
  const label = cellAt(row, columns.label);
  return label !== undefined && label !== 'above' && label === cellAt(row, columns.words);
}

/** Whether the turn rows read as an interview, by the rules in `speakerTable`'s comment. */
function looksLikeSpeech(turns: GridRow[], columns: Columns, named: boolean): boolean {
  const labels: string[] = [];
  const sequence: string[] = [];
  let words = 0;
  let wordCells = 0;
  for (const row of turns) {
    const cell = cellAt(row, columns.label);
    if (cell === 'above') {
      if (sequence.length > 0) sequence.push(sequence[sequence.length - 1]!);
    } else if (cell && cell.text !== '') {
      if (speakerLabel(cell.text) === undefined) return false;
      labels.push(cell.text.toLowerCase());
      sequence.push(cell.text.toLowerCase());
    }
    const said = cellAt(row, columns.words);
    if (said && said !== 'above' && said.text !== '') {
      wordCells += 1;
      words += said.text.split(' ').length;
    }
  }
  if (labels.length === 0 || wordCells * 2 < turns.length) return false;
  if (named) return true;
  const changes = sequence.filter((label, i) => i > 0 && label !== sequence[i - 1]).length;
  return (
    labels.length >= 2 &&
    new Set(labels).size * 2 <= labels.length &&
    changes * 2 >= sequence.length - 1 &&
    words >= wordCells * MIN_MEAN_WORDS
  );
}

/**
 * The label a speaker cell's text gives, as the plain parser will read it back: as written when it reads it (`SW`,
 * `DC Hale`, `Mrs. Hughes`), else tidied (`social worker` → `Social Worker`, `Tracey (mother)` → `Tracey Mother`);
 * undefined when the text is no speaker label (too long, a question, a form's "Yes").
 */
function speakerLabel(text: string): string | undefined {
  const written = text.replace(/\s*:\s*$/, '').replace(/\s+/g, ' ').trim();
  if (written.length > MAX_LABEL_LENGTH || written.split(' ').length > MAX_LABEL_WORDS || /[?!]/.test(written)) return undefined;
  if (!/\p{L}/u.test(written) || FORM_ANSWERS.has(written.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim())) return undefined;
  if (readsAsLabel(written)) return written;
  const words = written
    .replace(/[^\p{L}\p{M}\p{N}'’-]+/gu, ' ')
    .split(' ')
    .map((word) => word.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .filter((word, i) => /^\p{Lu}/u.test(word) || (i > 0 && /^\p{N}+$/u.test(word)));
  if (/^\p{N}/u.test(words[0] ?? '')) words.unshift('Speaker');
  const tidied = words.slice(0, MAX_LABEL_WORDS).join(' ');
  return tidied !== '' && readsAsLabel(tidied) ? tidied : undefined;
}

/** Whether the plain parser reads `label:` as that speaker's turn (asked of the parser itself, so the two cannot drift). */
function readsAsLabel(label: string): boolean {
  try {
    const [turn] = parsePlain({ file: '', text: `${label}: x` });
    return turn?.speaker === label && turn.text === 'x';
  } catch {
    return false;
  }
}

/** Whether a words paragraph, on a line of its own, would start a turn, set a time or be a comment. */
function wouldMisread(line: string): boolean {
  return line.trimStart().startsWith('#') || TIME_START.test(line) || COURT_START.test(line) || LABEL_START.test(line);
}

/** The table's paragraphs, one per line, rewritten as turns (see `speakerTable`). */
function renderTable(rows: GridRow[], headers: Set<number>, columns: Columns): string[] {
  const out: string[] = [];
  let lastSpeech: number | undefined; // the line the next misreadable words paragraph is joined to
  rows.forEach((row, index) => {
    if (headers.has(index)) {
      for (const cell of row.cells) out.push(...cell.lines.map(() => ''));
      return;
    }
    if (isNote(row, columns)) {
      for (const cell of row.cells) out.push(...cell.lines.map((line) => (line.trim() === '' ? '' : `# ${line.trim()}`)));
      return;
    }
    const labelCell = cellAt(row, columns.label);
    const wordsCell = cellAt(row, columns.words);
    const timeCell = cellAt(row, columns.time);
    const time = timeCell && timeCell !== 'above' && timeCell !== labelCell ? TIME.exec(timeCell.text)?.[1] : undefined;
    for (const cell of row.cells) {
      if (cell === labelCell) {
        const label = speakerLabel(cell.text);
        const at = cell.lines.findIndex((line) => line.trim() !== '');
        cell.lines.forEach((_, i) => {
          if (i === at && label !== undefined) {
            out.push(`${time === undefined ? '' : `[${time}] `}${label}:`);
            lastSpeech = out.length - 1;
          } else out.push('');
        });
      } else if (cell === wordsCell) {
        for (const line of cell.lines) {
          if (line.trim() !== '' && lastSpeech !== undefined && wouldMisread(line)) {
            out[lastSpeech] = `${out[lastSpeech]!} ${line.trim()}`;
            out.push('');
          } else {
            out.push(line);
            if (line.trim() !== '') lastSpeech = out.length - 1;
          }
        }
      } else {
        out.push(...cell.lines.map(() => ''));
      }
    }
  });
  return out;
}
