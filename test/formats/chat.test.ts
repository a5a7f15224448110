import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseChat } from '../../src/formats/chat.js';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/formats/plain.js';
import { positionAt } from '../../src/position.js';
import type { ParsedTranscript, Utterance } from '../../src/types.js';
import { assertAt, assertWordsMapBack, locate } from './positions.js';

function chat(text: string, file = 'visit.cha'): ParsedTranscript {
  return parseChat({ file, text });
}

const HEADER = [
  '@UTF8',
  '@Begin',
  '@Languages:\teng',
  '@Participants:\tCHI Kacey Target_Child, MOT Jade Mother, INV Investigator,',
  '\tGRA Grandmother',
  '@ID:\teng|visit|CHI|3;02.|female|||Target_Child|||',
  '@Date:\t14-FEB-2024',
];

describe('parseChat: tiers, participants and roles', () => {
  const text = [
    ...HEADER,
    '*INV:\twho comes to the flat ? \u0015842000_847600\u0015',
    '%mor:\tpro:int|who v|come-3S prep|to det:art|the n|flat ?',
    '%gra:\t1|2|SUBJ 2|0|ROOT 3|2|JCT 4|5|DET 5|3|POBJ 6|2|PUNCT',
    '*MOT:\tmy mum mainly , and Dean sometimes .',
    '%com:\tlooks away',
    '*MOT:\the put the shelves up in Kacey_s room ,',
    '\tand he stays over',
    '\tsometimes . \u0015848000_860100\u0015',
    '*CHI:\tDean ! [+ IMIT]',
    '@Comment:\tthe child leaves the room',
    '*INV:\tdoes Dean have a key ?',
    '@End',
  ].join('\n');
  const parsed = chat(text);
  const utterances = parsed.utterances;

  it('reads each main tier as one utterance, labelled with the participant’s name', () => {
    assert.deepEqual(
      utterances.map((u) => [u.index, u.speaker, u.text]),
      [
        [0, 'INV', 'who comes to the flat?'],
        [1, 'Jade', 'my mum mainly, and Dean sometimes.'],
        [2, 'Jade', 'he put the shelves up in Kacey s room, and he stays over sometimes.'],
        [3, 'Kacey', 'Dean!'],
        [4, 'INV', 'does Dean have a key?'],
      ],
    );
  });

  it('names as interviewers the speakers whose role is Investigator, Interviewer or Experimenter', () => {
    assert.deepEqual(parsed.interviewers, ['INV']);
  });

  it('points utterances and continuation lines at their words', () => {
    const [first, second, third] = utterances as [Utterance, Utterance, Utterance];
    assert.deepEqual({ line: first.line, column: first.column }, { line: 8, column: 7 });
    assertAt(second, text, 'Dean', 'Dean');
    assertAt(second, text, ', and', ', and');
    assertAt(third, text, 'shelves', 'shelves');
    assertAt(third, text, 'stays over', 'stays over');
    assertAt(third, text, 'sometimes.', 'sometimes .', 1);
    assert.deepEqual(positionAt(third, third.text.indexOf('sometimes')), { line: 15, column: 2 });
    assertWordsMapBack(utterances, text);
  });

  it('takes the time from the first media bullet', () => {
    assert.deepEqual(
      utterances.map((u) => u.time),
      ['00:14:02', undefined, '00:14:08', undefined, undefined],
    );
  });
});

describe('parseChat: CHAT codes come out of the text, positions stay', () => {
  const cases: Array<[tier: string, expected: string, checks: string[]]> = [
    ['I [/] I left him with Dean .', 'I I left him with Dean.', ['left', 'Dean']],
    ['<he was> [//] Dean was there .', 'he was Dean was there.', ['was there', 'Dean']],
    ['<he was> [///] Dean was there .', 'he was Dean was there.', ['Dean']],
    ['&-uh he &-um stays over .', 'uh he um stays over.', ['uh', 'um', 'stays']],
    ['xxx and Dean came round .', 'and Dean came round.', ['and Dean']],
    ['Dean (..) he came (.) round (1.5) once .', 'Dean he came round once.', ['came', 'round', 'once']],
    ['he was going to +...', 'he was going to...', ['going to', '...']],
    ['did he +/?', 'did he?', ['he']],
    ['so she +//.', 'so she.', ['she']],
    ['+< no he never .', 'no he never.', ['no he']],
    ['the dog went woof@o .', 'the dog went woof.', ['woof']],
    ['he 0is my friend .', 'he my friend.', ['my friend']],
    ['\u0015100_200\u0015 Dean came . \u0015200_900\u0015', 'Dean came.', ['Dean']],
    ['he goed [: went] home [*] .', 'he goed home.', ['goed', 'home']],
    ['he stays [= at night] over [!] .', 'he stays over.', ['over']],
    ['&=laughs not my fella &=sighs .', 'not my fella.', ['not my fella']],
    ['&+fr friend .', 'friend.', ['friend']],
    ['&*INV:yeah he stays .', 'he stays.', ['he stays']],
    ['(be)cause he was there .', 'because he was there.', ['cause', 'he was']],
    ['no:: he never .', 'no he never.', ['he never']],
    ['at 10:30 he came .', 'at 10:30 he came.', ['10:30', 'he came']],
    ['Mummy ‡ he hit me .', 'Mummy, he hit me.', ['he hit']],
    ['a graham_cracker .', 'a graham cracker.', ['graham', 'cracker']],
    ['he kissed me , didn’t he ?', 'he kissed me, didn’t he?', ['kissed', 'didn’t']],
    ['he did [?] .', 'he did.', ['did']],
    ['it was nothing . [+ IMP]', 'it was nothing.', ['nothing']],
    ['‹he came› round .', 'he came round.', ['he came', 'round']],
  ];
  for (const [tier, expected, checks] of cases) {
    it(`"${tier.replace(/\u0015/g, '•')}" → "${expected}"`, () => {
      const text = [...HEADER, '*MOT:\tfirst .', `*MOT:\t${tier}`, '@End'].join('\n');
      const utterance = chat(text).utterances[1] as Utterance;
      assert.equal(utterance.text, expected);
      const tierLine = HEADER.length + 2;
      for (const word of checks) {
        const column = tier.indexOf(word) + '*MOT:\t'.length + 1;
        assert.deepEqual(positionAt(utterance, utterance.text.indexOf(word)), { line: tierLine, column }, `position of "${word}"`);
      }
      assertWordsMapBack([utterance], text);
    });
  }

  it('keeps punctuation typed against a code (`&=laughs.`), and maps it', () => {
    const text = [...HEADER, '*MOT:\twashing up &=laughs. Nothing nasty .', '@End'].join('\n');
    const [utterance] = chat(text).utterances as [Utterance];
    assert.equal(utterance.text, 'washing up. Nothing nasty.');
    assert.deepEqual(positionAt(utterance, utterance.text.indexOf('.')), locate(text, '. Nothing'));
    assertAt(utterance, text, 'Nothing', 'Nothing');
  });

  it('leaves out tiers with no words once codes are gone (xxx, 0, www, events)', () => {
    const text = [...HEADER, '*CHI:\txxx .', '*CHI:\t0 [=! cries] .', '*CHI:\twww [= ! rit] .', '*MOT:\t&=laughs .', '*MOT:\tyes .', '@End'].join('\n');
    const utterances = chat(text).utterances;
    assert.deepEqual(
      utterances.map((u) => [u.index, u.speaker, u.text]),
      [[0, 'Jade', 'yes.']],
    );
  });

  it('a bracketed code may run over a continuation line', () => {
    const text = [...HEADER, '*MOT:\the stays [% said very', '\tquietly] over sometimes .', '@End'].join('\n');
    const [utterance] = chat(text).utterances as [Utterance];
    assert.equal(utterance.text, 'he stays over sometimes.');
    assertAt(utterance, text, 'over', 'over');
  });
});

describe('parseChat: labels and headers', () => {
  it('uses the code when a participant has no name, and when two share a name', () => {
    const text = [
      '@Begin',
      '@Participants:\tMOT Mother Mother , FAT Sam Father , BRO Sam Brother , INV Investigator',
      '*MOT:\thello .',
      '*FAT:\thello .',
      '*BRO:\thello .',
      '*INV:\thello ?',
      '*XYZ:\twho am I ?',
      '@End',
    ].join('\n');
    const parsed = chat(text);
    assert.deepEqual(
      parsed.utterances.map((u) => u.speaker),
      ['Mother', 'FAT', 'BRO', 'INV', 'XYZ'],
    );
    assert.deepEqual(parsed.interviewers, ['INV']);
  });

  it('turns underscores in names into spaces and lists only interviewers who speak', () => {
    const text = [
      '@Begin',
      '@Participants:\tMOT Jade Mother, COL Colin_Fraser Investigator, RIC Richard Investigator, EXP Eve Experimenter',
      '*COL:\twho is Dean ?',
      '*MOT:\ta friend .',
      '*EXP:\tand Kacey ?',
      '@End',
    ].join('\n');
    const parsed = chat(text);
    assert.deepEqual(
      parsed.utterances.map((u) => u.speaker),
      ['Colin Fraser', 'Jade', 'Eve'],
    );
    assert.deepEqual(parsed.interviewers, ['Colin Fraser', 'Eve']);
  });

  it('reads CRLF files with a BOM, and ignores anything after @End', () => {
    const text = '\uFEFF@UTF8\r\n@Begin\r\n@Participants:\tMOT Jade Mother\r\n*MOT:\tDean stays .\r\n@End\r\n*MOT:\tafter the end .\r\n';
    const [utterance, ...rest] = chat(text).utterances as [Utterance];
    assert.equal(rest.length, 0);
    assert.equal(utterance.text, 'Dean stays.');
    assert.deepEqual({ line: utterance.line, column: utterance.column }, { line: 4, column: 7 });
  });

  it('allows a space instead of a tab after the colon', () => {
    const [utterance] = chat('@Begin\n*MOT: he stays .\n@End\n').utterances as [Utterance];
    assert.deepEqual([utterance.speaker, utterance.text, utterance.column], ['MOT', 'he stays.', 7]);
  });
});

describe('parseChat: malformed files throw InputError with file:line', () => {
  const throwsWith = (text: string, message: string): void => {
    assert.throws(
      () => chat(text),
      (error: unknown) => {
        assert.ok(error instanceof InputError, 'an InputError');
        assert.equal(error.message, message);
        return true;
      },
    );
  };

  it('no @Begin', () => {
    throwsWith('@UTF8\n@Participants:\tMOT Jade Mother\n@End\n', 'visit.cha:1: not a CHAT file: no @Begin header');
  });

  it('a tier before @Begin', () => {
    throwsWith('@UTF8\n*MOT:\the stays .\n@Begin\n@End\n', 'visit.cha:2: tier "*MOT:" comes before @Begin; a CHAT file starts with @Begin');
  });

  it('a main or dependent tier without a colon', () => {
    throwsWith('@Begin\n*MOT:\tfine .\n*MOT he stays .\n@End\n', 'visit.cha:3: main tier "*MOT he stays ." needs a code and a colon, like "*MOT:"');
    throwsWith('@Begin\n*MOT:\tfine .\n%mor pro|he v|stay .\n@End\n', 'visit.cha:3: dependent tier "%mor pro|he v|stay ." needs a code and a colon, like "%mor:"');
  });

  it('a line that is not CHAT at all', () => {
    throwsWith('@Begin\n*MOT:\tfine .\nSW: who is Dean?\n@End\n', 'visit.cha:3: not a CHAT line: expected "@Header:", "*SPK:\\ttext" or "%tier:" (found "SW: who is Dean?")');
  });

  it('no speech', () => {
    throwsWith('@Begin\n@Participants:\tMOT Jade Mother\n*MOT:\txxx .\n@End\n', 'visit.cha:1: no main tiers with speech ("*SPK:\\ttext") found');
  });
});

// The same interviews as fixtures/NAME.txt, transcribed in CHAT.
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const FORMAT_FIXTURES: Array<[name: string, interviewer: string]> = [
  ['just-a-friend-valentines', 'SW'],
  ['no-one-else-babysits', 'DS'],
  ['not-seen-since-christmas', 'INT'],
  ['stated-boyfriend', 'INV'],
];

/** The plain fixture's words as CHAT writes them: `[pause]` is `(..)`, `[laughs]` is `&=laughs`, `Erm...` is `&-erm (...)`. */
function asChatWords(text: string): string {
  return text.replace(/\s*\[(?:pause|laughs)\]/g, '').trim().replace('Erm...', 'erm');
}

describe('fixtures/formats/*.cha: the plain-text fixtures in CHAT', () => {
  for (const [name, interviewer] of FORMAT_FIXTURES) {
    it(`${name}.cha has the words of ${name}.txt turn for turn, the interviewer from @Participants, each word at its place`, () => {
      const text = readFileSync(`${fixtures}formats/${name}.cha`, 'utf8');
      const parsed = chat(text, `${name}.cha`);
      const plain = parsePlain({ file: `${name}.txt`, text: readFileSync(`${fixtures}${name}.txt`, 'utf8') });
      assert.deepEqual(
        parsed.utterances.map((u) => u.text),
        plain.map((u) => asChatWords(u.text)),
      );
      assert.deepEqual(parsed.interviewers, [interviewer]);
      const asking = plain.map((u) => u.speaker === plain[0]?.speaker);
      assert.deepEqual(
        parsed.utterances.map((u) => u.speaker === interviewer),
        asking,
      );
      assert.ok(parsed.utterances.every((u) => u.time !== undefined));
      assertWordsMapBack(parsed.utterances, text);
    });
  }
});

// Real CHAT transcripts beside the checkout; a clone elsewhere skips these tests.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/chat/', import.meta.url));
const present = existsSync(corpus);
const skip = present ? false : `../shared/corpus/chat not found beside the checkout (${corpus}); real CHAT checks skipped`;

describe('real CHAT transcripts from ../shared/corpus', { skip }, () => {
  it('pylangacq-brown-eve.cha: Eve, Sue (MOT), Colin (COL) and Richard (RIC); the Investigators are interviewers; every word at its place', () => {
    const text = readFileSync(`${corpus}pylangacq-brown-eve.cha`, 'utf8');
    const parsed = chat(text, 'eve.cha');
    const count = new Map<string, number>();
    for (const u of parsed.utterances) count.set(u.speaker, (count.get(u.speaker) ?? 0) + 1);
    assert.deepEqual([...count.keys()], ['Eve', 'Sue', 'Colin', 'Richard']);
    assert.deepEqual(parsed.interviewers, ['Colin', 'Richard']);
    assert.equal(count.get('Colin'), 30);
    assert.equal(count.get('Richard'), 13);
    // Tiers that are only `xxx .` or `0 .` are left out: three of Sue's, many of Eve's.
    assert.equal(count.get('Sue'), (text.match(/^\*MOT:/gm) ?? []).length - 3);
    assert.ok((count.get('Eve') ?? 0) < (text.match(/^\*CHI:/gm) ?? []).length);

    const byLine = new Map(parsed.utterances.map((u) => [u.line, u]));
    assert.equal(byLine.get(17)?.text, 'you more cookies?'); // `you 0v more cookies ?`
    assert.equal(byLine.get(51)?.text, 'oh, I took it.'); // `oh (.) ‚ I took it .`
    assert.equal(byLine.get(74)?.text, 'Mr Fraser?');
    assert.ok(!parsed.utterances.some((u) => /\[|\]|\+|&|\bxxx\b|\(\.|\u0015/.test(u.text)), 'no CHAT codes left');
    assert.ok(assertWordsMapBack(parsed.utterances, text) > 4000);
  });

  it('talkbank-lyon-anais-10023b.cha: French, media bullets, INV Géraldine as interviewer', () => {
    const text = readFileSync(`${corpus}talkbank-lyon-anais-10023b.cha`, 'utf8');
    const parsed = chat(text, 'anais.cha');
    assert.deepEqual([...new Set(parsed.utterances.map((u) => u.speaker))].sort(), ['Anais', 'Géraldine', 'Mother']);
    assert.deepEqual(parsed.interviewers, ['Géraldine']);
    const inv = parsed.utterances.find((u) => u.speaker === 'Géraldine') as Utterance;
    assert.equal(inv.text, 'oh mais je te vois plus!'); // `oh mais j(e) te vois plus ! •229780_234037•`
    assert.equal(inv.time, '00:03:49');
    assert.ok(!parsed.utterances.some((u) => /\[|\]|\u0015|\byyy\b|\bwww\b/.test(u.text)), 'no CHAT codes left');
    assert.ok(assertWordsMapBack(parsed.utterances, text) > 500);
  });
});
