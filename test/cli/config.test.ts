import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CONFIG_FILE, findConfig, parseConfig } from '../../src/cli/config.js';
import { applyRuleSettings } from '../../src/finish/rule-settings.js';
import { rules as RULES } from '../../src/finish/rules.js';
import { InputError } from '../../src/errors.js';
import { starterConfig } from '../../src/cli/init.js';
import { check } from '../../src/cli/run.js';

const FILE = 'clues.config.json';

const INTERVIEW = [
  'SW: Who lives here with you and Mason?',
  'LISA: Just me and Mason.',
  'SW: Who else is around?',
  "LISA: Darren comes round sometimes, he's just a friend. He stays over at weekends.",
  'SW: Anyone else?',
  'LISA: Wendy from the family centre pops in on a Tuesday.',
].join('\n');

const run = (config: string, text = INTERVIEW) => {
  const c = parseConfig(FILE, config);
  const result = check({ file: 'practice.txt', text }, { config: c });
  assert.ok(result.ok);
  return result.clues;
};
const about = (clues: Array<{ rule: string; who: string }>, rule: string, who: string) => clues.some((c) => c.rule === rule && c.who === who);

describe('config: reading', () => {
  it('accepts comments and trailing commas, and fills in what is absent', () => {
    const config = parseConfig(FILE, '// team config\n{\n  "rules": { "minimisation": "off", }, /* more later */\n}\n');
    assert.deepEqual(config.rules, { minimisation: 'off' });
    assert.deepEqual(config.people, []);
    assert.deepEqual(config.interviewers, []);
  });

  const bad: Array<[string, string, string]> = [
    ['broken JSON, with its place', '{\n  "rules": {\n}', `${FILE}:3:2: invalid JSON`],
    ['an unknown top-level key, pointing at it', '{\n  "rulez": {}\n}', `${FILE}:2:3: unknown key "rulez" (known keys here: rules, interviewers, people, lexicon)`],
    ['a rule that does not exist', '{ "rules": { "unexplained-adults": "off" } }', `${FILE}:1:14: unknown key "rules.unexplained-adults" (one of: unexplained-adult,`],
    ['a setting that does not exist', '{ "rules": { "minimisation": "quiet" } }', `${FILE}:1:30: rules.minimisation must be one of "off", "on", "error", "warning", "info"`],
    ['a string where a list goes', '{ "interviewers": "SW" }', `${FILE}:1:19: interviewers must be an array`],
    ['a person with no name', '{ "people": [ { "role": "health visitor" } ] }', `${FILE}:1:15: people[0] needs "name"`],
    ['an unknown key on a person', '{ "people": [ { "name": "Wendy", "job": "x" } ] }', `${FILE}:1:34: unknown key "people[0].job" (known keys here: name, role)`],
    ['an unknown word class', '{ "lexicon": { "people": { "boss": { "gaffer": "m" } } } }', `${FILE}:1:28: unknown key "lexicon.people.boss" (one of: relative,`],
    ['a bad gender', '{ "lexicon": { "people": { "partner": { "fella": "male" } } } }', `${FILE}:1:50: lexicon.people.partner.fella must be one of "m", "f", null`],
    ['an unknown cue type', '{ "lexicon": { "patterns": { "kissing": ["kiss"] } } }', `${FILE}:1:30: unknown key "lexicon.patterns.kissing" (one of: visit,`],
    ['an empty interviewer label', '{ "interviewers": [""] }', `${FILE}:1:20: interviewers[0] must not be empty`],
    ['a key given twice', '{ "rules": { "minimisation": "off", "minimisation": "on" } }', `${FILE}:1:37: "rules.minimisation" is given twice; only one can count`],
    ['a file of comments only', '// nothing yet\n', `${FILE}: the file is empty`],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name}`, () => {
      assert.throws(
        () => parseConfig(FILE, text),
        (e: unknown) => e instanceof InputError && e.message.startsWith(message) && !e.message.includes('\n'),
        `expected an error starting ${message}`,
      );
    });
  }

  it('a lexicon pattern compromise cannot use is an error at its place', () => {
    const text = '{\n  "lexicon": {\n    "patterns": { "romance": ["{fancy} (him"] }\n  }\n}\n';
    assert.throws(
      () => parseConfig(FILE, text),
      (e: unknown) => e instanceof InputError && e.message.startsWith(`${FILE}:3:30: lexicon.patterns.romance: "{fancy} (him" has an unclosed "("`),
    );
  });

  it('the starter config from `clues init` is itself a valid config that lists every rule as on', () => {
    const config = parseConfig(FILE, starterConfig(RULES));
    assert.deepEqual(Object.keys(config.rules), RULES.map((r) => r.id));
    assert.ok(Object.values(config.rules).every((s) => s === 'on'));
  });
});

describe('config: finding the file', () => {
  const root = mkdtempSync(join(tmpdir(), 'clues-config-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  it('finds the nearest config upward from the working folder, and none when there is none', async () => {
    mkdirSync(join(root, 'team', 'cohort', 'week1'), { recursive: true });
    assert.equal(await findConfig(join(root, 'team', 'cohort', 'week1')), undefined);
    writeFileSync(join(root, 'team', CONFIG_FILE), '{}');
    assert.equal(await findConfig(join(root, 'team', 'cohort', 'week1')), join(root, 'team', CONFIG_FILE));
    writeFileSync(join(root, 'team', 'cohort', CONFIG_FILE), '{}');
    assert.equal(await findConfig(join(root, 'team', 'cohort', 'week1')), join(root, 'team', 'cohort', CONFIG_FILE));
  });
});

describe('config: what it changes', () => {
  it('without a config the interview raises the clues the rest of these tests switch off', () => {
    const clues = run('{}');
    assert.ok(about(clues, 'minimisation', 'Darren'));
    assert.ok(about(clues, 'unexplained-adult', 'Darren'));
    assert.ok(clues.some((c) => c.rule === 'contradiction' && c.severity === 'error'));
  });

  it('turns a rule off', () => {
    const clues = run('{ "rules": { "minimisation": "off" } }');
    assert.ok(!clues.some((c) => c.rule === 'minimisation'));
    assert.ok(about(clues, 'unexplained-adult', 'Darren'));
  });

  it('sets every clue of a rule to one severity, and leaves other rules as they were', () => {
    const before = run('{}');
    const after = run('{ "rules": { "contradiction": "warning" } }');
    assert.ok(after.filter((c) => c.rule === 'contradiction').every((c) => c.severity === 'warning'));
    assert.deepEqual(
      after.filter((c) => c.rule !== 'contradiction').map((c) => c.severity),
      before.filter((c) => c.rule !== 'contradiction').map((c) => c.severity),
    );
  });

  it('a person known to the case is not an unexplained adult, and only that person', () => {
    const clues = run('{ "people": [ { "name": "Darren", "role": "mother\'s partner, checked by police" } ] }');
    assert.ok(!about(clues, 'unexplained-adult', 'Darren'));
    // Known is not the same as consistent: what the interviewee said about him is still a contradiction.
    assert.ok(clues.some((c) => c.rule === 'contradiction' && c.who === 'Darren'));
  });

  it('a known person is matched by name, past a title of kin: "Uncle Darren" is Darren, "Darren Price" too, Wayne is not', () => {
    for (const name of ['Uncle Darren', 'Darren Price']) {
      assert.ok(!about(run(`{ "people": [ { "name": "${name}" } ] }`), 'unexplained-adult', 'Darren'), name);
    }
    assert.ok(about(run('{ "people": [ { "name": "Wayne" } ] }'), 'unexplained-adult', 'Darren'));
  });

  it('interviewer labels from the config decide who asks the questions', () => {
    // Two speakers who both ask and answer: without labels the tool guesses; the config settles it.
    const text = 'KIM: Who was in the flat?\nJO: Only me. Why?\nKIM: Did Wayne stay over?\nJO: Wayne stays most nights, is that a problem?\n';
    const result = check({ file: 'p.txt', text }, { config: parseConfig(FILE, '{ "interviewers": ["KIM"] }') });
    assert.ok(result.ok);
    assert.deepEqual(result.speakers.map((s) => `${s.label}:${s.role}:${s.source}`), ['KIM:interviewer:config', 'JO:interviewee:config']);
  });

  it('interviewer labels a transcript does not use are no error: one config serves every transcript', () => {
    const config = parseConfig(FILE, '{ "interviewers": ["SW", "DC Hughes"] }');
    const withSw = check({ file: 'p.txt', text: INTERVIEW }, { config });
    assert.ok(withSw.ok, withSw.ok ? '' : withSw.error);
    assert.deepEqual(withSw.speakers.map((s) => `${s.label}:${s.role}:${s.source}`), ['SW:interviewer:config', 'LISA:interviewee:config']);
    // None of the labels speaks here: the roles are inferred, as with no config.
    const other = check({ file: 'q.txt', text: 'HV: How is he feeding?\nMUM: Better now, thanks.\n' }, { config });
    assert.ok(other.ok, other.ok ? '' : other.error);
    assert.deepEqual(other.speakers.map((s) => `${s.label}:${s.role}:${s.source}`), ['HV:interviewer:inferred', 'MUM:interviewee:inferred']);
  });

  it('extra lexicon words reach the analysis: a shop name stops being a person', () => {
    const text = 'SW: Where were you on Saturday?\nLISA: Greggs rang me. Then I went to work, Greggs wanted me in.\n';
    const names = (config: string) => {
      const result = check({ file: 'p.txt', text }, { config: parseConfig(FILE, config) });
      assert.ok(result.ok);
      return result.people.map((p) => p.name);
    };
    assert.ok(names('{}').includes('Greggs'), 'the default lexicon takes Greggs for a person');
    assert.ok(!names('{ "lexicon": { "notPeople": ["Greggs"] } }').includes('Greggs'));
  });

  it('applyRuleSettings keeps clues of rules the config does not mention', () => {
    const clue = { rule: 'relationship', severity: 'info' } as Parameters<typeof applyRuleSettings>[0][number];
    assert.deepEqual(applyRuleSettings([clue], {}), [clue]);
    assert.deepEqual(applyRuleSettings([clue], { relationship: 'off' }), []);
  });
});
