import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from '../../src/finish/redact.js';
import { reporters, type FormatName } from '../../src/report/index.js';
import { rules } from '../../src/finish/rules.js';
import { check } from '../../src/cli/run.js';
import { applySuppressions, cluesIgnore } from '../../src/finish/suppress.js';
import type { TextFormat as InputFormat } from '../../src/formats/index.js';
import type { Clue, FileResult } from '../../src/types.js';

type OkResult = Extract<FileResult, { ok: true }>;

// A home visit where Steven (also called Steve) stays over and minds the baby: one unexplained-adult clue about him.
const VISIT = [
  'SW: Who else comes round to the flat?',
  "MUM: There's Steven. He stays over most weekends.",
  'SW: And does Steve look after Jayden?',
  "MUM: Steve has him sometimes when I'm at work.",
];

/** Checks the visit with directive lines put before it, as `visit.txt` (or another format's text as given). */
function run(directives: string[], lines = VISIT, format?: InputFormat): OkResult {
  const text = `${[...directives, ...lines].join('\n')}\n`;
  const result = check(format === undefined ? { file: 'visit.txt', text } : { file: `visit.${format}`, text, format });
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result;
}

/**
 * `line severity rule who` for each unexplained-adult and clues-ignore clue, with the message of clues-ignore's
 * own (the detectors' messages are theirs to word).
 */
function summary(result: OkResult): string[] {
  return result.clues
    .filter((c) => c.rule === 'unexplained-adult' || c.rule === 'clues-ignore')
    .map((c) => `${c.line} ${c.severity} ${c.rule} ${c.who}${c.rule === 'clues-ignore' ? `: ${c.message}` : ''}`);
}

const ADULT = 'error unexplained-adult Steven';

describe('clues-ignore through check()', () => {
  it('reports the visit\'s clue when nothing silences it', () => {
    assert.deepEqual(summary(run([])), [`2 ${ADULT}`]);
    assert.equal(run([]).suppressed, undefined);
  });

  it('silences the named clue when the directive gives a reason', () => {
    const result = run(['# clues-ignore unexplained-adult Steven -- her brother; confirmed with the police on 3 May']);
    assert.deepEqual(summary(result), []);
    assert.equal(result.suppressed, 1);
  });

  it('without a reason silences nothing: the clue is still reported, and so is the directive', () => {
    const result = run(['# clues-ignore unexplained-adult Steven']);
    assert.deepEqual(summary(result), [
      '1 warning clues-ignore Steven: clues-ignore needs a reason after --: the unexplained-adult clue about Steven is still reported',
      `3 ${ADULT}`,
    ]);
    assert.equal(result.suppressed, undefined);
    // One full clue, to pin the shape: the directive's own line is the evidence.
    assert.deepEqual(result.clues[0], {
      rule: 'clues-ignore',
      kind: 'suppression',
      severity: 'warning',
      file: 'visit.txt',
      line: 1,
      column: 3,
      lines: [1],
      who: 'Steven',
      speaker: '',
      messageId: 'noReasonOneClue',
      data: { subject: 'unexplained-adult clue about Steven' },
      message: 'clues-ignore needs a reason after --: the unexplained-adult clue about Steven is still reported',
      evidence: [{ line: 1, column: 3, endLine: 1, endColumn: 40, text: 'clues-ignore unexplained-adult Steven' }],
    } satisfies Clue);
  });

  it('an empty reason is no reason', () => {
    assert.deepEqual(summary(run(['# clues-ignore unexplained-adult Steven --   ']))[0], '1 warning clues-ignore Steven: clues-ignore needs a reason after --: the unexplained-adult clue about Steven is still reported');
  });

  it('naming someone else silences nothing, and says so at info', () => {
    const result = run(['# clues-ignore unexplained-adult Jordan -- checked by the police in May']);
    assert.deepEqual(summary(result), [
      '1 info clues-ignore Jordan: clues-ignore silences nothing: no unexplained-adult clue about Jordan in this file',
      `3 ${ADULT}`,
    ]);
  });

  it('naming another rule for the right person silences nothing either', () => {
    assert.deepEqual(summary(run(['# clues-ignore minimisation Steven -- he is her brother'])), [
      '1 info clues-ignore Steven: clues-ignore silences nothing: no minimisation clue about Steven in this file',
      `3 ${ADULT}`,
    ]);
  });

  it('* silences the rule\'s clues about anyone', () => {
    const result = run(['# clues-ignore unexplained-adult * -- training transcript; adults are marked by hand']);
    assert.deepEqual(summary(result), []);
    assert.equal(result.suppressed, 1);
  });

  it('matches any name the person goes by, in any case', () => {
    assert.deepEqual(
      run([]).people.find((p) => p.name === 'Steven')?.aliases,
      ['Steve'],
      'the transcript calls him both Steven and Steve',
    );
    for (const who of ['Steve', 'STEVEN', 'steve']) {
      const result = run([`# clues-ignore unexplained-adult ${who} -- her brother`]);
      assert.deepEqual(summary(result), [], who);
      assert.equal(result.suppressed, 1, who);
    }
  });

  it('matches as the case record does: a full name the transcript gives only in part, a title of kin, but not another name', () => {
    for (const who of ['Steven Hall', 'Uncle Steve', 'Mr Steven Hall']) {
      assert.deepEqual(summary(run([`# clues-ignore unexplained-adult ${who} -- her brother, checked`])), [], who);
    }
    assert.equal(run(['# clues-ignore unexplained-adult Stephen -- her brother']).suppressed, undefined);
  });

  it('matches a person who has only role words for a name, with or without "the"', () => {
    const lodger = ['SW: Does anyone else live with you?', 'DAD: Well, there is the lodger. He pays rent for the back bedroom.'];
    assert.deepEqual(summary(run([], lodger)), ['2 error unexplained-adult the lodger']);
    for (const who of ['the lodger', 'lodger', '"the lodger"']) {
      assert.deepEqual(summary(run([`# clues-ignore unexplained-adult ${who} -- known to housing, DBS on file`], lodger)), [], who);
    }
  });

  it('reports an unknown rule, suggesting the one meant, and silences nothing', () => {
    assert.deepEqual(summary(run(['# clues-ignore unexplained-adults Steven -- her brother'])), [
      '1 warning clues-ignore Steven: clues-ignore names no rule "unexplained-adults": did you mean unexplained-adult?',
      `3 ${ADULT}`,
    ]);
    assert.deepEqual(summary(run(['# clues-ignore safeguarding Steven -- her brother']))[0], '1 warning clues-ignore Steven: clues-ignore names no rule "safeguarding": clues explain lists the rules');
  });

  it('reports a directive with no rule, or no one named', () => {
    assert.deepEqual(summary(run(['# clues-ignore -- her brother', '# clues-ignore unexplained-adult -- her brother'])), [
      '1 warning clues-ignore : clues-ignore names no rule: write clues-ignore <rule> <who> -- <reason>',
      '2 warning clues-ignore : clues-ignore names no one: write who the unexplained-adult clue is about after the rule, or * for anyone',
      `4 ${ADULT}`,
    ]);
  });

  it('cannot silence its own reports', () => {
    assert.deepEqual(summary(run(['# clues-ignore unexplained-adult Steven', '# clues-ignore clues-ignore * -- noisy'])), [
      '1 warning clues-ignore Steven: clues-ignore needs a reason after --: the unexplained-adult clue about Steven is still reported',
      '2 warning clues-ignore : clues-ignore cannot silence its own reports: give the directive a reason, or remove it',
      `4 ${ADULT}`,
    ]);
  });

  it('counts every clue silenced', () => {
    const two = [...VISIT, 'SW: Does anyone else live with you?', 'MUM: Well, there is the lodger. He pays rent for the back bedroom.'];
    const before = summary(run([], two)).filter((line) => line.includes('unexplained-adult'));
    assert.equal(before.length, 2, before.join('\n'));
    const result = run(['# clues-ignore unexplained-adult * -- both known to the team'], two);
    assert.equal(result.suppressed, 2);
    assert.deepEqual(summary(result).filter((line) => line.includes('unexplained-adult')), []);
  });

  it('works in every format with comments: the directive is found where the format puts it', () => {
    const markdown = ['<!-- clues-ignore unexplained-adult Steven -- her brother -->', ...VISIT.map((l) => l.replace(/^(\w+):/, '**$1:**'))];
    const vtt = [
      'WEBVTT',
      '',
      'NOTE clues-ignore unexplained-adult Steven -- her brother',
      '',
      ...VISIT.flatMap((l, i) => [`00:00:0${i}.000 --> 00:00:0${i}.900`, l, '']),
    ];
    const chat = [
      '@UTF8',
      '@Begin',
      '@Participants:\tINV Investigator , MOT Mother',
      '@Comment:\tclues-ignore unexplained-adult Steven -- her brother',
      ...VISIT.map((l) => l.replace(/^SW: /, '*INV:\t').replace(/^MUM: /, '*MOT:\t')),
      '@End',
    ];
    for (const [format, lines] of [['md', markdown], ['vtt', vtt], ['cha', chat]] as const) {
      const result = run([], lines, format);
      assert.deepEqual(summary(result), [], format);
      assert.equal(result.suppressed, 1, format);
    }
  });
});

describe('applySuppressions', () => {
  it('leaves clues alone when there are no directives, and does not change its input', () => {
    const clues = run([]).clues;
    const copy = structuredClone(clues);
    assert.deepEqual(applySuppressions('visit.txt', clues, [], []), { clues, suppressed: 0 });
    applySuppressions('visit.txt', clues, [{ line: 1, column: 3, rule: 'unexplained-adult', who: '*', reason: 'x', text: 'x' }], []);
    assert.deepEqual(clues, copy);
  });
});

describe('the clues-ignore rule', () => {
  it('is declared like a detector and listed with the rules', () => {
    assert.equal(cluesIgnore.id, 'clues-ignore');
    assert.equal(cluesIgnore.kind, 'suppression');
    assert.equal(rules.at(-1), cluesIgnore);
  });

  it('is in SARIF\'s rules whenever a result uses it', () => {
    const log = JSON.parse(reporters.sarif([run(['# clues-ignore unexplained-adult Steven'])])) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; fullDescription?: unknown }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }>;
    };
    const [sarifRun] = log.runs;
    const ids = sarifRun!.tool.driver.rules.map((r) => r.id);
    for (const result of sarifRun!.results) assert.equal(ids[result.ruleIndex], result.ruleId);
    assert.ok(sarifRun!.results.some((r) => r.ruleId === 'clues-ignore'));
    assert.ok(sarifRun!.tool.driver.rules.find((r) => r.id === 'clues-ignore')?.fullDescription, 'declared, with its description');
  });
});

describe('clues-ignore with --redact', () => {
  it('leaks no name the directives give, the roster\'s or not', () => {
    const result = run([
      '# clues-ignore unexplained-adult Steven',
      '# clues-ignore unexplained-adult Jordan Price -- checked by the police in May',
    ]);
    const redacted = redact([result]);
    for (const format of Object.keys(reporters) as FormatName[]) {
      let output = reporters[format](redacted, { color: false });
      if (format === 'sarif') {
        // The rules' help quotes each rule's examples, invented names and all: tool text, not the input's.
        const log = JSON.parse(output) as { runs: Array<{ tool: { driver: { rules?: unknown } } }> };
        delete log.runs[0]!.tool.driver.rules;
        output = JSON.stringify(log);
      }
      for (const name of ['Steven', 'Steve', 'Jordan', 'Price']) {
        assert.doesNotMatch(output.split('visit.txt').join('<file>'), new RegExp(`\\b${name}\\b`), `${name} in ${format}`);
      }
      assert.match(output, /about Person [A-Z]/, format);
    }
  });
});
