/**
 * The analysis costs time linear in the text, whatever its shape: long unpunctuated utterances, runs of dots,
 * unclosed brackets, hours of talk. Work is compared at two sizes in one process (a time ratio between n and 4n with a
 * generous bound: quadratic work gives about 16, linear about 4), never against a wall clock.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import nlp from 'compromise';
import { analyse } from '../../src/analyse/index.js';
import { DEFAULT_LEXICON } from '../../src/analyse/lexicon.js';
import { matchLexicon, settle } from '../../src/analyse/matches.js';
import { boundSentence, maskNonSpeech, MAX_SENTENCE_WORDS, sentencesOf, withCompromiseSweep } from '../../src/analyse/sentences.js';
import { parse } from '../../src/parse/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function seconds(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** How much longer the analysis of `make(4n)` takes than of `make(n)`: the best of three runs each, after a warm-up. */
function growth(make: (size: number) => string, size: number): number {
  const analyseText = (text: string) => analyse(parse({ file: 't.txt', text }));
  const small = make(size);
  const large = make(4 * size);
  analyseText(small); // warm up compromise, the compiled patterns and the JIT
  const time = (text: string) => Math.min(...[1, 2, 3].map(() => seconds(() => analyseText(text))));
  return time(large) / time(small);
}

const repeat = (words: string, size: number) => words.repeat(Math.ceil(size / words.length)).slice(0, size);
const oneUtterance = (words: string) => (size: number) => `SW: What happened?\nMUM: ${repeat(words, size)}\n`;

// Quadratic work gives 16; linear work about 4, plus noise on a shared machine.
const LINEAR = 9;

describe('linear time on any text', () => {
  for (const [name, make] of [
    ['one unpunctuated utterance of "my mate"', oneUtterance('my mate ')],
    ['one utterance repeating a sentence without a full stop', oneUtterance('he said his mate Dave stayed the night with us and ')],
    ['"He" followed by dots', (size: number) => `SW: And then?\nMUM: He${'.'.repeat(size)}\n`],
    ['a line of unclosed brackets', (size: number) => `SW: And then?\nMUM: ${repeat('[(laughs ', size)}\n`],
  ] as const) {
    it(`${name}: 4x the text takes about 4x the time`, () => {
      const ratio = growth(make, 10_000);
      assert.ok(ratio < LINEAR, `4x the text took ${ratio.toFixed(1)}x the time`);
    });
  }

  it('a realistic interview repeated for hours: 4x the text takes about 4x the time', () => {
    const dir = `${root}fixtures/`;
    const turns = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n').filter((l) => /^[^#\s][^:]{0,30}:/.test(l)))
      .map((l, i) => (i % 2 ? 'MUM: ' : 'SW: ') + l.replace(/^[^:]*:\s*/, ''));
    const interview = (size: number) => {
      const lines: string[] = [];
      for (let length = 0, i = 0; length < size; i++) {
        lines.push(turns[i % turns.length]!);
        length += turns[i % turns.length]!.length + 1;
      }
      return `${lines.join('\n')}\n`;
    };
    const ratio = growth(interview, 12_000);
    assert.ok(ratio < LINEAR, `4x the text took ${ratio.toFixed(1)}x the time`);
  });
});

describe('bounded sentences', () => {
  it('cuts a run-on utterance into sentences of at most MAX_SENTENCE_WORDS words, every offset still true', () => {
    const text = repeat('and then my mate Dave came round ', 20_000);
    const [utterance] = parse({ file: 't.txt', text: `MUM: ${text}\n` }).utterances;
    const { sentences } = sentencesOf([utterance!], () => 'interviewee');
    assert.ok(sentences.length >= 20_000 / 6 / MAX_SENTENCE_WORDS);
    for (const s of sentences) {
      assert.ok(s.tokens.length <= MAX_SENTENCE_WORDS + 1, `a sentence of ${s.tokens.length} words`);
      for (const t of s.tokens) assert.equal(utterance!.text.slice(t.start, t.end), t.text);
    }
    assert.equal(sentences.at(-1)!.end, utterance!.text.trimEnd().length);
  });

  it('leaves a sentence within the bounds as it is, and the pieces of a longer one join back into it', () => {
    const short = 'He came round on Friday and stayed the night.';
    assert.deepEqual(boundSentence(short), [short]);
    const long = `${repeat('a ', 1_000)}${'x'.repeat(9_000)} end`;
    const pieces = boundSentence(long);
    assert.equal(pieces.join(''), long);
    assert.ok(pieces.every((p) => p.length <= 4_000 && (p.match(/\S+/g) ?? []).length <= MAX_SENTENCE_WORDS));
  });
});

describe('maskNonSpeech', () => {
  // The regular expression it replaces: the hand-written scan must blank exactly what this blanked.
  const REGEX = /\[[^\]]*\]|\((?:laughs?|laughing|crying|cries|sighs?|pause|inaudible|crosstalk|unclear|indistinct)[^)]*\)/gi;
  const byRegex = (text: string) => text.replace(REGEX, (m) => ' '.repeat(m.length));

  it('blanks what the old regular expression blanked, on 20,000 random mixes of brackets and words', () => {
    const parts = ['[', ']', '(', ')', '(laughs', '(Pause', '(cry', '(crying)', '[x]', 'a', ' ', 'SIGHS', '(sigh'];
    let seed = 1;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let n = Math.floor(random() * 12); n > 0; n--) text += parts[Math.floor(random() * parts.length)];
      assert.equal(maskNonSpeech(text), byRegex(text), JSON.stringify(text));
    }
  });

  it('blanks [inaudible] and (laughs) keeping the length', () => {
    const text = 'he [inaudible] came (laughs) round (he did)';
    assert.equal(maskNonSpeech(text), `he ${' '.repeat(11)} came ${' '.repeat(8)} round (he did)`);
  });
});

describe('settle', () => {
  it("merges overlapping matches exactly as compromise's settle() does, sentence by sentence", () => {
    const doc = nlp('one two three four five six. seven eight nine ten eleven twelve. a b c d e f g.');
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * n);
    const view = doc as unknown as { update(p: unknown[]): { settle(): { fullPointer: number[][] } } };
    for (let k = 0; k < 2_000; k++) {
      const pointers = Array.from({ length: 1 + random(8) }, () => {
        const start = random(6);
        return [random(3), start, start + 1 + random(3)];
      });
      const theirs = view.update(pointers.map((p) => [...p])).settle().fullPointer.map((p) => p.slice(0, 3).join(','));
      const ours = settle(pointers.map((p) => [...p])).map((p) => p.slice(0, 3).join(','));
      for (const n of [0, 1, 2]) {
        const of = (list: string[]) => list.filter((p) => p.startsWith(`${n},`));
        assert.deepEqual(of(ours), of(theirs), JSON.stringify(pointers));
      }
    }
  });
});

describe("compromise's sweep, given only the hooks a document has", () => {
  const transcripts = readdirSync(`${root}fixtures`)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(`${root}fixtures/${f}`, 'utf8'));

  it('tags every word and finds every lexicon match exactly as compromise does with all of them', () => {
    const lexicon = DEFAULT_LEXICON;
    const read = (text: string) => {
      const doc = nlp(maskNonSpeech(text));
      const matches = matchLexicon(doc, lexicon);
      // Term ids count every term compromise has made: the same words parsed twice differ there only. An id holds
      // its word, which may hold an escaped quote (`onerror="x`, in fixtures/hostile-html.txt).
      const terms = JSON.stringify(doc.json({ offset: true, terms: { offset: true } })).replace(/"id":"(?:[^"\\]|\\.)*"/g, '');
      return JSON.stringify([terms, [...matches.cues], matches.childCues]);
    };
    let compared = 0;
    let matched = 0;
    for (const text of transcripts) {
      for (const line of text.split('\n')) {
        const words = line.replace(/^[^:]{1,30}:\s*/, '');
        if (!words.trim()) continue;
        const ours = read(words);
        assert.equal(ours, withCompromiseSweep(() => read(words)), `differs on: ${words}`);
        compared++;
        if (ours.includes('"start"')) matched++;
      }
    }
    // The comparison is worth something only if many lines were read and many had lexicon matches.
    assert.ok(compared > 300 && matched > 100, `${compared} lines compared, ${matched} with matches`);
  });
});

describe('compromise documents are let go', () => {
  it('keeps no utterance document once the next ones are parsed', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let collected = 0;
    const registry = new FinalizationRegistry(() => collected++);
    const utterances = parse({ file: 't.txt', text: Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'MUM' : 'SW'}: Steven came round on Friday ${i}.`).join('\n') }).utterances;
    let read = 0;
    sentencesOf(utterances, () => 'interviewee', (doc) => {
      registry.register(doc, read);
      // Collected now, while the pass is still going, only if nothing holds the earlier documents.
      if (++read === 30) gc();
    });
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    assert.ok(collected >= 20, `${collected} of the first 29 documents were let go during the pass`);
  });

  it('holds no compromise document in the analysis', () => {
    const analysis = analyse(parse({ file: 't.txt', text: 'SW: Who is Steven?\nMUM: Steven is just a friend. He had Deano overnight.' }));
    const seen = new Set<object>();
    const views: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if ('world' in value && 'document' in value) views.push(path);
      const entries = value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value].map((v, i) => [i, v]) : Object.entries(value);
      for (const [k, v] of entries) walk(v, `${path}.${String(k)}`);
    };
    walk(analysis, 'analysis');
    assert.deepEqual(views, []);
    assert.ok(seen.size > 100, 'the walk reached the analysis');
  });
});
