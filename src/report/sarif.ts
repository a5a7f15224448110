import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { comparePaths } from '../read/read.js';
import { FINGERPRINT, fingerprint } from '../finish/baseline.js';
import type { DetectorMeta } from '../detect/index.js';
import { rules as declaredRules } from '../finish/rules.js';
import type { Clue, Evidence, FileResult, Severity } from '../types.js';
import type { ReportOptions } from './options.js';
import { stringify } from './json.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';
import { byPosition, evidenceEnd, primaryEvidence, relativePath } from './text.js';

type OkResult = Extract<FileResult, { ok: true }>;
type FailedResult = Extract<FileResult, { ok: false }>;
type Level = 'error' | 'warning' | 'note';
type Rule = { id: string; name: string } & Record<string, unknown>;


const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/transcript-clues';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** The severity a result's SARIF level stands for (`clues merge` counts merged SARIF results by it). */
export function severityOfLevel(level: unknown): Severity {
  return (Object.keys(LEVEL) as Severity[]).find((severity) => LEVEL[severity] === level) ?? 'info';
}

/**
 * SARIF 2.1.0 log with one run: a rule per detector and one for clues-ignore, a result per clue, and unreadable
 * files as notifications. Under `--redact` the rules' help leaves out the example transcripts, whose names would be
 * the only real-looking names left in the log.
 */
export function sarif(results: FileResult[], options: Partial<ReportOptions> = {}): string {
  const rules: Rule[] = declaredRules.map((meta) => ruleJson(meta, Boolean(options.redact)));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarifResults = results
    .filter((r): r is OkResult => r.ok)
    .flatMap((r) => {
      const seen = new Map<string, number>();
      return [...r.clues].sort(byPosition).map((clue) => {
        let index = ruleIndex.get(clue.rule);
        if (index === undefined) {
          // A clue from a rule no detector declares still needs a rule for its ruleIndex to point at.
          index = rules.push({ id: clue.rule, name: ruleName(clue.rule) }) - 1;
          ruleIndex.set(clue.rule, index);
        }
        const hash = fingerprint(clue);
        const occurrence = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, occurrence);
        return resultJson(clue, index, `${hash}:${occurrence}`, r.lineUnit);
      });
    });
  const failed = results.filter((r): r is FailedResult => !r.ok);
  const notifications = failed.map((r) => ({
    level: 'error',
    message: { text: messageText(r.error) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file) } }],
  }));
  return `${stringify(logOf(rules, sarifResults, notifications, options.shard), 2)}\n`;
}

/** A SARIF log as `sarif` writes it: one run of this tool. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
  invocations: [{ executionSuccessful: boolean; toolExecutionNotifications?: SarifLocated[] }];
  columnKind: 'utf16CodeUnits';
  results: Array<SarifLocated & { ruleId: string; ruleIndex: number }>;
  properties?: { shard?: { index: number; count: number } };
}

/** A result or a notification: what merging reads of it is the file it is about. */
type SarifLocated = { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> } & Record<string, unknown>;

function logOf(rules: Rule[], results: SarifRun['results'], notifications: SarifLocated[], shard?: { index: number; count: number }): SarifLog {
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: INFORMATION_URI, rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }) }],
        columnKind: 'utf16CodeUnits',
        results,
        ...(shard ? { properties: { shard } } : {}),
      },
    ],
  };
}

/**
 * One log from the logs of runs over shares of the inputs (`clues merge`): the rules of the first, each result's
 * rule index pointing into them, and results and notifications in the files' path order, as one run lists them.
 */
export function mergeSarif(logs: SarifLog[]): string {
  const rules: Rule[] = [...(logs[0]?.runs[0].tool.driver.rules ?? [])];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = logs.flatMap(({ runs: [run] }) =>
    run.results.map((result) => {
      let index = ruleIndex.get(result.ruleId);
      if (index === undefined) {
        index = rules.push(run.tool.driver.rules[result.ruleIndex] ?? { id: result.ruleId, name: ruleName(result.ruleId) }) - 1;
        ruleIndex.set(result.ruleId, index);
      }
      return { ...result, ruleIndex: index };
    }),
  );
  const notifications = logs.flatMap(({ runs: [run] }) => run.invocations[0]?.toolExecutionNotifications ?? []);
  return `${stringify(logOf(rules, inPathOrder(results), inPathOrder(notifications)), 2)}\n`;
}

/** Stable: each file's results keep their order. */
function inPathOrder<T extends SarifLocated>(located: T[]): T[] {
  const pathOf = (item: T): string => {
    const { uri } = item.locations[0]?.physicalLocation.artifactLocation ?? { uri: '' };
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri.split('/').map(decodeURIComponent).join(sep);
  };
  return [...located].sort((a, b) => comparePaths(pathOf(a), pathOf(b)));
}

function ruleJson(meta: DetectorMeta, redact: boolean): Rule {
  const example = redact ? undefined : meta.examples.fires[0];
  const help = example === undefined ? meta.description : `${meta.description}\n\nAn example that fires:\n\n${example}`;
  const helpMarkdown =
    example === undefined ? meta.description : `${meta.description}\n\nAn example that fires:\n\n\`\`\`text\n${example}\n\`\`\``;
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: firstSentence(meta.description) },
    fullDescription: { text: meta.description },
    help: { text: help, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
  };
}

/** `unexplained-adult` → `UnexplainedAdult`, the identifier form SARIF suggests for a rule's name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function firstSentence(text: string): string {
  return /^[\s\S]*?[.!?]["”')]*(?=\s|$)/.exec(text)?.[0] ?? text;
}

function resultJson(clue: Clue, ruleIndex: number, fingerprintValue: string, lineUnit: OkResult['lineUnit']) {
  const primary = primaryEvidence(clue);
  const related = clue.evidence.filter((e) => e !== primary);
  const properties = {
    ...(clue.confidence === undefined ? {} : { confidence: clue.confidence }),
    ...(lineUnit === 'paragraph' ? { lineUnit } : {}),
  };
  return {
    ruleId: clue.rule,
    ruleIndex,
    level: LEVEL[clue.severity],
    message: { text: messageText(clueMessage(clue)) },
    locations: [{ physicalLocation: physicalLocation(clue.file, clue, primary) }],
    ...(related.length === 0
      ? {}
      : {
          relatedLocations: related.map((e, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(clue.file, e, e),
            message: { text: messageText(describeEvidence(e)) },
          })),
        }),
    partialFingerprints: { [FINGERPRINT]: fingerprintValue },
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  };
}

/** A location at `at`, reaching to the end of the quoted words; SARIF's `endColumn`, like ours, is one past the last character (§3.30.8). */
function physicalLocation(file: string, at: { line: number; column: number }, quoted: Evidence | undefined) {
  const end = evidenceEnd(at, quoted);
  const region = {
    startLine: at.line,
    startColumn: at.column,
    ...(end === undefined ? {} : { endLine: end.line, endColumn: end.column }),
    ...(quoted === undefined ? {} : { snippet: { text: quoted.text } }),
  };
  return { artifactLocation: artifactLocation(file), region };
}

/** A relative URI against %SRCROOT% (the current directory), or a file: URI when no relative path exists (another drive). */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const path = relative(process.cwd(), resolve(file));
  if (isAbsolute(path)) return { uri: pathToFileURL(resolve(file)).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function clueMessage(clue: Clue): string {
  if (clue.who === '' || clue.message.startsWith(`${clue.who}:`)) return clue.message;
  return `${clue.who}: ${clue.message}`;
}

function describeEvidence(evidence: Evidence): string {
  return `${evidence.time === undefined ? '' : `[${evidence.time}] `}"${evidence.text}"`;
}

/**
 * SARIF reads `[text](n)` in a plain-text message as a link to a location (§3.11.6); where transcript words
 * could be read that way, every bracket and backslash is escaped so they stay words.
 */
function messageText(text: string): string {
  return /\]\s*\(/.test(text) ? text.replace(/[\\[\]]/g, '\\$&') : text;
}
