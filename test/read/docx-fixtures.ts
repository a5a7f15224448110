/**
 * Builds small Word documents (.docx) from paragraphs and tables, with jszip (which mammoth already installs), for
 * the tests and for the committed table fixtures in fixtures/formats. Each fixture is the interview in
 * fixtures/NAME.txt laid out another way; rebuild them after changing that text or this file with
 *
 *     npx tsc -p tsconfig.json && node dist/test/read/docx-fixtures.js --write
 *
 * Without `--write` (as when `node --test` loads this file) it does nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

/** A table cell: one paragraph, several, or paragraphs spanning grid columns or merged down from the cell above. */
export type Cell = string | string[] | { paragraphs: string[]; span?: number; merge?: 'start' | 'continue'; bold?: boolean };
/** A table row; `repeat` marks it as a header row that Word repeats on each page. */
export type Row = Cell[] | { cells: Cell[]; repeat: true };
/** A paragraph (`\n` in it is a line break), a heading, or a table. */
export type Block = string | { heading: string } | { table: Row[] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// A fixed date in the zip entries, so rebuilding a fixture gives the same bytes.
const DATE = new Date(Date.UTC(2024, 2, 14, 12, 0, 0));

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function run(text: string, bold = false): string {
  const pieces = text.split('\n').map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}${pieces.join('<w:br/>')}</w:r>`;
}

function paragraph(text: string, options: { style?: string; bold?: boolean } = {}): string {
  const style = options.style ? `<w:pPr><w:pStyle w:val="${options.style}"/></w:pPr>` : '';
  return `<w:p>${style}${text === '' ? '' : run(text, options.bold)}</w:p>`;
}

function cellXml(cell: Cell, width: number, bold: boolean): string {
  const spec = typeof cell === 'string' ? { paragraphs: [cell] } : Array.isArray(cell) ? { paragraphs: cell } : cell;
  const span = spec.span ?? 1;
  const properties = [
    `<w:tcW w:w="${width * span}" w:type="dxa"/>`,
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : '',
    spec.merge === 'start' ? '<w:vMerge w:val="restart"/>' : spec.merge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  const paragraphs = spec.paragraphs.length === 0 ? [''] : spec.paragraphs;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${paragraphs.map((p) => paragraph(p, { bold: bold || spec.bold === true })).join('')}</w:tc>`;
}

function tableXml(rows: Row[]): string {
  const columns = Math.max(...rows.map((row) => (Array.isArray(row) ? row : row.cells).reduce<number>((n, c) => n + (typeof c === 'object' && !Array.isArray(c) ? (c.span ?? 1) : 1), 0)));
  // A narrow first column or two (time, speaker) and the words in the rest of a 9000-twip (A4 with margins) line.
  const widths = columns === 3 ? [1300, 1700, 6000] : columns === 2 ? [1800, 7200] : Array<number>(columns).fill(Math.floor(9000 / columns));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((row) => {
      const [cells, repeat] = Array.isArray(row) ? [row, false] : [row.cells, true];
      let column = 0;
      const xml = cells.map((cell) => {
        const width = widths[column] ?? 1000;
        column += typeof cell === 'object' && !Array.isArray(cell) ? (cell.span ?? 1) : 1;
        return cellXml(cell, width, repeat);
      });
      return `<w:tr>${repeat ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${xml.join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr></w:style></w:styles>`;

/** A .docx holding `blocks` in order, as Word would open it. */
export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const body = blocks.map((block) =>
    typeof block === 'string' ? paragraph(block) : 'heading' in block ? paragraph(block.heading, { style: 'Heading1' }) : tableXml(block.table),
  );
  // Word wants a paragraph after a table that ends the document.
  if (typeof blocks[blocks.length - 1] === 'object' && 'table' in (blocks[blocks.length - 1] as object)) body.push(paragraph(''));
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  const files: Array<[string, string]> = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ['word/styles.xml', STYLES],
  ];
  for (const [name, content] of files) zip.file(name, content, { date: DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A turn of a fixtures/NAME.txt: its time, label and lines (the first after the label, then continuation lines). */
export interface Turn {
  time?: string;
  label: string;
  lines: string[];
}

/** The turns of a plain fixture written as `[hh:mm:ss] LABEL: words` or `(mm:ss) LABEL: words`, `#` comments skipped. */
export function turnsOf(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = /^(?:[[(]([\d:]+)[\])] )?([^:]+): (.*)$/.exec(line);
    if (match) turns.push({ ...(match[1] ? { time: match[1] } : {}), label: match[2]!, lines: [match[3]!] });
    else turns[turns.length - 1]!.lines.push(line);
  }
  return turns;
}

/** The repo root, from dist/test/read/docx-fixtures.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function fixtureTurns(name: string): Turn[] {
  return turnsOf(readFileSync(join(ROOT, 'fixtures', `${name}.txt`), 'utf8'));
}

/** The committed table fixtures, by file name under fixtures/formats, as the blocks they are built from. */
export function tableFixtures(): Record<string, Block[]> {
  // Time | Speaker | Transcript with a header row, every turn timed; a three-line answer is one cell of three paragraphs.
  const valentines = fixtureTurns('just-a-friend-valentines');
  // Speaker | words with no header and no times; a two-line answer is two rows, the speaker cell merged down.
  const babysits = fixtureTurns('no-one-else-babysits');
  // A case-details table, then the interview as `(mm:ss) Label: words` paragraphs.
  const christmas = fixtureTurns('not-seen-since-christmas');
  return {
    'just-a-friend-valentines.docx': [
      { heading: 'Home visit: conversation with Jade' },
      'Recorded with consent. Times are from the start of the recording.',
      {
        table: [
          { cells: ['Time', 'Speaker', 'Transcript'], repeat: true },
          ...valentines.map((turn) => [turn.time ?? '', turn.label, turn.lines]),
        ],
      },
    ],
    'no-one-else-babysits.docx': [
      { heading: 'Assessment visit' },
      {
        table: [
          ...babysits.flatMap((turn): Row[] =>
            turn.lines.length === 1
              ? [[turn.label, turn.lines[0]!]]
              : turn.lines.map((line, i) => [{ paragraphs: i === 0 ? [turn.label] : [], merge: i === 0 ? 'start' : 'continue' }, line]),
          ),
          [{ paragraphs: ['[Recording ends]'], span: 2 }],
        ],
      },
    ],
    'not-seen-since-christmas.docx': [
      { heading: 'Interview record' },
      {
        table: [
          [{ paragraphs: ['Case details'], span: 2, bold: true }],
          ['Date of interview', '12/03/2024'],
          ['Interviewer', 'Family support worker'],
          ['Interviewee', 'Nicole (mother)'],
          ['Location', 'Family home'],
          ['Recording', 'Audio, with consent'],
        ],
      },
      '',
      // The first two-line answer as a line break inside its paragraph, the second as two paragraphs.
      ...christmas.flatMap((turn, i) => {
        const first = `(${turn.time ?? ''}) ${turn.label}: ${turn.lines[0]!}`;
        const rest = turn.lines.slice(1);
        return i === 1 ? [[first, ...rest].join('\n')] : [first, ...rest];
      }),
    ],
  };
}

if (process.argv.includes('--write')) {
  for (const [name, blocks] of Object.entries(tableFixtures())) {
    const path = join(ROOT, 'fixtures', 'formats', name);
    writeFileSync(path, await makeDocx(blocks));
    console.log(`wrote ${path}`);
  }
}
