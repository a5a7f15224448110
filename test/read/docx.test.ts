import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePlain } from '../../src/formats/plain.js';
import { docxText } from '../../src/read/docx.js';
import { makeDocx, tableFixtures, type Block, type Cell, type Row } from './docx-fixtures.js';

/** The repo root, from dist/test/read/docx.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Speaker, text, line and time of each turn, as the plain parser reads a Word document's text. */
interface Turn {
  speaker: string;
  text: string;
  line: number;
  time?: string;
}

function turns(text: string): Turn[] {
  return parsePlain({ file: 't.docx', text, container: 'docx' }).map(({ speaker, text: said, line, time }) =>
    time === undefined ? { speaker, text: said, line } : { speaker, text: said, line, time },
  );
}

async function fixtureText(name: string): Promise<string> {
  return docxText(readFileSync(join(ROOT, 'fixtures', 'formats', name)));
}

/** The turns of fixtures/NAME.txt, without their lines. */
function txtTurns(name: string): Array<Omit<Turn, 'line'>> {
  return turns(readFileSync(join(ROOT, 'fixtures', `${name}.txt`), 'utf8')).map(({ line: _line, ...rest }) => rest);
}

/** How many paragraphs (and line breaks) `blocks` hold: the lines a document's text must have, whatever its tables. */
function paragraphCount(blocks: Block[]): number {
  const lines = (paragraphs: string[]): number => Math.max(1, paragraphs.length) + paragraphs.join('').split('\n').length - 1;
  const cellLines = (cell: Cell): number => lines(typeof cell === 'string' ? [cell] : Array.isArray(cell) ? cell : cell.paragraphs);
  const rowLines = (row: Row): number => (Array.isArray(row) ? row : row.cells).reduce<number>((n, cell) => n + cellLines(cell), 0);
  return blocks.reduce<number>((n, block) => {
    if (typeof block === 'string') return n + lines([block]);
    if ('heading' in block) return n + 1;
    return n + block.table.reduce<number>((m, row) => m + rowLines(row), 0);
  }, 0);
}

async function textOf(blocks: Block[]): Promise<string> {
  return docxText(await makeDocx(blocks));
}

describe('docxText: the committed table fixtures', () => {
  for (const [name, blocks] of Object.entries(tableFixtures())) {
    it(`fixtures/formats/${name} is what test/read/docx-fixtures.ts builds`, async () => {
      assert.equal(await fixtureText(name), await textOf(blocks));
    });
  }

  it('reads a Time | Speaker | Transcript table as timed turns, dropping the header row', async () => {
    const text = await fixtureText('just-a-friend-valentines.docx');
    const lines = text.split('\n');
    // Paragraph 1 is the heading, 2 a note, 3–5 the header row; each row is then time, speaker and words paragraphs.
    assert.deepEqual(lines.slice(0, 8), [
      'Home visit: conversation with Jade',
      'Recorded with consent. Times are from the start of the recording.',
      '',
      '',
      '',
      '',
      '[00:14:02] SW:',
      'Jade, I want to ask about the people who come to the flat. Who visits you and Kacey?',
    ]);
    const expectedLines = [8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38, 41, 44, 47, 52, 55, 58, 61, 64, 67, 70];
    const expected = txtTurns('just-a-friend-valentines').map((turn, i) => ({ ...turn, line: expectedLines[i]! }));
    assert.deepEqual(turns(text), expected);
    // The three-paragraph answer: one turn, each paragraph on its own line.
    assert.deepEqual(lines.slice(46, 50), [
      "I am, to be honest. I've had a rubbish couple of years and it's nice to have someone who, you know,",
      "actually listens. He's every girl's dream, Dean, he really is, and for Valentine's he cooked me a steak dinner at mine, candles and everything.",
      "It was after Kacey had gone to bed, so she didn't see any of it.",
      '',
    ]);
  });

  it('reads a Speaker | words table with no header, a merged-down speaker cell continuing the turn', async () => {
    const text = await fixtureText('no-one-else-babysits.docx');
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      'Assessment visit',
      'DS:',
      'Carla, I just need to go through a few things for the assessment. Who else lives at the property?',
      'Carla:',
      "No one else lives here. It's just me and Riley. Nobody else has him, I do everything myself.",
    ]);
    // The full-width note row at the end is a comment.
    assert.equal(lines[lines.length - 1], '# [Recording ends]');
    const expectedLines = [3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 28, 30, 32, 34, 36, 38, 40, 42];
    const expected = txtTurns('no-one-else-babysits').map(({ time: _time, ...turn }, i) => ({ ...turn, line: expectedLines[i]! }));
    assert.deepEqual(turns(text), expected);
    assert.equal(
      turns(text)[11]!.text,
      "[pause] My friend Shannon babysits. She comes round about half nine once he's down, and she sleeps on the sofa till I get in at seven.",
    );
  });

  it('leaves a case-details table cell by cell, as before, and reads the paragraphs after it as usual', async () => {
    const text = await fixtureText('not-seen-since-christmas.docx');
    assert.deepEqual(text.split('\n').slice(0, 14), [
      'Interview record',
      'Case details',
      'Date of interview',
      '12/03/2024',
      'Interviewer',
      'Family support worker',
      'Interviewee',
      'Nicole (mother)',
      'Location',
      'Family home',
      'Recording',
      'Audio, with consent',
      '',
      "(14:20) Interviewer: Nicole, I need to ask you about Lee. The referral said he'd been seen at the house.",
    ]);
    const expectedLines = [14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 32];
    const expected = txtTurns('not-seen-since-christmas').map((turn, i) => ({ ...turn, line: expectedLines[i]! }));
    assert.deepEqual(turns(text), expected);
  });
});

describe('docxText: which tables are speaker tables', () => {
  const interview: Array<[string, string]> = [
    ['SW', 'Who stays over at yours?'],
    ['MUM', 'Just my friend Steven, now and then.'],
    ['SW', 'How often is now and then?'],
    ['MUM', 'Weekends, mostly. He is a good friend.'],
  ];
  const speech: Array<[name: string, blocks: Block[], expected: Turn[]]> = [
    [
      'a header row marked to repeat on each page, the time column second',
      [
        {
          table: [
            { cells: ['Who', 'Time (hh:mm:ss)', 'What was said'], repeat: true },
            ['Interviewer', '00:01:05', 'Does anyone else live with you?'],
            ['Mum', '00:01:09', 'No, just me.'],
          ],
        },
      ],
      [
        { speaker: 'Interviewer', text: 'Does anyone else live with you?', line: 6, time: '00:01:05' },
        { speaker: 'Mum', text: 'No, just me.', line: 9, time: '00:01:09' },
      ],
    ],
    [
      'speaker cells the plain parser would not read, tidied; a trailing colon dropped',
      [
        {
          table: [
            ['Speaker', 'Dialogue'],
            ['social worker:', 'Who picks him up from nursery?'],
            ['Tracey (mother)', 'My mate does, sometimes.'],
            ['Mrs. Hughes', 'He is never late.'],
          ],
        },
      ],
      [
        { speaker: 'Social Worker', text: 'Who picks him up from nursery?', line: 4 },
        { speaker: 'Tracey Mother', text: 'My mate does, sometimes.', line: 6 },
        { speaker: 'Mrs. Hughes', text: 'He is never late.', line: 8 },
      ],
    ],
    [
      'words paragraphs that would read as a label, a time or a comment joined to the line before',
      [
        {
          table: [
            ['SW', 'What did she say?'],
            ['MUM', ['Kayleigh: "he is fine with me".', '10:30, maybe later.', '# of times, I lost count.']],
            ['SW', 'Okay.'],
            ['MUM', 'That is all.'],
          ],
        },
      ],
      [
        { speaker: 'SW', text: 'What did she say?', line: 2 },
        { speaker: 'MUM', text: 'Kayleigh: "he is fine with me". 10:30, maybe later. # of times, I lost count.', line: 3 },
        { speaker: 'SW', text: 'Okay.', line: 8 },
        { speaker: 'MUM', text: 'That is all.', line: 10 },
      ],
    ],
    [
      'an empty speaker cell continues the turn before; a title row across the table is a comment',
      [
        'Notes of visit',
        {
          table: [
            [{ paragraphs: ['Interview, 12 March'], span: 2 }],
            ...interview.slice(0, 2),
            ['', 'He goes home on Monday.'],
            ...interview.slice(2),
          ],
        },
      ],
      [
        { speaker: 'SW', text: 'Who stays over at yours?', line: 4 },
        { speaker: 'MUM', text: 'Just my friend Steven, now and then. He goes home on Monday.', line: 6 },
        { speaker: 'SW', text: 'How often is now and then?', line: 10 },
        { speaker: 'MUM', text: 'Weekends, mostly. He is a good friend.', line: 12 },
      ],
    ],
    [
      'three columns with no header, the time column found by its timestamps; paragraphs around it',
      [
        'SW: Before the table.',
        { table: interview.map(([label, words], i) => [`[00:0${i}:00]`, label, words]) },
        'SW: After the table.',
      ],
      [
        { speaker: 'SW', text: 'Before the table.', line: 1 },
        { speaker: 'SW', text: 'Who stays over at yours?', line: 4, time: '00:00:00' },
        { speaker: 'MUM', text: 'Just my friend Steven, now and then.', line: 7, time: '00:01:00' },
        { speaker: 'SW', text: 'How often is now and then?', line: 10, time: '00:02:00' },
        { speaker: 'MUM', text: 'Weekends, mostly. He is a good friend.', line: 13, time: '00:03:00' },
        { speaker: 'SW', text: 'After the table.', line: 14 },
      ],
    ],
  ];
  for (const [name, blocks, expected] of speech) {
    it(`reads as turns: ${name}`, async () => {
      const text = await textOf(blocks);
      assert.equal(text.split('\n').length, paragraphCount(blocks), `one line per paragraph:\n${text}`);
      assert.deepEqual(turns(text), expected);
    });
  }

  const notSpeech: Array<[name: string, rows: Row[]]> = [
    ['case details, every label different', [['Date of interview', '12/03/2023'], ['Child', 'Kai, aged 4'], ['Interviewer', 'J. Bloggs'], ['Location', 'Home']]],
    ['labels repeated in runs, not turns', [['Child', 'Kai Smith, born 2019'], ['Child', 'Mia Smith, born 2021'], ['Parent', 'Tracey Smith, mother'], ['Parent', 'Steven Jones, partner']]],
    ['a header naming no words column', [['Name', 'Role'], ['Tracey Smith', 'Mother'], ['Jo Bloggs', 'Social worker']]],
    ['questions with answers', [['Was the child seen alone?', 'Yes'], ['Was the home visited?', 'No'], ['Was the child seen alone again?', 'Yes']]],
    ['form answers in the first column', [['Yes', 'Child seen alone at the visit'], ['No', 'Home conditions checked by the visitor'], ['Yes', 'Referral made to the school nurse'], ['No', 'Police informed of the incident']]],
    ['three columns with no time column', [['Kai', '4', 'Lives with mum'], ['Mia', '2', 'Lives with mum'], ['Kai', '4', 'Sees dad at weekends']]],
    ['one word a turn', [['SW', 'Yes'], ['MUM', 'No'], ['SW', 'Yes'], ['MUM', 'No']]],
    ['four columns', [['10:01', 'SW', 'Hello there, how are you?', 'note'], ['10:02', 'MUM', 'Fine, thank you for asking.', 'note']]],
  ];
  for (const [name, rows] of notSpeech) {
    it(`leaves cell by cell: ${name}`, async () => {
      const flat = rows.flatMap((row) => (Array.isArray(row) ? row : row.cells) as string[]);
      assert.equal(await textOf([{ table: rows }]), flat.join('\n'));
    });
  }
});

describe('clues on the table fixtures (bin/clues.js)', () => {
  interface ClueJson {
    kind: string;
    who: string;
    line: number;
    evidence: Array<{ line: number; column: number; text: string; time?: string }>;
  }
  const run = (name: string): ClueJson[] => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
    const args = [join(ROOT, 'bin', 'clues.js'), '--format', 'json', '--fail-on', 'none', `fixtures/formats/${name}`];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { files: Array<{ clues: ClueJson[] }> }).files[0]!.clues;
  };
  const summary = (clues: ClueJson[]): string[] => clues.map((clue) => `${clue.kind} ${clue.who} ${clue.line}`).sort();

  it('just-a-friend-valentines.docx: "just a friend", then a Valentine\'s dinner at hers', () => {
    const clues = run('just-a-friend-valentines.docx');
    assert.deepEqual(summary(clues), [
      'contradiction Dean 48',
      'minimisation Dean 17',
      'minimisation Kacey 29',
      'minimisation Kacey 35',
      'relationship Dean 17',
      'relationship Dean 48',
      'unexplained-adult Dean 11',
    ]);
    const denied = clues.find((clue) => clue.kind === 'relationship' && clue.line === 17)!;
    const { line, column, text, time } = denied.evidence[0]!;
    // The words cell's own paragraph and column, and the time from the time cell.
    assert.deepEqual({ line, column, text, time }, { line: 17, column: 6, text: 'just a friend', time: '00:14:17' });
  });

  it('no-one-else-babysits.docx: "no one else lives here", then a friend who babysits and sleeps over', () => {
    assert.deepEqual(summary(run('no-one-else-babysits.docx')), [
      'contradiction Shannon 25',
      'missed-follow-up her boyfriend 34',
      'relationship Shannon 25',
      'relationship her boyfriend 34',
      'unexplained-adult Shannon 25',
    ]);
  });

  it('not-seen-since-christmas.docx: the case-details table adds no clues', () => {
    assert.deepEqual(summary(run('not-seen-since-christmas.docx')), ['contradiction Lee 24', 'minimisation Lee 25', 'relationship Lee 15']);
  });
});

describe('docxText: speaker cells read by the shared label grammar', () => {
  it('keeps court and police labels written with titles and ranks (DC. HUGHES, MS. WOOD) as they are', async () => {
    const blocks: Block[] = [
      'Interview with Nicola Wood',
      {
        table: [
          ['DC. HUGHES', 'Who was at the flat on Friday?'],
          ['MS. WOOD', 'Just me and the kids.'],
          ['DS. PATEL', 'Did Lee come round?'],
          ['MS. WOOD', 'He popped in for a cup of tea.'],
          ['DC. HUGHES', 'What time did he leave the flat?'],
          ['MS. WOOD', 'About ten, I think.'],
        ],
      },
    ];
    const text = await docxText(await makeDocx(blocks));
    assert.deepEqual(
      turns(text).map((turn) => turn.speaker),
      ['DC. HUGHES', 'MS. WOOD', 'DS. PATEL', 'MS. WOOD', 'DC. HUGHES', 'MS. WOOD'],
    );
  });
});
