import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.js';
import { ExitTally, FAIL_ON_LEVELS, type ExitSettings, type FailOn } from '../finish/exit-code.js';
import { checkOutputPath, writeAtomically } from './output.js';
import type { InputFormat } from '../read/read.js';
import { INPUT_FORMAT_NAMES } from '../read/input-format-names.js';
import { DEFAULT_MAX_SIZE, formatSize, parseSize } from '../read/size.js';
import { FORMATS, needsUtterances, type FormatName } from '../report/formats.js';
import { prepareOutputDir, reportPaths } from './output-dir.js';
import { CONFIG_FILE } from './config-file.js';
import { CORPUS_DIR } from '../eval/corpus-dir.js';
import { defaultJobs } from './pool.js';
import { inShard, parseShard, type Shard } from './shard.js';
import { Progress } from './progress.js';
import type { RunOptions } from './run.js';
import type { FileResult } from '../types.js';
import type { Reporter, ReportOptions } from '../report/index.js';
import { hideQuotedWords, visible, visibleInField } from '../visible.js';

// Everything that loads the language model (compromise), the reporters, the rules or mammoth is imported inside the
// command that needs it, so `--version`, `--help` and usage errors start as fast as node itself.

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string };
/** The bundled seed interview, checked when no path is given. */
const SEED = relative(process.cwd(), `${packageRoot}seeds/interview.txt`) || 'seeds/interview.txt';

interface ReportFlags {
  format: FormatName;
  failOn: FailOn;
  interviewer?: string;
  facts?: string;
  color?: boolean;
  inputFormat?: InputFormat;
  stdinFilename?: string;
  redact?: boolean;
  output?: string;
  outputDir?: string;
  maxWarnings?: number;
  maxSize?: string;
  jobs?: number;
  shard?: Shard;
  quiet?: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** A path from --config, false from --no-config. */
  config?: string | false;
}

/** Every line to stderr: file names, config keys, baseline entries and quoted words are shown, never obeyed. */
function warn(line: string): void {
  process.stderr.write(`clues: ${visible(line)}\n`);
}

/** Decides whether the terminal report is coloured: --color/--no-color, then NO_COLOR/FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

function program(): Command {
  const cli = new Command('clues')
    .description('Find the clues in an interview transcript: unexplained adults, relationships and contradictions, with line references.')
    .version(version, '-V, --version')
    .argument('[paths...]', 'transcript files, directories, glob patterns, or - for stdin', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('terminal'))
    .addOption(
      new Option('--input-format <fmt>', 'read every input as this transcript format (default: by extension, then content)').choices(
        INPUT_FORMAT_NAMES,
      ),
    )
    .option('--stdin-filename <name>', 'name standard input in reports; its extension picks the format')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a clue is at or above this level').choices(FAIL_ON_LEVELS).default('error'))
    .option('--interviewer <labels>', 'speaker label(s) of the interviewer, comma-separated (default: inferred)')
    .option('--config <file>', `project config (default: ${CONFIG_FILE} in this folder or the nearest above)`)
    .option('--no-config', 'use no project config')
    .option('--facts <file>', 'case facts (JSON): household, people known to the case, statements on record')
    .option('--redact', 'replace every person\'s name with a stable pseudonym (Person A, Speaker B) in every format')
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--output-dir <dir>', 'write one report per transcript into this folder (with -f html), named after each transcript')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(wholeNumber))
    .option('--max-size <size>', `the largest input read, and the most a .docx may unpack to: bytes, or 512KB, 10MB (default: ${formatSize(DEFAULT_MAX_SIZE)})`)
    .addOption(new Option('-j, --jobs <n>', 'how many files are checked at once, each on a worker thread (default: one per core)').argParser(positiveNumber))
    .addOption(new Option('--shard <i/n>', 'check only share i of n of the files (by a hash of each path; i counts from 0, like JOB_COMPLETION_INDEX)').argParser(parseShard))
    .option('-q, --quiet', 'report errors only')
    .option('--write-baseline <file>', 'record today\'s clues by fingerprint (no names, no line numbers, no quoted words)')
    .option('--baseline <file>', 'report, and fail on, only clues not in this baseline; list the ones gone')
    .option('--color', 'force colour in the terminal report')
    .option('--no-color', 'no colour in the terminal report')
    .showHelpAfterError('(run clues --help for usage)')
    .addHelpText('after', `\nWith no path, checks the bundled seed interview (${SEED}).\nReads .txt, .md, .vtt (WebVTT), .srt, .json (Whisper segments), .cha (CHAT) and .docx (Word).\nExit codes: 0 no clue at or above --fail-on, 1 clues found at that level, 2 usage or input error.`)
    .action(async (paths: string[], flags: ReportFlags) => {
      const [{ goneLine, parseBaseline }, { findConfig, readConfig }, { readFacts }, { readText }, { checkEach, finishesPerFile, run }, { reporters }] = await Promise.all([
        import('../finish/baseline.js'),
        import('./config.js'),
        import('../read/facts.js'),
        import('../read/json-input.js'),
        import('./run.js'),
        import('../report/index.js'),
      ]);
      hideQuotedWords(Boolean(flags.redact));
      // Usage problems are found before any transcript is read.
      const maxSize = flags.maxSize === undefined ? undefined : parseSize(flags.maxSize);
      if (flags.maxSize !== undefined && maxSize === undefined) {
        throw new InputError(`--max-size must be a number of bytes, or one with KB, MB or GB (got ${JSON.stringify(flags.maxSize)})`);
      }
      if (flags.output !== undefined) await checkOutputPath(flags.output);
      if (flags.outputDir !== undefined) {
        if (flags.output !== undefined) throw new InputError('--output and --output-dir cannot be used together: give one');
        if (flags.format !== 'html') throw new InputError('--output-dir writes one HTML report per transcript: use it with -f html');
        await prepareOutputDir(flags.outputDir);
      }
      if (flags.writeBaseline !== undefined) await checkOutputPath(flags.writeBaseline, 'baseline');
      const skipped: Skipped[] = [];
      const configPath = flags.config === false ? undefined : (flags.config ?? (await findConfig(process.cwd())));
      // What the finishing stage hands back on the way: today's baseline, and the baseline entries gone.
      let baselineText: string | undefined;
      const goneLines: string[] = [];
      const options: RunOptions = {
        ...(configPath === undefined ? {} : { config: await readConfig(configPath) }),
        ...(flags.interviewer === undefined ? {} : { interviewer: flags.interviewer }),
        ...(flags.facts === undefined ? {} : { facts: await readFacts(flags.facts) }),
        ...(flags.inputFormat === undefined ? {} : { inputFormat: flags.inputFormat }),
        ...(flags.stdinFilename === undefined ? {} : { stdinFilename: flags.stdinFilename }),
        ...(maxSize === undefined ? {} : { maxSize }),
        ...(flags.writeBaseline === undefined ? {} : { onBaseline: (text: string) => (baselineText = text) }),
        ...(flags.baseline === undefined ? {} : { baseline: parseBaseline(flags.baseline, await readText(flags.baseline, 'baseline')) }),
        onGone: (gone) => goneLines.push(goneLine(gone, Boolean(flags.redact))),
        quiet: Boolean(flags.quiet),
        redact: Boolean(flags.redact),
        jobs: flags.jobs ?? defaultJobs(),
        ...(needsUtterances(flags.format) ? { utterances: true } : {}),
        ...(flags.shard === undefined ? {} : { include: (file: string) => inShard(file, flags.shard!) }),
        onSkip: (file, reason) => skipped.push({ file, reason }),
      };
      const progress = new Progress(process.stderr, { quiet: Boolean(flags.quiet), env: process.env });
      const inputs = paths.length > 0 ? paths : [SEED];
      const watched: RunOptions = { ...options, onStart: (n) => progress.start(n), onFile: (r) => progress.file(r) };
      const toFile = flags.output !== undefined;
      const reportOptions = reportOptionsOf(flags);
      const tally = new ExitTally();
      if (flags.format === 'jsonl' && finishesPerFile(options)) {
        // Each file's line is written as soon as it is checked, and nothing of it is kept: an archive's run holds one file at a time.
        const { jsonlEnd, jsonlFile, jsonlStart } = await import('../report/jsonl.js');
        // With -o the lines wait in memory (text only, no results) to be written atomically at the end.
        const buffered: string[] = [];
        const write = (text: string) => (toFile ? buffered.push(text) : process.stdout.write(text));
        write(jsonlStart(reportOptions));
        for await (const r of checkEach(inputs, watched)) {
          tally.add(r);
          if (!r.ok) {
            progress.end(); // clears the bar, which the next file draws again
            warn(r.error);
          }
          write(jsonlFile(r));
        }
        write(jsonlEnd(tally.files));
        progress.end();
        if (toFile) await writeAtomically(flags.output!, buffered.join(''));
      } else {
        const results = await run(inputs, watched);
        progress.end();
        for (const r of results) {
          tally.add(r);
          if (!r.ok) warn(r.error);
        }
        if (baselineText !== undefined) await writeAtomically(flags.writeBaseline!, baselineText, { what: 'baseline' });
        await writeReport(reporters[flags.format], results, reportOptions, flags);
      }
      for (const line of goneLines) warn(line);
      process.exitCode = tally.code(exitSettings(flags));
      if (tally.files + skipped.length > 1) warn(accounting(tally, skipped));
    });

  cli
    .command('merge')
    .description('combine the outputs of sharded runs (--shard i/n -f jsonl, or -f sarif) into the report of one run, in any format')
    .argument('<outputs...>', 'JSON Lines or SARIF files written by clues')
    .addHelpText(
      'after',
      '\nThe main command\'s --format, --output, --redact, --fail-on, --max-warnings and --color apply (give them before or after `merge`).\nFiles are listed in path order, as one run over a folder lists them. JSON Lines merges into any format; SARIF only into SARIF.\nExit codes: 0 no clue at or above --fail-on, 1 clues found at that level, 2 a shard missing, an output unreadable, or a file a shard could not read.',
    )
    .action(async (outputs: string[]) => {
      const flags = cli.opts<ReportFlags>();
      const notHere = (['interviewer', 'facts', 'inputFormat', 'stdinFilename', 'outputDir', 'maxSize', 'jobs', 'shard', 'baseline', 'writeBaseline'] as const).filter((k) => flags[k] !== undefined);
      if (notHere.length > 0) throw new InputError(`clues merge reports what the shards found: --${kebab(notHere[0]!)} belongs to the runs that wrote them`);
      const [{ mergeOutputs, NotMergeable, readShardOutput }, { readText }, { finish }, { reporters }, { mergeSarif, severityOfLevel }] = await Promise.all([
        import('./merge.js'),
        import('../read/json-input.js'),
        import('../finish/index.js'),
        import('../report/index.js'),
        import('../report/sarif.js'),
      ]);
      if (flags.output !== undefined) await checkOutputPath(flags.output);
      hideQuotedWords(Boolean(flags.redact));
      const read = [];
      let unreadable = 0;
      for (const path of outputs) {
        try {
          read.push(readShardOutput(path, await readText(path, 'shard output')));
        } catch (error) {
          if (!(error instanceof NotMergeable || error instanceof InputError)) throw error;
          warn(error.message);
          unreadable++;
        }
      }
      let merged;
      try {
        merged = mergeOutputs(read);
      } catch (error) {
        if (!(error instanceof NotMergeable)) throw error;
        throw new InputError(error.message);
      }
      for (const problem of merged.problems) warn(problem);
      const toFile = flags.output !== undefined;
      const tally = new ExitTally();
      if (merged.kind === 'sarif') {
        if (flags.format !== 'sarif') throw new InputError(`SARIF outputs merge only into SARIF (-f sarif): SARIF does not carry the speakers and people the ${flags.format} report shows; run the shards with -f jsonl`);
        if (flags.redact) throw new InputError('SARIF outputs are merged as they are and cannot be redacted here: run the shards with -f jsonl and give --redact to clues merge');
        const report = mergeSarif(merged.logs);
        if (toFile) await writeAtomically(flags.output!, report);
        else process.stdout.write(report);
        for (const log of merged.logs) {
          if (!log.runs[0].invocations[0].executionSuccessful) tally.failed++;
          for (const result of log.runs[0].results) tally.count(severityOfLevel(result['level']));
        }
      } else {
        const results = finish(merged.results, { redact: Boolean(flags.redact) });
        for (const r of results) tally.add(r);
        await writeReport(reporters[flags.format], results, reportOptionsOf(flags), flags);
        for (const r of results) if (!r.ok) warn(r.error);
        if (tally.files > 1) warn(accounting(tally));
      }
      process.exitCode = merged.problems.length + unreadable > 0 ? 2 : tally.code(exitSettings(flags));
    });

  cli
    .command('init')
    .description(`write a starter ${CONFIG_FILE}, every key explained, in this folder`)
    .option('--force', 'replace a config that is already there')
    .action(async (flags: { force?: boolean }) => {
      const [{ writeStarterConfig }, { rules }] = await Promise.all([import('./init.js'), import('../finish/rules.js')]);
      const path = await writeStarterConfig(process.cwd(), rules, Boolean(flags.force));
      process.stdout.write(`wrote ${relative(process.cwd(), path)}: every rule is on; edit it, and \`clues\` reads it from this folder and the ones below\n`);
    });
  cli
    .command('eval')
    .description('score the detectors against NAME.expected.json annotations, each beside its transcript')
    .argument('[dirs...]', `folders of annotated transcripts, walked (default: ${CORPUS_DIR} when it is there, then fixtures)`)
    .option('-v, --verbose', 'list every miss and false positive, of clues and of the roster')
    .addHelpText('after', '\n-f json (the main command\'s --format) prints the scores as JSON: { dirs: [{ dir, cases, kinds, overall, roster }] }.\n')
    .action(async (dirs: string[], flags: { verbose?: boolean }) => {
      const [{ defaultDirs, evaluate }, { evalFormat, formatEval }, { naivePath, run }] = await Promise.all([
        import('../eval/run.js'),
        import('../eval/format.js'),
        import('./run.js'),
      ]);
      // --format is the main command's option (commander reads it on either side of `eval`): terminal or json.
      const format = evalFormat(cli.opts<ReportFlags>().format);
      const { dirs: chosen, missing } = dirs.length > 0 ? { dirs, missing: undefined } : defaultDirs(process.cwd());
      const results = [];
      for (const dir of chosen) results.push(await evaluate(dir, async (file) => (await run([file]))[0]!, naivePath));
      const verbose = Boolean(flags.verbose);
      process.stdout.write(formatEval(results, { format, verbose, ...(missing === undefined ? {} : { missing }) }));
    });
  cli
    .command('explain')
    .description('describe a rule, with examples that fire and examples that do not (no rule: list the rules)')
    .argument('[rule]', 'rule id, e.g. contradiction')
    .action(async (rule: string | undefined) => {
      const { explain } = await import('./explain.js');
      process.stdout.write(explain(rule));
    });
  return cli;
}

/** A file a folder walk read and left out, and why. */
interface Skipped {
  file: string;
  reason: string;
}

/**
 * The run's last stderr line when it had more than one input, so none goes missing unnoticed:
 * `4 inputs: 2 reported, 1 skipped (a/package.json: JSON that is not a transcript), 1 failed (each named above)`.
 */
export function accounting({ files, failed }: { files: number; failed: number }, skipped: Skipped[] = []): string {
  const reported = files - failed;
  const parts = [`${reported} reported`];
  if (skipped.length > 0) parts.push(`${skipped.length} skipped (${skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})`);
  if (failed > 0) parts.push(`${failed} failed (each named above)`);
  return `${files + skipped.length} inputs: ${parts.join(', ')}`;
}

/** Writes a report to -o, to one file per transcript in --output-dir, or to stdout. */
async function writeReport(reporter: Reporter, results: FileResult[], options: ReportOptions, flags: ReportFlags): Promise<void> {
  if (flags.outputDir !== undefined) {
    const readable = results.filter((r) => r.ok);
    const paths = reportPaths(flags.outputDir, readable.map((r) => r.file), 'html');
    for (const [i, r] of readable.entries()) await writeAtomically(paths[i]!, reporter([r], options));
  } else if (flags.output !== undefined) {
    await writeAtomically(flags.output, reporter(results, options));
  } else {
    process.stdout.write(reporter(results, options));
  }
}

/** How the report is shown: colour only on a terminal and never into a file, and the shard a machine format records. */
function reportOptionsOf(flags: ReportFlags): ReportOptions {
  const color = flags.output === undefined && useColor(flags.color, process.env, Boolean(process.stdout.isTTY));
  return { color, redact: Boolean(flags.redact), failOn: flags.failOn, ...(flags.shard ? { shard: flags.shard } : {}) };
}

/** What decides the exit code besides the results: `--fail-on` and `--max-warnings`. */
function exitSettings(flags: ReportFlags): ExitSettings {
  return { failOn: flags.failOn, ...(flags.maxWarnings === undefined ? {} : { maxWarnings: flags.maxWarnings }) };
}

/** `--flag-name` for a flags key. */
function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A count given on the command line, checked by commander before any work is done. */
function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return Number(value);
}

function positiveNumber(value: string): number {
  const n = wholeNumber(value);
  if (n === 0) throw new InvalidArgumentError('must be a whole number, 1 or more.');
  return n;
}

/**
 * A reader that stops early (`clues … | head -1`) closes the pipe: the rest of the output has nowhere to go, which is
 * not an error of the run, so it ends quietly with the exit code it would have had.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/** Runs the command line; sets process.exitCode and never throws. */
export async function main(argv: string[]): Promise<void> {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  const cli = program();
  cli.exitOverride();
  cli.commands.forEach((c) => c.exitOverride());
  // Commander quotes the arguments it rejects, and a file name from a pull request can hold anything.
  for (const c of [cli, ...cli.commands]) c.configureOutput({ writeErr: (text) => process.stderr.write(visibleInField(text)) });
  try {
    await cli.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander complaint is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof InputError) {
      warn(error.message);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      warn(`internal error: ${message} (set CLUES_DEBUG=1 for details)`);
      if (process.env.CLUES_DEBUG) process.stderr.write(`${visibleInField((error as Error).stack ?? '')}\n`);
      process.exitCode = 2;
    }
  }
}
