import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import people from '../../src/lexicon/people.json' with { type: 'json' };
import { analyse, buildLexicon, CUE_TYPES, DEFAULT_LEXICON, isCalled, NOUN_CLASSES, type LexiconExtras } from '../../src/analyse/index.js';
import { parse } from '../../src/parse/index.js';
import { peopleOf } from '../transcript.js';

// Each case runs with the built-in lexicon and with the extras, so it fails unless the extras make the difference.
const analyseWith = (lines: string[], extras?: LexiconExtras) =>
  analyse(parse({ file: 't.txt', text: `${lines.join('\n')}\n` }), extras ? { lexicon: buildLexicon(extras) } : {});

const cuesOf = (lines: string[], extras?: LexiconExtras) => {
  const analysis = analyseWith(lines, extras);
  return analysis.cues.map((c) => `${c.type}: "${c.text}" → ${c.personId === undefined ? '-' : analysis.roster.people[c.personId]!.name}`);
};

describe('lexicon extras', () => {
  it('adds a role noun to its class', () => {
    const lines = ['SW: Who has been to see you?', 'MUM: The IDVA came round on Tuesday.'];
    const extras: LexiconExtras = { people: { professional: { idva: null } } };
    assert.deepEqual(peopleOf(analyseWith(lines)), []);
    assert.deepEqual(peopleOf(analyseWith(lines, extras)), ['the idva:professional']);
  });

  it('matches a multi-word role noun as one noun', () => {
    const lines = ['SW: Who has been?', 'MUM: The police community support officer came round on Monday.'];
    const extras: LexiconExtras = { people: { professional: { 'Police Community Support Officer': null } } };
    assert.deepEqual(peopleOf(analyseWith(lines)), ['the police:professional', 'officer:professional']);
    assert.deepEqual(peopleOf(analyseWith(lines, extras)), ['the police community support officer:professional']);
  });

  it('gives an extra role noun its gender', () => {
    const lines = ['SW: Who is around?', 'DAD: My missus stays over at weekends.'];
    const analysis = analyseWith(lines, { people: { partner: { missus: 'f' } } });
    assert.deepEqual(peopleOf(analysis), ['my missus:partner']);
    assert.equal(analysis.roster.people[0]!.gender, 'female');
    assert.deepEqual(peopleOf(analyseWith(lines)), []);
  });

  it('matches a hyphenated role noun, which compromise reads as two words', () => {
    const lines = ['SW: Who lives with you?', 'MUM: Just me and the bidie-in. He stays most nights.'];
    assert.deepEqual(peopleOf(analyseWith(lines)), []);
    assert.deepEqual(peopleOf(analyseWith(lines, { people: { partner: { 'bidie-in': 'm' } } })), ['the bidie-in:partner']);
  });

  it('keeps a word that is never a person off the roster', () => {
    // "at Greggs" already reads as a place; as the subject of a verb only the project's word list can tell.
    const lines = ['SW: Where were you on Saturday?', 'MUM: Greggs rang me. Then I went to work, Greggs wanted me in.'];
    assert.deepEqual(peopleOf(analyseWith(lines)), ['Greggs:unknown']);
    assert.deepEqual(peopleOf(analyseWith(lines, { notPeople: ['Greggs'] })), []);
  });

  it('merges a nickname with the name it stands for', () => {
    const lines = ['SW: Tell me about Darren.', "MUM: He's a mate. I left Kai with Daz on Friday."];
    const darren = (extras?: LexiconExtras) => analyseWith(lines, extras).roster.people.find((p) => p.name === 'Darren')!;
    assert.deepEqual(darren().aliases, []);
    assert.deepEqual(darren({ nicknames: { Daz: 'Darren' } }).aliases, ['Daz']);
  });

  it('lets a case record name a person by an extra nickname', () => {
    const darren = analyseWith(['SW: Tell me about Darren.', "MUM: He's a mate."]).roster.people[0]!;
    assert.equal(isCalled(darren, 'Daz'), false);
    assert.equal(isCalled(darren, 'Daz', buildLexicon({ nicknames: { daz: 'darren' } })), true);
  });

  it('adds a match pattern to a cue type', () => {
    const lines = ['SW: How are things with Dean?', "MUM: Good. We're loved up, me and Dean."];
    assert.deepEqual(cuesOf(lines), []);
    assert.deepEqual(cuesOf(lines, { patterns: { romance: ['loved up'] } }), ['romance: "loved up" → Dean']);
  });

  it('puts the lexicon it used on the analysis, and leaves the built-in one as it was', () => {
    const lexicon = buildLexicon({ people: { professional: { idva: null } }, notPeople: ['Greggs'], patterns: { romance: ['loved up'] } });
    assert.equal(analyse(parse({ file: 't.txt', text: 'SW: Hello.\n' }), { lexicon }).lexicon, lexicon);
    assert.equal(analyseWith(['SW: Hello.']).lexicon, DEFAULT_LEXICON);
    assert.equal(DEFAULT_LEXICON.roleNouns.has('idva'), false);
    assert.equal(DEFAULT_LEXICON.notPeople.has('greggs'), false);
    assert.equal(DEFAULT_LEXICON.patterns.romance.includes('loved up'), false);
  });
});

describe('lexicon errors', () => {
  const fails: Array<[string, LexiconExtras, RegExp]> = [
    ['an unclosed bracket', { patterns: { romance: ['{fancy} (him'] } }, /^patterns\.romance: "\{fancy\} \(him" has an unclosed "\("/],
    ['a stray bracket', { patterns: { safety: ['got lairy)'] } }, /^patterns\.safety: "got lairy\)" has an unclosed/],
    ['an unknown tag', { patterns: { visit: ['#Persn comes round'] } }, /^patterns\.visit: "#Persn comes round" uses an unknown tag "#Persn"/],
    ['an empty pattern', { patterns: { denial: [' '] } }, /^patterns\.denial: " " is empty/],
    ['a bad regular expression', { patterns: { injury: ['/bruis(/'] } }, /^patterns\.injury: "\/bruis\(\/" is not a match pattern/],
    ['an unknown cue type', { patterns: { romanse: ['loved up'] } as LexiconExtras['patterns'] }, /^patterns\.romanse: no such cue type; use one of visit, /],
    ['an unknown noun class', { people: { profesional: { idva: null } } as LexiconExtras['people'] }, /^people\.profesional: no such noun class/],
    ['a place of two words', { notPeople: ['Pizza Hut'] }, /^notPeople: "Pizza Hut" is more than one word/],
  ];
  for (const [name, extras, message] of fails) {
    it(`throws on ${name}`, () => assert.throws(() => buildLexicon(extras), { name: 'Error', message }));
  }

  it('accepts every built-in pattern', () => {
    const patterns = Object.fromEntries(CUE_TYPES.map((type) => [type, [...DEFAULT_LEXICON.patterns[type]]]));
    assert.doesNotThrow(() => buildLexicon({ patterns }));
  });

  it('lists the noun classes people.json has', () => {
    assert.deepEqual([...NOUN_CLASSES].sort(), Object.keys(people).filter((k) => !k.startsWith('$')).sort());
  });
});

describe('cue types as records (cues.json)', () => {
  it('gives every cue type patterns, and the presence levels the detectors use come from its records', async () => {
    const { CUES } = await import('../../src/analyse/lexicon.js');
    const { PRESENCE } = await import('../../src/detect/people.js');
    for (const type of CUE_TYPES) assert.ok(CUES[type].patterns.length > 0, `${type} has no patterns`);
    assert.deepEqual(PRESENCE, { visit: 'visit', overnight: 'overnight', residence: 'residence', care: 'care', carerAfter: 'care', carerInside: 'care' });
  });

  it("reads whose a cue is from its record: 'after' for 'left him with Dave', 'speaker' for 'no one else lives here'", () => {
    const cues = cuesOf(['SW: Saturday?', 'MUM: I left him with Dave. No one else lives here.']);
    assert.deepEqual(cues.filter((c) => /^(carerAfter|nobodyElseHome):/.test(c)), ['carerAfter: "left him with" → Dave', 'nobodyElseHome: "No one else lives" → -']);
  });
});

describe('injury kinds (topics.json)', () => {
  it('sorts an injury cue into the first kind whose stem it holds, and reads bleeding, a mark and a swelling as any injury', async () => {
    const { INJURY_KINDS } = await import('../../src/analyse/lexicon.js');
    const kindOf = (text: string) => INJURY_KINDS.find((k) => k.stems.test(text))?.kind;
    assert.deepEqual(
      ['a nosebleed', 'a big egg on', 'bite marks', 'a black eye', 'scalding', 'head injury'].map(kindOf),
      ['bleeding', 'swelling', 'bite', 'black eye', 'burn', undefined],
    );
    assert.deepEqual(INJURY_KINDS.filter((k) => k.anyInjury).map((k) => k.kind), ['swelling', 'bleeding', 'mark']);
  });

  it('follows bleeding up as a cut, with whole words only', () => {
    const { families } = DEFAULT_LEXICON.topics.injury;
    assert.equal(families.bleeding, undefined);
    assert.ok(families.cut!.test('was there any blood?'));
    // An interviewer's "egg" or "bleed" is not a follow-up word, though a cue's "egg on" is sorted as a swelling.
    assert.ok(!Object.values(families).some((re) => re.test('did he have an egg for breakfast')));
    assert.ok(!families.cut!.test('did it bleed?'));
  });
});

describe('every lexicon file', () => {
  it('says what it is for in a $comment', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../../src/lexicon/', import.meta.url);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as Record<string, unknown>;
      assert.equal(typeof data.$comment, 'string', `${file} has no $comment`);
    }
  });
});

describe('a cue word from a project config', () => {
  const text = "SW: Who is Kyle?\nMUM: Kyle's a mate. He dosses at mine most weekends.\nSW: Okay. How is school going?\nMUM: Fine.\n";
  const CONFIG = '{ "lexicon": { "patterns": { "overnight": ["{doss} (here|at mine|at ours)"] } } }';

  it('places a person as the cue type’s record says, with no edit to the package', async () => {
    const { check } = await import('../../src/cli/run.js');
    const { parseConfig } = await import('../../src/cli/config.js');
    const rules = (config: string) => {
      const result = check({ file: 'p.txt', text }, { config: parseConfig('clues.config.json', config) });
      assert.ok(result.ok);
      return result.clues.map((c) => `${c.rule}:${c.line}`);
    };
    assert.deepEqual(rules('{}'), ['relationship:2']);
    assert.deepEqual(rules(CONFIG), ['unexplained-adult:2', 'relationship:2']);
  });

  it('is compiled once per config, into a lexicon of its own', async () => {
    const { configLexicon, parseConfig } = await import('../../src/cli/config.js');
    const config = parseConfig('clues.config.json', CONFIG);
    const lexicon = configLexicon(config);
    assert.equal(configLexicon(config), lexicon);
    assert.notEqual(lexicon, DEFAULT_LEXICON);
    assert.deepEqual(lexicon.patterns.overnight.slice(-1), ['{doss} (here|at mine|at ours)']);
    assert.ok(!DEFAULT_LEXICON.patterns.overnight.includes('{doss} (here|at mine|at ours)'));
  });
});
