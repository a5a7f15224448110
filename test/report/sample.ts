import type { Clue, FileResult, Mention, Person, Speaker } from '../../src/types.js';

/** Builds a clue for seeds/interview.txt with sensible defaults. */
export function clue(fields: Partial<Clue> & Pick<Clue, 'kind' | 'severity' | 'line' | 'column'>): Clue {
  return {
    rule: fields.kind,
    file: 'seeds/interview.txt',
    lines: [fields.line],
    who: 'Steven',
    speaker: 'TRACEY',
    messageId: 'test',
    data: {},
    message: 'something',
    evidence: [],
    ...fields,
  };
}

function mention(line: number, column: number, text: string, pronoun = false): Mention {
  return { utterance: line - 1, line, column, text, speaker: 'TRACEY', pronoun };
}

export const speakers: Speaker[] = [
  { label: 'SW', role: 'interviewer', source: 'inferred', utterances: 11, questions: 9 },
  { label: 'TRACEY', role: 'interviewee', source: 'inferred', utterances: 10, questions: 1 },
];

export const people: Person[] = [
  {
    id: 1,
    name: 'Steven',
    aliases: ['he'],
    personClass: 'friend',
    roles: ['friend'],
    gender: 'male',
    mentions: [mention(14, 1, 'Steven'), mention(8, 29, 'Steven'), mention(8, 33, 'He', true), mention(16, 7, 'he', true)],
  },
  {
    id: 2,
    name: 'his brother',
    aliases: [],
    personClass: 'relative',
    roles: ['his brother'],
    gender: 'male',
    mentions: [mention(16, 12, 'his brother')],
  },
  { id: 3, name: 'mum', aliases: [], personClass: 'relative', roles: ['mum'], gender: 'female', mentions: [mention(8, 4, 'mum')] },
];

/** Four clues about Steven, deliberately out of order. */
export const clues: Clue[] = [
  clue({
    rule: 'contradiction',
    kind: 'contradiction',
    severity: 'error',
    line: 14,
    column: 1,
    lines: [8, 14],
    message: 'denies a relationship (line 8) but describes romantic detail (line 14)',
    evidence: [
      { line: 8, column: 24, endLine: 8, endColumn: 37, text: 'just a friend' },
      { line: 14, column: 24, endLine: 14, endColumn: 57, text: "a Valentine's dinner here at mine" },
    ],
  }),
  clue({
    rule: 'relationship',
    kind: 'relationship',
    severity: 'warning',
    line: 14,
    column: 24,
    lines: [14],
    message: 'romantic detail implies a relationship',
    evidence: [{ line: 14, column: 24, endLine: 14, endColumn: 57, text: "a Valentine's dinner here at mine" }],
  }),
  clue({
    rule: 'unexplained-adult',
    kind: 'unexplained-adult',
    severity: 'warning',
    line: 8,
    column: 17,
    lines: [8, 14],
    message: "adult in the home whose role in the child's life is never established",
    evidence: [
      { line: 8, column: 17, endLine: 8, endColumn: 36, text: "And there's Steven." },
      { line: 14, column: 1, endLine: 14, endColumn: 18, text: 'Steven came round' },
    ],
  }),
  clue({
    rule: 'relationship',
    kind: 'relationship',
    severity: 'info',
    line: 8,
    column: 24,
    lines: [8],
    message: 'says the relationship is denied',
    evidence: [{ line: 8, column: 24, endLine: 8, endColumn: 37, text: 'just a friend' }],
  }),
];

/** A readable interview with the four clues. */
export const interview: FileResult = { file: 'seeds/interview.txt', ok: true, speakers, people, clues };

/** A readable transcript with nothing to report. */
export const quiet: FileResult = {
  file: 'seeds/quiet.txt',
  ok: true,
  speakers: [
    { label: 'Q', role: 'interviewer', source: 'option', utterances: 3, questions: 1 },
    { label: 'A', role: 'interviewee', source: 'inferred', utterances: 3, questions: 0 },
  ],
  people: [],
  clues: [],
};

/** A file that could not be read. */
export const missing: FileResult = { file: 'seeds/missing.txt', ok: false, error: 'no such file' };

/**
 * A transcript whose denial "just a friend" runs from the end of line 2 (51 characters) onto the continuation
 * line 3: the quote starts at 2:47 and ends at 3:9, one past "friend".
 */
export const continued = {
  file: 'continued.txt',
  text: 'SW: Who is Steven?\nTRACEY: Steven comes round most nights. He is just\na friend, honestly.\nSW: OK.\n',
};
