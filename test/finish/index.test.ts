import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse } from '../../src/analyse/index.js';
import { unexplainedAdult } from '../../src/detect/unexplained-adult.js';
import { compareBaseline, parseBaseline, recordBaseline, writeBaseline } from '../../src/finish/baseline.js';
import { FINISH, finish } from '../../src/finish/index.js';
import { quiet } from '../../src/finish/quiet.js';
import { redaction } from '../../src/finish/redact.js';
import { ruleSettings } from '../../src/finish/rule-settings.js';
import { suppression } from '../../src/finish/suppress.js';
import { parse } from '../../src/parse/index.js';
import { check } from '../../src/cli/run.js';
import type { FileResult } from '../../src/types.js';

type OkResult = Extract<FileResult, { ok: true }>;

const VISIT = ['SW: Who helps you out?', 'MUM: My mate Steven. He stays over most weekends and he watches the baby.', 'SW: And the baby?', 'MUM: He was a bit unsettled and off his food.'];

/** What the detectors found in `lines`, before the finishing stage: the directives still on the result. */
function detected(lines: string[]): OkResult {
  const text = `${lines.join('\n')}\n`;
  const transcript = parse({ file: 'visit.txt', text });
  const analysis = analyse(transcript);
  const clues = [...unexplainedAdult.detect(analysis)];
  return { file: 'visit.txt', ok: true, speakers: transcript.speakers, people: analysis.roster.people, clues, ...(transcript.directives ? { directives: transcript.directives } : {}) };
}

function rules(results: FileResult[]): string[] {
  return results.flatMap((r) => (r.ok ? r.clues.map((c) => `${c.severity} ${c.rule} ${c.who}`) : []));
}

describe('the finishing stage', () => {
  it('runs its steps in one declared order', () => {
    assert.deepEqual(FINISH, [suppression, ruleSettings, recordBaseline, compareBaseline, quiet, redaction]);
  });

  it('with no settings, applies directives only, drops them from the result, and leaves its input alone', () => {
    const raw = detected(['# clues-ignore unexplained-adult Steven -- her brother, checked', ...VISIT]);
    const before = structuredClone(raw);
    const [done] = finish([raw]) as OkResult[];
    assert.deepEqual(raw, before);
    assert.equal('directives' in done!, false);
    assert.deepEqual(rules([done!]), []);
    assert.equal(done!.suppressed, 1);
  });

  it('applies rule settings after suppression, so the config can quieten clues-ignore reports too', () => {
    const raw = detected(['# clues-ignore unexplained-adult Steven', ...VISIT]);
    assert.deepEqual(rules(finish([raw])), ['warning clues-ignore Steven', 'error unexplained-adult Steven']);
    assert.deepEqual(rules(finish([raw], { ruleSettings: { 'clues-ignore': 'info', 'unexplained-adult': 'off' } })), ['info clues-ignore Steven']);
  });

  it('records the baseline before --baseline, --quiet and --redact change the results', () => {
    const raw = detected(VISIT);
    let recorded: string | undefined;
    const unchanged = finish([structuredClone(raw)]);
    const redacted = finish([raw], { onBaseline: (text) => (recorded = text), quiet: true, redact: true });
    assert.equal(recorded, writeBaseline(unchanged));
    assert.deepEqual(rules(redacted), ['error unexplained-adult Person A']);
  });

  it('compares with a baseline before --quiet, and tells of entries gone', () => {
    const raw = detected(VISIT);
    const baseline = parseBaseline('b.json', writeBaseline(finish([structuredClone(raw)])));
    const gone: string[] = [];
    assert.deepEqual(rules(finish([raw], { baseline, onGone: (g) => gone.push(g.rule) })), []);
    assert.equal(gone.length, 0);
    const calm = detected(['SW: Who helps you out?', 'MUM: My mum, on Wednesdays.']);
    assert.deepEqual(rules(finish([calm], { baseline, onGone: (g) => gone.push(g.rule) })), []);
    assert.deepEqual(gone, ['unexplained-adult']);
  });

  it('--quiet keeps errors only, and passes failed files through', () => {
    const missing: FileResult = { file: 'gone.txt', ok: false, error: 'gone.txt: no such file' };
    const result = check({ file: 'visit.txt', text: `${VISIT.join('\n')}\n` });
    assert.ok(rules([result]).some((r) => !r.startsWith('error ')), 'the visit has clues below error');
    const kept = finish([result, missing], { quiet: true });
    assert.ok(rules(kept).length > 0 && rules(kept).every((r) => r.startsWith('error ')), rules(kept).join('\n'));
    assert.deepEqual(kept[1], missing);
  });
});
