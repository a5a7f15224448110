import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { rules as declared } from '../../src/finish/rules.js';
import { sarif } from '../../src/report/sarif.js';
import { check, run as runPaths } from '../../src/cli/run.js';
import type { FileResult } from '../../src/types.js';
import { clue, continued, interview, missing, quiet } from './sample.js';

/** The repo root, from dist/test/report/sarif.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA = new URL('../../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url);
const FINGERPRINT = 'clueFingerprint/v1';

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}
interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region?: Region;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: PhysicalLocation }>;
  relatedLocations?: Array<{ id: number; physicalLocation: PhysicalLocation; message: { text: string } }>;
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: string };
}
interface Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations: Array<{ physicalLocation: PhysicalLocation }> }>;
  }>;
  results: Result[];
}
interface Log {
  version: string;
  runs: Run[];
}

function parse(results: FileResult[]): Log {
  return JSON.parse(sarif(results)) as Log;
}

function runOf(log: Log): Run {
  assert.equal(log.runs.length, 1);
  return log.runs[0]!;
}

/** Each transcript path as the CLI would be given it from the current directory. */
function fromHere(...parts: string[]): string {
  return relative(process.cwd(), join(ROOT, ...parts));
}

const transcripts = [
  fromHere('seeds', 'interview.txt'),
  ...readdirSync(join(ROOT, 'fixtures'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => fromHere('fixtures', name)),
];

describe('sarif on every fixture and the seed (the real pipeline)', () => {
  let results: FileResult[] = [];
  let log: Log;
  let run: Run;

  before(async () => {
    results = await runPaths([...transcripts, fromHere('fixtures', 'no-such-transcript.txt')]);
    log = parse(results);
    run = runOf(log);
  });

  it('found clues to report, and one unreadable file', () => {
    assert.ok(transcripts.length > 10);
    assert.ok(run.results.length > 50, `${run.results.length} results`);
    assert.equal(
      run.results.length,
      results.reduce((n, r) => n + (r.ok ? r.clues.length : 0), 0),
    );
    assert.equal(results.filter((r) => !r.ok).length, 1);
  });

  it('validates against the OASIS SARIF 2.1.0 schema', { skip: !existsSync(SCHEMA) && `no ${fileURLToPath(SCHEMA)} (../shared is absent)` }, () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
    assert.ok(validate(parse([])), ajv.errorsText(validate.errors));
    // The validator is live: a line 0 and a non-URI are caught.
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!.startLine = 0;
    assert.equal(validate(broken), false);
    const spaced = structuredClone(log);
    spaced.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'case files/a b.txt';
    assert.equal(validate(spaced), false);
  });

  it('is SARIF 2.1.0 from transcript-clues at the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(
      { name: run.tool.driver.name, version: run.tool.driver.version, informationUri: run.tool.driver.informationUri },
      { name: 'transcript-clues', version, informationUri: 'https://www.npmjs.com/package/transcript-clues' },
    );
  });

  it('has one rule per detector and one for clues-ignore, described from its metadata', () => {
    const rules = run.tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      declared.map((meta) => meta.id),
    );
    const levels = { error: 'error', warning: 'warning', info: 'note' };
    for (const [i, rule] of rules.entries()) {
      const meta = declared[i]!;
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
      assert.ok(meta.description.startsWith(rule.shortDescription.text), rule.id);
      assert.match(rule.shortDescription.text, /[.!?]["”')]*$/);
      assert.ok(rule.shortDescription.text.length < meta.description.length, rule.id);
      assert.equal(rule.fullDescription.text, meta.description);
      assert.ok(rule.help.text.startsWith(meta.description), rule.id);
      assert.ok(rule.help.text.includes(meta.examples.fires[0]!), rule.id);
      assert.equal(rule.defaultConfiguration.level, levels[meta.severity]);
    }
    assert.equal(rules[0]!.name, 'UnexplainedAdult');
  });

  it('points every result at its rule by ruleId and ruleIndex', () => {
    const rules = run.tool.driver.rules;
    for (const result of run.results) {
      assert.ok(rules.some((r) => r.id === result.ruleId), result.ruleId);
      assert.equal(rules[result.ruleIndex]?.id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
    }
  });

  it('locates every result with a relative URI, a line ≥ 1 and a region that is the quoted words in the file', () => {
    const texts = new Map<string, string[]>();
    const lineOf = (uri: string, line: number): string => {
      if (!texts.has(uri)) texts.set(uri, readFileSync(decodeURIComponent(uri), 'utf8').split(/\r\n|\r|\n/));
      return texts.get(uri)![line - 1] ?? '';
    };
    for (const result of run.results) {
      const locations = [...result.locations, ...(result.relatedLocations ?? [])];
      for (const { physicalLocation } of locations) {
        const { artifactLocation, region } = physicalLocation;
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.doesNotMatch(artifactLocation.uri, /^[a-z][a-z0-9+.-]*:|^\/|\\/i, 'relative, forward slashes');
        assert.ok(region && region.startLine >= 1 && (region.startColumn ?? 1) >= 1, JSON.stringify(region));
        assert.ok(region.snippet, 'every location quotes words');
        const where = `${artifactLocation.uri}:${region.startLine}:${region.startColumn} "${region.snippet.text}"`;
        const rest = lineOf(artifactLocation.uri, region.startLine).slice(region.startColumn! - 1);
        assert.ok(region.endLine !== undefined && region.endColumn !== undefined, where);
        if (region.endLine === region.startLine) {
          assert.ok(rest.startsWith(region.snippet.text), where);
          assert.equal(region.endColumn, region.startColumn! + region.snippet.text.length, where);
        } else {
          // Quoted words that run onto the next line end there, within that line: the snippet joins the lines with a space.
          const endsOn = lineOf(artifactLocation.uri, region.endLine).slice(0, region.endColumn - 1).trimStart();
          assert.ok(region.endLine > region.startLine, where);
          assert.ok(region.endColumn <= lineOf(artifactLocation.uri, region.endLine).length + 1, where);
          assert.ok(region.snippet.text.startsWith(`${rest.trimEnd()} `) && region.snippet.text.endsWith(` ${endsOn}`), where);
        }
      }
      assert.deepEqual(
        result.relatedLocations?.map((l) => l.id),
        result.relatedLocations?.map((_, i) => i + 1),
      );
    }
    assert.ok(run.results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('seeds/interview.txt')));
  });

  it('gives every result a fingerprint unique within its file', () => {
    const seen = new Set<string>();
    for (const result of run.results) {
      const value = result.partialFingerprints[FINGERPRINT];
      assert.match(value ?? '', /^[0-9a-f]{64}:\d+$/);
      const key = `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${value}`;
      assert.ok(!seen.has(key), key);
      seen.add(key);
    }
  });

  it('reports the unreadable file as a failed invocation, not a result', () => {
    const [invocation] = run.invocations;
    assert.equal(invocation?.executionSuccessful, false);
    const notifications = invocation?.toolExecutionNotifications ?? [];
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0]!.level, 'error');
    assert.match(notifications[0]!.message.text, /no-such-transcript\.txt: no such file/);
    assert.match(notifications[0]!.locations[0]!.physicalLocation.artifactLocation.uri, /(^|\/)fixtures\/no-such-transcript\.txt$/);
    assert.ok(!run.results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.includes('no-such-transcript')));
  });
});

describe('sarif fingerprints', () => {
  /** The rule, fingerprint and line of each result for one transcript text. */
  function fingerprints(file: string, text: string): Array<{ rule: string; fingerprint: string; line: number }> {
    return runOf(parse([check({ file, text })])).results.map((r) => ({
      rule: r.ruleId,
      fingerprint: r.partialFingerprints[FINGERPRINT]!,
      line: r.locations[0]!.physicalLocation.region!.startLine,
    }));
  }

  function assertShifted(file: string, text: string, preamble: string): void {
    const original = fingerprints(file, text);
    const shifted = fingerprints(file, preamble + text);
    assert.deepEqual(
      shifted.map((r) => ({ ...r, line: r.line - 3 })),
      original,
      file,
    );
  }

  it('stay the same when three unrelated lines are spoken at the top of the seed (lines shift, fingerprints do not)', () => {
    const file = fromHere('seeds', 'interview.txt');
    const text = readFileSync(file, 'utf8');
    const preamble = "SW: Is it all right if I record this?\nTRACEY: Yeah, that's fine.\nSW: Thank you.\n";
    const original = fingerprints(file, text);
    assert.ok(original.length >= 4);
    assertShifted(file, text, preamble);
  });

  it('stay the same in every fixture when three comment lines are added at the top', () => {
    for (const file of transcripts) assertShifted(file, readFileSync(file, 'utf8'), '# Transcribed by the team\n# Names changed\n# Second copy\n');
  });

  it('change with the quoted words, the person or the rule, never with the position', () => {
    const base = clue({ kind: 'relationship', severity: 'info', line: 4, column: 2, evidence: [{ line: 4, column: 2, text: 'my boyfriend' }] });
    const of = (c: ReturnType<typeof clue>) =>
      runOf(parse([{ ...(quiet as Extract<FileResult, { ok: true }>), clues: [c] }])).results[0]!.partialFingerprints[FINGERPRINT];
    const moved = { ...base, line: 40, column: 7, lines: [40], evidence: [{ line: 40, column: 7, text: 'my boyfriend' }] };
    assert.equal(of(moved), of(base));
    assert.notEqual(of({ ...base, who: 'Gary' }), of(base));
    assert.notEqual(of({ ...base, rule: 'contradiction', kind: 'contradiction' }), of(base));
    assert.notEqual(of({ ...base, evidence: [{ line: 4, column: 2, text: 'my fella' }] }), of(base));
  });

  it('number repeats of the same words so each result keeps its own', () => {
    const again = (line: number) =>
      clue({ kind: 'minimisation', severity: 'info', line, column: 1, evidence: [{ line, column: 1, text: 'only once' }] });
    const results = runOf(parse([{ ...(quiet as Extract<FileResult, { ok: true }>), clues: [again(9), again(3)] }])).results;
    const [first, second] = results.map((r) => r.partialFingerprints[FINGERPRINT]!);
    assert.equal(first!.split(':')[0], second!.split(':')[0]);
    assert.deepEqual([first!.split(':')[1], second!.split(':')[1]], ['1', '2']);
    assert.equal(results[0]!.locations[0]!.physicalLocation.region!.startLine, 3);
  });
});

describe('sarif on hand-built results', () => {
  it('renders a clue with its message, region, related evidence and confidence', () => {
    const withConfidence: FileResult = {
      ...(interview as Extract<FileResult, { ok: true }>),
      clues: [
        clue({
          rule: 'contradiction',
          kind: 'contradiction',
          severity: 'error',
          line: 14,
          column: 24,
          lines: [8, 14],
          message: 'denies a relationship (line 8) but describes romantic detail (line 14)',
          evidence: [
            { line: 8, column: 24, endLine: 8, endColumn: 37, text: 'just a friend', time: '00:08:01' },
            { line: 14, column: 24, endLine: 14, endColumn: 57, text: "a Valentine's dinner here at mine" },
          ],
          confidence: 0.9,
        }),
      ],
    };
    const [result] = runOf(parse([withConfidence])).results;
    const location = { uri: 'seeds/interview.txt', uriBaseId: '%SRCROOT%' };
    assert.deepEqual(result, {
      ruleId: 'contradiction',
      ruleIndex: 2,
      level: 'error',
      message: { text: 'Steven: denies a relationship (line 8) but describes romantic detail (line 14)' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: 14, startColumn: 24, endLine: 14, endColumn: 57, snippet: { text: "a Valentine's dinner here at mine" } },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: 8, startColumn: 24, endLine: 8, endColumn: 37, snippet: { text: 'just a friend' } },
          },
          message: { text: '[00:08:01] "just a friend"' },
        },
      ],
      partialFingerprints: { [FINGERPRINT]: result!.partialFingerprints[FINGERPRINT] },
      properties: { confidence: 0.9 },
    });
  });

  it('maps severities to levels and lists results by position', () => {
    const results = runOf(parse([interview])).results;
    assert.deepEqual(
      results.map((r) => `${r.locations[0]!.physicalLocation.region!.startLine} ${r.level} ${r.ruleId}`),
      ['8 warning unexplained-adult', '8 note relationship', '14 error contradiction', '14 warning relationship'],
    );
  });

  it('gives a clue without quoted words on its line a location without a snippet', () => {
    const bare: FileResult = { ...(quiet as Extract<FileResult, { ok: true }>), clues: [clue({ kind: 'relationship', severity: 'info', line: 5, column: 3 })] };
    const [result] = runOf(parse([bare])).results;
    assert.deepEqual(result!.locations[0]!.physicalLocation.region, { startLine: 5, startColumn: 3 });
    assert.equal(result!.relatedLocations, undefined);
  });

  it('percent-encodes paths into relative URIs with forward slashes', () => {
    const odd: FileResult = { ...(quiet as Extract<FileResult, { ok: true }>), file: join('case files', 'visit #2 (50%).txt') };
    const [notification] = runOf(parse([{ file: odd.file, ok: false, error: 'unreadable' }])).invocations[0]!.toolExecutionNotifications!;
    assert.deepEqual(notification!.locations[0]!.physicalLocation.artifactLocation, {
      uri: 'case%20files/visit%20%232%20(50%25).txt',
      uriBaseId: '%SRCROOT%',
    });
    const absolute = runOf(parse([{ file: join(process.cwd(), 'seeds', 'x.txt'), ok: false, error: 'unreadable' }]));
    assert.equal(absolute.invocations[0]!.toolExecutionNotifications![0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'seeds/x.txt');
  });

  it('escapes words that would read as an embedded link, and keeps other text as it is', () => {
    const hostile: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      clues: [
        clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: 'Dave', message: 'said "see [here](1)" \\ then' }),
        clue({ kind: 'relationship', severity: 'info', line: 2, column: 1, who: 'Dave', message: 'said "[inaudible]"' }),
      ],
    };
    const results = runOf(parse([hostile])).results;
    assert.equal(results[0]!.message.text, 'Dave: said "see \\[here\\](1)" \\\\ then');
    assert.equal(results[1]!.message.text, 'Dave: said "[inaudible]"');
  });

  it('adds a rule for a clue whose rule no detector declares, so ruleIndex still points at it', () => {
    const odd: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      clues: [clue({ rule: 'case-record', kind: 'contradiction', severity: 'error', line: 1, column: 1 })],
    };
    const run = runOf(parse([odd]));
    const rules = run.tool.driver.rules;
    assert.equal(rules.length, declared.length + 1);
    assert.equal(rules[run.results[0]!.ruleIndex]!.id, 'case-record');
  });

  it('marks paragraph-numbered files and succeeds when every file was read', () => {
    const docx: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      file: 'statement.docx',
      lineUnit: 'paragraph',
      clues: [clue({ kind: 'relationship', severity: 'info', line: 3, column: 1 })],
    };
    const run = runOf(parse([docx, quiet]));
    assert.deepEqual(run.results[0]!.properties, { lineUnit: 'paragraph' });
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
  });

  it('handles failed and empty input', () => {
    const run = runOf(parse([missing]));
    assert.equal(run.results.length, 0);
    assert.equal(run.invocations[0]!.executionSuccessful, false);
    assert.deepEqual(runOf(parse([])).results, []);
    assert.ok(sarif([]).endsWith('}\n'));
  });
});

describe('sarif regions of quoted words that run onto the next line', () => {
  it('end on the line the words end on, one past the last character, within that line', () => {
    const lines = continued.text.split('\n');
    const results = runOf(parse([check(continued)])).results;
    const denial = results.find((r) => r.ruleId === 'relationship');
    assert.deepEqual(denial?.locations[0]!.physicalLocation.region, {
      startLine: 2,
      startColumn: 47,
      endLine: 3,
      endColumn: 9,
      snippet: { text: 'just a friend' },
    });
    for (const result of results) {
      for (const { physicalLocation } of [...result.locations, ...(result.relatedLocations ?? [])]) {
        const { endLine, endColumn } = physicalLocation.region!;
        assert.ok(endColumn! <= lines[endLine! - 1]!.length + 1, JSON.stringify(physicalLocation.region));
      }
    }
  });
});
