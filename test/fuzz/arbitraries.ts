/** fast-check generators of transcript-shaped text for the fuzz tests, and the run settings they share. */
import fc from 'fast-check';
import type { Source } from '../../src/formats/index.js';
import { paragraphFormat, type InputFormat } from '../../src/read/detect-format.js';

/** Fixed seed so a failure replays; `CLUES_FUZZ_RUNS` raises the count for a long run (CI keeps the default). */
export function settings(numRuns: number): { seed: number; numRuns: number } {
  const env = Number(process.env.CLUES_FUZZ_RUNS);
  return { seed: Number(process.env.CLUES_FUZZ_SEED ?? 20261204), numRuns: Number.isFinite(env) && env > 0 ? env : numRuns };
}

const word = fc.oneof(
  fc.constantFrom('he', 'she', 'mum', 'Steven', 'hit', 'me', 'uncle', 'Dave', 'bruise', 'my', 'mate', 'a', 'just', 'I', 'don\u2019t', 'know', 'Mr', 'school', 'yes', 'no'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
  fc.string({ unit: fc.constantFrom('a', 'x', '.', '[', ']', ':'), minLength: 40, maxLength: 300 }),
);
const controls = fc.constantFrom('\u0000', '\u0007', '\u001b]52;c;AAA\u0007', '\u000c', '\u202e', '\ufeff', '\r', '\u0085', '\u2028', '\t');
/** Sentences of the kinds the detectors report (an unexplained adult, an injury, a relationship, a denial), so clues come up. */
const telling = fc.constantFrom(
  'Steven hit me.', 'Mum\u2019s boyfriend Dave stays over sometimes.', 'I got a bruise on my arm.', 'He said not to tell anyone.',
  'A man called Gary picks me up from school.', 'I don\u2019t remember.', 'Nobody hurt me.', 'Who is Dave?', 'my uncle', 'It was only a little push.',
);
const randomSentence = fc.array(fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: controls }), { maxLength: 14 }).chain((words) =>
  fc.constantFrom('.', '?', '!', '', '...', ' [inaudible]').map((end) => words.join(' ') + end),
);
const sentence = fc.oneof({ weight: 2, arbitrary: randomSentence }, { weight: 1, arbitrary: telling }, { weight: 1, arbitrary: fc.tuple(telling, randomSentence).map(([a, b]) => `${a} ${b}`) });
const label = fc.oneof(fc.constantFrom('Q', 'A', 'SW', 'TRACEY', 'CHILD', 'Interviewer', 'MS. HOFFINGER', 'THE COURT'), fc.string({ minLength: 1, maxLength: 12 }));
const clock = fc.tuple(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999)).map(([h, m, s, ms]) => [h, m, s].map((n) => String(n).padStart(2, '0')).join(':') + '.' + String(ms).padStart(3, '0'));
const timestamp = fc.oneof(clock, fc.string({ maxLength: 12 }));
const nl = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

const plainLine = fc.oneof(
  fc.tuple(label, fc.constantFrom(': ', ':', ' - ', '\t', ':  '), sentence).map(([l, sep, s]) => `${l}${sep}${s}`),
  fc.tuple(clock, label, sentence).map(([t, l, s]) => `[${t}] ${l}: ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('Q.', 'A.', 'Q', 'A'), sentence).map(([n, qa, s]) => `${n}   ${qa} ${s}`),
  sentence,
);
const lines = (line: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(fc.tuple(line, nl), { maxLength: 12 }).map((parts) => parts.map(([l, n]) => l + n).join(''));

const cue = fc.tuple(fc.oneof(fc.nat(999).map(String), fc.string({ maxLength: 3 })), timestamp, fc.constantFrom(' --> ', '-->', ' -> '), timestamp, plainLine, fc.option(sentence));
const srt = fc.array(cue, { maxLength: 8 }).map((cues) => cues.map(([n, a, arrow, b, t1, t2]) => `${n}\n${a.replace('.', ',')}${arrow}${b.replace('.', ',')}\n${t1}${t2 === null ? '' : `\n${t2}`}\n\n`).join(''));
const vtt = fc.tuple(fc.constantFrom('WEBVTT\n\n', 'WEBVTT - x\n\n', '', 'WEBVTT'), fc.array(cue, { maxLength: 8 })).map(
  ([head, cues]) => head + cues.map(([n, a, arrow, b, t1, t2]) => `${n}\n${a}${arrow}${b}\n<v ${t1.split(':')[0]}>${t1}${t2 === null ? '' : `\n${t2}`}\n\n`).join(''),
);
const chat = fc.tuple(fc.constantFrom('@UTF8\n@Begin\n', '@Begin\n', ''), fc.array(label, { maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom('*', '%', '@', '\t', ''), label, sentence), { maxLength: 10 }), fc.constantFrom('@End\n', '')).map(
  ([head, people, turns, end]) =>
    `${head}@Participants:\t${people.map((p) => `${p.slice(0, 3).toUpperCase()} ${p} Child`).join(', ')}\n` + turns.map(([mark, l, s]) => `${mark}${l.slice(0, 3).toUpperCase()}:\t${s}\n`).join('') + end,
);
const markdown = lines(fc.oneof(plainLine, fc.tuple(fc.constantFrom('# ', '## ', '> ', '- ', '**', '<!-- clues-ignore ', '```'), plainLine).map(([m, l]) => m + l)));
const segment = fc.record({ start: fc.oneof(fc.double(), fc.nat(), fc.constant(null) as fc.Arbitrary<unknown>), end: fc.oneof(fc.double(), fc.nat()), text: fc.oneof(sentence, fc.anything() as fc.Arbitrary<unknown>), speaker: fc.option(label) }, { requiredKeys: [] });
const whisper = fc.oneof(
  fc.record({ text: fc.option(sentence), segments: fc.array(segment, { maxLength: 8 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.array(segment, { maxLength: 6 }).map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

/** Well-formed files of each timed format, so most cases reach the analysis and detectors, not only the format checks. */
const code = fc.constantFrom('INV', 'CHI', 'MOT', 'Q', 'A', 'SPEAKER_00', 'SPEAKER_01');
const turns = fc.array(fc.tuple(code, sentence), { minLength: 1, maxLength: 10 });
const at = (n: number, sep: string): string => `00:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}${sep}000`;
const goodSrt = turns.map((ts) => ts.map(([c, s], i) => `${i + 1}\n${at(i * 2, ',')} --> ${at(i * 2 + 1, ',')}\n${c}: ${s}\n\n`).join(''));
const goodVtt = turns.map((ts) => 'WEBVTT\n\n' + ts.map(([c, s], i) => `${at(i * 2, '.')} --> ${at(i * 2 + 1, '.')}\n<v ${c}>${s}\n\n`).join(''));
const goodChat = turns.map(
  (ts) => '@UTF8\n@Begin\n@Participants:\tINV Tracey Investigator, CHI Amy Target_Child, MOT Mum Mother, Q Q Investigator, A A Target_Child\n' +
    ts.map(([c, s]) => `*${c.slice(0, 3)}:\t${s}\n`).join('') + '@End\n',
);
const goodWhisper = turns.map((ts) => JSON.stringify({ segments: ts.map(([c, s], i) => ({ start: i, end: i + 0.5, text: s, speaker: c })) }));

/** Raw noise any parser may be handed: random strings of every kind. */
const noise = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }));

/** Text shaped like each input format (a .docx's paragraphs are plain or Markdown text), or noise. */
export const textFor: Record<InputFormat, fc.Arbitrary<string>> = {
  txt: fc.oneof({ weight: 4, arbitrary: lines(plainLine) }, { weight: 1, arbitrary: noise }),
  md: fc.oneof({ weight: 4, arbitrary: markdown }, { weight: 1, arbitrary: noise }),
  docx: fc.oneof({ weight: 2, arbitrary: lines(plainLine) }, { weight: 2, arbitrary: markdown }, { weight: 1, arbitrary: noise }),
  srt: fc.oneof({ weight: 3, arbitrary: goodSrt }, { weight: 2, arbitrary: srt }, { weight: 1, arbitrary: noise }),
  vtt: fc.oneof({ weight: 3, arbitrary: goodVtt }, { weight: 2, arbitrary: vtt }, { weight: 1, arbitrary: noise }),
  cha: fc.oneof({ weight: 3, arbitrary: goodChat }, { weight: 2, arbitrary: chat }, { weight: 1, arbitrary: noise }),
  json: fc.oneof({ weight: 3, arbitrary: goodWhisper }, { weight: 2, arbitrary: whisper }, { weight: 1, arbitrary: noise }),
};

/** A source as the read stage hands it on: a Word document's paragraphs as the text format they look like. */
export function sourceFor(file: string, text: string, format: InputFormat): Source {
  return format === 'docx' ? { file, text, format: paragraphFormat(text), container: 'docx' } : { file, text, format };
}
