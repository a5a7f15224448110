import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { redact } from '../../src/finish/redact.js';
import { reporters, type FormatName } from '../../src/report/index.js';
import { check, run } from '../../src/cli/run.js';
import type { FileResult, Person } from '../../src/types.js';
import { clue, interview, missing, quiet } from '../report/sample.js';

type OkResult = Extract<FileResult, { ok: true }>;

const PATHS = [
  ...readdirSync('fixtures')
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `fixtures/${f}`),
  'seeds/interview.txt',
];

// Speaker labels in the fixtures that name a role or a code, not a person; every other label is a name, initials
// like `JB` and `KD` included.
const ROLE_LABELS = new Set(
  [
    ...['SW', 'SSW', 'Student SW', 'Social Worker', 'HV', 'FN', 'DS', 'Interviewer', 'Assessor', 'Researcher', 'Solicitor'],
    ...['Q', 'A', 'THE COURT', 'P07', 'P12', 'MOTHER', 'MUM', 'Mum', 'DAD', 'NAN'],
  ].map(
    (l) => l.toLowerCase(),
  ),
);

// Capitalised words inside names that are not names themselves: titles, the nickname opener of "Big Mick" (also in
// "the big slide"), and what the roster misreads as people in the court fixture ("Nothing", "Madam", "Early Help").
const NOT_NAME_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'dc', 'big', 'madam', 'nothing', 'early', 'help']);

const capitalised = (text: string): boolean => /\p{Lu}/u.test(text);

/** Every name the unredacted results hold: people's names and aliases, their capitalised words, and name-like speaker labels. */
function namesIn(results: FileResult[]): Set<string> {
  const names = new Set<string>();
  const addName = (text: string) => {
    if (!capitalised(text) || NOT_NAME_WORDS.has(text.toLowerCase())) return;
    names.add(text);
    for (const word of text.split(/\s+/)) {
      const bare = word.replace(/^[.,]+|[.,]+$/g, '');
      if (/^\p{Lu}/u.test(bare) && bare.length >= 2 && !NOT_NAME_WORDS.has(bare.toLowerCase())) names.add(bare);
    }
  };
  for (const result of results) {
    if (!result.ok) continue;
    for (const person of result.people) [person.name, ...person.aliases].forEach(addName);
    for (const speaker of result.speakers) if (!ROLE_LABELS.has(speaker.label.toLowerCase())) addName(speaker.label);
  }
  return names;
}

function wholeWord(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])${escaped}(?![\p{L}\p{N}_])`, 'iu');
}

/** The output with the file paths blanked: they are the user's own and kept, and fixture paths hold names. */
function withoutPaths(output: string, results: FileResult[]): string {
  let text = output;
  for (const { file } of results) text = text.split(file).join('<file>');
  return text;
}

/**
 * SARIF's rule metadata (descriptions, and help quoting each detector's first firing example, with invented names
 * like Steven and TRACEY) is tool text: the same for every input. The check asserts that, then leaves it out.
 */
function sarifWithoutRules(output: string): string {
  const log = JSON.parse(output) as { runs: Array<{ tool: { driver: { rules?: unknown } } }> };
  const empty = JSON.parse(reporters.sarif([])) as typeof log;
  const run = log.runs[0]!;
  assert.deepEqual(run.tool.driver.rules, empty.runs[0]!.tool.driver.rules, 'SARIF rules depend on the input');
  delete run.tool.driver.rules;
  return JSON.stringify(log, null, 2);
}

describe('redact on the fixtures', async () => {
  const results = await run(PATHS);
  const names = namesIn(results);
  const redacted = redact(results);

  it('finds names to hide, and the fixtures are all readable', () => {
    assert.equal(results.length, PATHS.length);
    assert.ok(results.every((r) => r.ok));
    const lower = new Set([...names].map((n) => n.toLowerCase()));
    for (const name of ['Steven', 'Tracey', 'Mr. Hall', 'Hall', 'Rebecca Jane Hollis', 'Hollis', 'Mick', 'Gemma', 'KD', 'Mr W']) {
      assert.ok(lower.has(name.toLowerCase()), name);
    }
  });

  for (const format of Object.keys(reporters) as FormatName[]) {
    it(`leaks no name in --format ${format}`, () => {
      let output = reporters[format](redacted, { color: false });
      if (format === 'sarif') output = sarifWithoutRules(output);
      output = withoutPaths(output, results);
      const leaks = [...names].filter((name) => wholeWord(name).test(output));
      assert.deepEqual(leaks, [], `names in ${format} output`);
      // The unredacted output does leak, so the check is not vacuous.
      const plain = withoutPaths(reporters[format](results, { color: false }), results);
      assert.ok([...names].some((name) => wholeWord(name).test(plain)));
    });
  }

  it('keeps file paths, positions, rules and role-like speaker labels', () => {
    assert.equal(redacted.length, results.length);
    for (const [i, r] of redacted.entries()) {
      const before = results[i] as OkResult;
      const after = r as OkResult;
      assert.equal(after.file, before.file);
      assert.deepEqual(
        after.clues.map((c) => [c.rule, c.file, c.line, c.column, c.severity, c.evidence.map((e) => [e.line, e.column])]),
        before.clues.map((c) => [c.rule, c.file, c.line, c.column, c.severity, c.evidence.map((e) => [e.line, e.column])]),
      );
      for (const [j, s] of after.speakers.entries()) {
        const label = before.speakers[j]!.label;
        if (ROLE_LABELS.has(label.toLowerCase())) assert.equal(s.label, label);
        else assert.match(s.label, /^Speaker [A-Z]+$/);
      }
    }
  });

  it('does not change its input', async () => {
    assert.deepEqual(results, await run(PATHS));
  });
});

function person(id: number, name: string, aliases: string[] = [], roles: string[] = []): Person {
  return { id, name, aliases, personClass: 'unknown', roles, mentions: [] };
}

function file(path: string, people: Person[], clues: OkResult['clues'], speakers = interview.ok ? interview.speakers : []): OkResult {
  return { file: path, ok: true, speakers, people, clues };
}

describe('redact', () => {
  it('gives stable pseudonyms in order of first appearance across the run', () => {
    const a = file('a.txt', [person(1, 'Steven'), person(2, 'Big Mick', ['Mick'])], [
      clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: 'Big Mick', messageId: 'stated', data: { quotes: 'Mick and Steven; Steven again' } }),
    ]);
    const b = file('b.txt', [person(1, 'Dean'), person(2, 'Steven')], [
      clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: 'Steven', messageId: 'stated', data: { quotes: 'Dean met STEVEN and steven' } }),
    ]);
    const [ra, rb] = redact([a, b]) as OkResult[];
    assert.deepEqual(ra!.people.map((p) => p.name), ['Person A', 'Person B']);
    assert.deepEqual(ra!.people[1]!.aliases, []);
    assert.equal(ra!.clues[0]!.who, 'Person B');
    assert.equal(ra!.clues[0]!.message, 'stated: Person B and Person A; Person A again');
    assert.deepEqual(ra!.clues[0]!.data, { quotes: 'Person B and Person A; Person A again' });
    assert.deepEqual(rb!.people.map((p) => p.name), ['Person C', 'Person A']);
    assert.equal(rb!.clues[0]!.message, 'stated: Person C met Person A and Person A');
  });

  it('keeps possessives, and maps titles, words of a name and nicknames to the same pseudonym', () => {
    const r = file('c.txt', [person(1, 'Rebecca Jane Hollis', ['Ms Hollis'], ['the mother']), person(2, 'Steven'), person(3, "craig's mum", [], ["craig's mum"]), person(4, 'Craig')], [
      clue({
        kind: 'relationship',
        severity: 'info',
        line: 1,
        column: 1,
        who: 'Steven',
        messageId: 'stated',
        data: { quotes: "Ms. Hollis said Steve's van; Rebecca’s sister; Hollis's car; Craig's mum; will not" },
        evidence: [{ line: 1, column: 1, text: "Steven's Valentine's dinner" }],
      }),
    ]);
    const [out] = redact([r]) as OkResult[];
    assert.equal(out!.clues[0]!.message, "stated: Person A said Person B's van; Person A’s sister; Person A's car; Person C's mum; will not");
    assert.equal(out!.clues[0]!.evidence[0]!.text, "Person B's Valentine's dinner");
    assert.equal(out!.people[0]!.name, 'Person A');
    assert.deepEqual(out!.people[0]!.aliases, []);
    assert.deepEqual(out!.people[0]!.roles, ['the mother']);
    assert.equal(out!.people[2]!.name, "Person C's mum");
  });

  it('replaces name-like speaker labels and keeps role labels, in labels, clues and quoted words', () => {
    const speakers = [
      { label: 'SW', role: 'interviewer' as const, source: 'inferred' as const, utterances: 1, questions: 1 },
      { label: 'Mr. Hall', role: 'interviewee' as const, source: 'inferred' as const, utterances: 1, questions: 0 },
      { label: 'TRACEY', role: 'interviewee' as const, source: 'inferred' as const, utterances: 1, questions: 0 },
      { label: 'Social Worker', role: 'other' as const, source: 'inferred' as const, utterances: 1, questions: 0 },
    ];
    const r = file('d.txt', [person(1, 'Gary')], [clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: 'TRACEY', speaker: 'Mr. Hall', messageId: 'stated', data: { quotes: "Tracey's and Mr Hall's and Gary's" } })], speakers);
    const [out] = redact([r, quiet, missing]) as OkResult[];
    assert.deepEqual(out!.speakers.map((s) => s.label), ['SW', 'Speaker A', 'Speaker B', 'Social Worker']);
    assert.equal(out!.clues[0]!.who, 'Speaker B');
    assert.equal(out!.clues[0]!.speaker, 'Speaker A');
    assert.equal(out!.clues[0]!.message, "stated: Speaker B's and Speaker A's and Person A's");
  });

  it('replaces names in a clue\'s data and renders its message again, never touching the template\'s own words', () => {
    // Jo Case's surname is a word of the template: redacting the rendered text would give "not on the Person A record".
    const data = { roles: '"a friend"' };
    const r = file('e.txt', [person(1, 'Jo Case', [], ['a friend'])], [
      clue({ kind: 'unexplained-adult', severity: 'warning', line: 1, column: 1, who: 'Jo Case', messageId: 'offRecordDescribed', data, message: 'not on the case record (described as "a friend")' }),
    ]);
    const [out] = redact([r]) as OkResult[];
    assert.equal(out!.clues[0]!.who, 'Person A');
    assert.equal(out!.clues[0]!.message, 'not on the case record (described as "a friend")');
    const named = file('f.txt', [person(1, 'Jo Case')], [
      clue({ kind: 'unexplained-adult', severity: 'warning', line: 1, column: 1, who: 'Jo Case', messageId: 'placedDescribed', data: { presence: '"stays over"', roles: '"Jo\'s mate", "Case"' } }),
    ]);
    const [shown] = redact([named]) as OkResult[];
    assert.deepEqual(shown!.clues[0]!.data, { presence: '"stays over"', roles: '"Person A\'s mate", "Person A"' });
    assert.equal(shown!.clues[0]!.message, 'placed in the home or with the child ("stays over") but only ever described as "Person A\'s mate", "Person A"');
  });

  it('passes unreadable files and role-only speakers through', () => {
    assert.deepEqual(redact([quiet, missing]), [quiet, missing]);
  });

  it('hides every name in a quoted clues-ignore directive, and withholds its reason, where any name may be written any way', () => {
    const text = [
      '# clues-ignore child-wellbeing Lenny Fisk -- checked by PC Okafor, and bernie from the centre knows him',
      '# clues-ignore minimisation Lenny',
      // Hand-written mistakes: the rule left out, so the name stands in its place; a name in lower case.
      "# clues-ignore Shannon -- neighbour's girl",
      '# clues-ignore unexplained-adult tyrese -- seen by the school',
      'SW: Who is around at the weekend?',
      'SHANICE: Lenny stays over most weekends, he is just a friend.',
    ].join('\n');
    const result = check({ file: 'shanice.txt', text: `${text}\n` });
    assert.ok(result.ok && result.clues.some((c) => c.rule === 'clues-ignore' && c.evidence[0]!.text.includes('Okafor')), 'the directive is quoted');
    for (const format of Object.keys(reporters) as FormatName[]) {
      const out = reporters[format](redact([result]), { color: false });
      for (const name of ['Lenny', 'Fisk', 'Okafor', 'bernie', 'Shanice', 'SHANICE', 'Shannon', 'tyrese']) assert.ok(!out.includes(name), `${format} leaks ${name}`);
      // Every format but GitHub's one-line annotations quotes the evidence; each withholds the reason.
      if (format !== 'github') assert.match(out, /reason withheld/, format);
    }
  });
});
