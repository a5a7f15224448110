/**
 * `clues merge`: the outputs of runs over shares of one archive (`--shard i/n -f jsonl`, or `-f sarif`), read back
 * and put together as the report one run over every file would have given. JSON Lines carries every file's whole
 * result, so it merges into any format; SARIF carries only clues, so it merges into SARIF.
 */
import { CLUE_KINDS, SEVERITIES, type FileResult } from '../types.js';
import { comparePaths } from '../read/read.js';
import { validator } from '../read/json-input.js';
import { JSONL_VERSION } from '../report/jsonl.js';
import { TOOL_NAME } from '../report/tool.js';
import type { SarifLog } from '../report/sarif.js';

/** Which share of the inputs a run checked (`--shard i/n`). */
interface ShardId {
  index: number;
  count: number;
}

/** One shard output, read and checked. */
export type ShardOutput = { path: string; shard?: ShardId } & (
  | { kind: 'jsonl'; redacted: boolean; results: FileResult[] }
  | { kind: 'sarif'; log: SarifLog }
);

/** What merging gives: the files' results in path order (or SARIF logs), and every problem found, one line each. */
export type Merged = { problems: string[] } & ({ kind: 'jsonl'; results: FileResult[] } | { kind: 'sarif'; logs: SarifLog[] });

/** A whole output that cannot be merged: `clues-2.jsonl: ends before its last line (…)`. */
export class NotMergeable extends Error {}

/** Reads one shard output: JSON Lines from `--format jsonl`, or a SARIF log from `--format sarif`. */
export function readShardOutput(path: string, text: string): ShardOutput {
  const fail = (problem: string): never => {
    throw new NotMergeable(`${path}: ${problem}`);
  };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') fail('the file is empty');
  if (trimmed.startsWith('{"type":"run"')) return readJsonl(path, trimmed, fail);
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    fail(`not the output of clues --format jsonl or --format sarif`);
  }
  return readSarif(path, data, fail);
}

function readJsonl(path: string, text: string, fail: (problem: string) => never): ShardOutput {
  const lines = text.split('\n');
  const records = lines.map((line, i) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return fail(`line ${i + 1} is not JSON${i === lines.length - 1 ? ': the output was cut off' : ''}`);
    }
  });
  const run = records[0]!;
  if (run['tool'] !== TOOL_NAME) fail(`line 1: not written by ${TOOL_NAME}`);
  if (run['version'] !== JSONL_VERSION) fail(`line 1: JSON Lines version ${String(run['version'])}, and this version of clues merges version ${JSONL_VERSION}`);
  const end = records.at(-1)!;
  const body = records.slice(1, -1);
  if (records.length < 2 || end['type'] !== 'end') fail('ends before its last line: the run that wrote it did not finish');
  if (end['files'] !== body.length) fail(`its last line counts ${String(end['files'])} files, but ${body.length} are there`);
  const validate = validator(LINE_SCHEMA);
  const results = body.map((record, i): FileResult => {
    if (!validate(record)) fail(`line ${i + 2}: ${validate.errors?.[0]?.instancePath || 'the line'} ${validate.errors?.[0]?.message ?? 'is not a file or error line'}`);
    if (record['type'] === 'error') return { file: record['file'] as string, ok: false, error: record['message'] as string };
    const { type: _type, ...result } = record;
    return { ...(result as Omit<Extract<FileResult, { ok: true }>, 'ok'>), ok: true };
  });
  const shard = readShard(run['shard'], fail);
  return { path, kind: 'jsonl', redacted: run['redacted'] === true, results, ...(shard ? { shard } : {}) };
}

function readSarif(path: string, data: unknown, fail: (problem: string) => never): ShardOutput {
  const log = data as Partial<SarifLog> | null;
  if (typeof log !== 'object' || log === null || log.version !== '2.1.0' || !Array.isArray(log.runs)) fail('not the output of clues --format jsonl or --format sarif');
  if (log.runs.length !== 1 || log.runs[0]?.tool?.driver?.name !== TOOL_NAME) fail(`a SARIF log, but not one run of ${TOOL_NAME}`);
  const shard = readShard(log.runs[0].properties?.shard, fail);
  return { path, kind: 'sarif', log: log as SarifLog, ...(shard ? { shard } : {}) };
}

function readShard(value: unknown, fail: (problem: string) => never): ShardId | undefined {
  if (value === undefined) return undefined;
  const shard = value as Partial<ShardId>;
  const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!whole(shard.index) || !whole(shard.count) || shard.index >= shard.count) fail('its shard is not i/n with 0 ≤ i < n');
  return { index: shard.index!, count: shard.count! };
}

/**
 * Puts shard outputs together: every share of a sharded run must be there once, a file checked twice is reported
 * (shares never overlap, so the outputs are from different runs), and the files come in path order, as one run over
 * the folder lists them. Problems do not stop the merge: the report holds what the outputs hold, and each problem is
 * a line for stderr (and exit code 2).
 */
export function mergeOutputs(outputs: ShardOutput[]): Merged {
  const problems: string[] = [];
  const kinds = new Set(outputs.map((o) => o.kind));
  if (kinds.size > 1) {
    throw new NotMergeable(`the outputs are JSON Lines and SARIF: give one kind (${outputs.map((o) => `${o.path}: ${o.kind}`).join(', ')})`);
  }
  const shards = checkShards(outputs);
  problems.push(...shards.problems);
  outputs = shards.kept;
  const redacted = outputs.filter((o) => o.kind === 'jsonl' && o.redacted);
  if (redacted.length > 0 && outputs.length > 1) {
    throw new NotMergeable(
      `${redacted[0]!.path}: written with --redact, whose pseudonyms are decided over one run, so Person A of one output is not Person A of another; run the shards without --redact and give --redact to clues merge`,
    );
  }
  if (outputs[0]?.kind === 'sarif') return { kind: 'sarif', logs: outputs.map((o) => (o as Extract<ShardOutput, { kind: 'sarif' }>).log), problems };

  const byFile = new Map<string, { result: FileResult; path: string }>();
  for (const output of outputs as Array<Extract<ShardOutput, { kind: 'jsonl' }>>) {
    for (const result of output.results) {
      const first = byFile.get(result.file);
      if (first) problems.push(`${result.file}: checked in both ${first.path} and ${output.path}; the first is kept`);
      else byFile.set(result.file, { result, path: output.path });
    }
  }
  const results = [...byFile.values()].map((v) => v.result).sort((a, b) => comparePaths(a.file, b.file));
  return { kind: 'jsonl', results, problems };
}

/** Each share of a sharded run missing or given twice (`shard 2 of 4 is missing`), and the outputs to merge: the first of a share given twice. */
function checkShards(outputs: ShardOutput[]): { problems: string[]; kept: ShardOutput[] } {
  const sharded = outputs.filter((o) => o.shard);
  if (sharded.length === 0) return { problems: [], kept: outputs };
  const problems: string[] = [];
  const plain = outputs.filter((o) => !o.shard);
  if (plain.length > 0) problems.push(`${plain[0]!.path}: not a shard's output, merged with shards' outputs; give the outputs of one sharded run`);
  const counts = new Set(sharded.map((o) => o.shard!.count));
  if (counts.size > 1) {
    problems.push(`the outputs are shares of runs split ${[...counts].join(' and ')} ways: give the outputs of one sharded run`);
    return { problems, kept: outputs };
  }
  const count = [...counts][0]!;
  const given = new Map<number, ShardOutput>();
  for (const o of sharded) {
    const earlier = given.get(o.shard!.index);
    if (earlier) problems.push(`shard ${o.shard!.index} of ${count} is given twice (${earlier.path} and ${o.path}); the first is kept`);
    else given.set(o.shard!.index, o);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !given.has(i));
  if (missing.length > 0) {
    problems.push(`${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing (the first is 0): the report lacks ${missing.length === 1 ? 'its' : 'their'} files`);
  }
  // Only the first output of a share given twice is merged, so its files are not all reported as checked twice.
  const kept = new Set(given.values());
  return { problems, kept: outputs.filter((o) => !o.shard || kept.has(o)) };
}

const POSITION = { type: 'integer', minimum: 1 } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const STRING = { type: 'string' } as const;
const strings = { type: 'array', items: STRING } as const;
const oneOf = (values: readonly string[]) => ({ type: 'string', enum: values });
const object = (required: string[], properties: Record<string, object>) => ({ type: 'object', required, properties });

/** A JSON Lines file or error line: what the reporters read of a result, checked before they read it. */
const LINE_SCHEMA = {
  oneOf: [
    object(['type', 'file', 'message'], { type: { const: 'error' }, file: STRING, message: STRING }),
    object(['type', 'file', 'speakers', 'people', 'clues'], {
      type: { const: 'file' },
      file: STRING,
      lineUnit: oneOf(['line', 'paragraph']),
      suppressed: COUNT,
      speakers: {
        type: 'array',
        items: object(['label', 'role', 'source', 'utterances', 'questions'], {
          label: STRING,
          role: oneOf(['interviewer', 'interviewee', 'other']),
          source: oneOf(['option', 'file', 'config', 'inferred']),
          utterances: COUNT,
          questions: COUNT,
        }),
      },
      people: {
        type: 'array',
        items: object(['id', 'name', 'aliases', 'personClass', 'roles', 'mentions'], {
          id: COUNT,
          name: STRING,
          aliases: strings,
          personClass: STRING,
          roles: strings,
          gender: oneOf(['male', 'female']),
          introducedBy: oneOf(['interviewer', 'interviewee', 'other']),
          mentions: {
            type: 'array',
            items: object(['utterance', 'line', 'column', 'text', 'speaker', 'pronoun'], {
              utterance: COUNT,
              line: POSITION,
              column: POSITION,
              text: STRING,
              speaker: STRING,
              pronoun: { type: 'boolean' },
            }),
          },
        }),
      },
      clues: {
        type: 'array',
        items: object(['rule', 'kind', 'severity', 'file', 'line', 'column', 'lines', 'who', 'speaker', 'messageId', 'data', 'message', 'evidence'], {
          rule: STRING,
          kind: oneOf(CLUE_KINDS),
          severity: oneOf(SEVERITIES),
          file: STRING,
          line: POSITION,
          column: POSITION,
          lines: { type: 'array', items: POSITION },
          who: STRING,
          speaker: STRING,
          messageId: STRING,
          data: { type: 'object', additionalProperties: STRING },
          message: STRING,
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          evidence: {
            type: 'array',
            items: object(['line', 'column', 'text'], { line: POSITION, column: POSITION, text: STRING, endLine: POSITION, endColumn: POSITION, time: STRING }),
          },
        }),
      },
    }),
  ],
};
