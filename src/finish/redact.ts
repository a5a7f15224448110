/**
 * `--redact`: replaces personal names in finished results with stable pseudonyms before any reporter sees them.
 *
 * People the transcripts name become `Person A`, `Person B`, … and speaker labels that are personal names
 * (`TRACEY`, `Mr. Hall`) become `Speaker A`, … in order of first appearance across the run; the same name gets the
 * same pseudonym everywhere in the run, and a person's aliases, the words of their name (`Hollis` for
 * `Rebecca Jane Hollis`, `Mick` for `Big Mick`) and common nicknames (`Steve` for `Steven`) map to it too.
 * Names are replaced as whole words, case-insensitively, longest first, in every text field a reporter prints;
 * possessives keep their `'s`. A clue's message is not searched: its data (the names and quoted words that fill
 * its rule's template) is, and the message is rendered again from the template. Role-like speaker labels (`SW`, `Interviewer`, `Q`, `MUM`, `Social Worker`, `P07`)
 * and file paths are kept. The mapping is never returned.
 */

import { directiveWords, withoutReason } from '../formats/directives.js';
import { renderMessage } from '../detect/detector.js';
import { rules } from './rules.js';
import { NICKNAME_PREFIXES, NICKNAMES, NOT_PEOPLE, ROLE_NOUNS } from '../analyse/lexicon.js';
import type { Clue, FileResult, Mention, Person, Speaker, Utterance } from '../types.js';

type OkResult = Extract<FileResult, { ok: true }>;

/** Titles that stand before a name and are not part of it. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev', 'fr', 'sr', 'jr', 'st', 'sgt', 'insp', 'det', 'dc', 'ds', 'di', 'pc',
  'madam', 'sir', 'dame', 'lady', 'lord', 'judge',
]);

/** Capitalised words that the roster sometimes takes for a person but that are not names; never redacted on their own. */
const NOT_NAMES = new Set(['nothing', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'early', 'help']);

/** Words of speaker labels that name a role, not a person. */
const ROLE_LABEL_WORDS = new Set([
  'the', 'of', 'and', 'interviewer', 'interviewee', 'social', 'worker', 'student', 'assessor', 'researcher', 'officer',
  'police', 'court', 'witness', 'judge', 'counsel', 'clerk', 'child', 'parent', 'carer', 'foster', 'teacher', 'health',
  'visitor', 'speaker', 'unknown', 'question', 'answer', 'guardian', 'solicitor', 'barrister', 'detective', 'inaudible',
  'respondent', 'applicant', 'participant', 'facilitator', 'practitioner', 'manager', 'advocate', 'interpreter',
  'nurse', 'doctor', 'gp', 'family', 'support', 'key', 'senior', 'lead', 'second', 'first',
]);

/** Words of a `clues-ignore` directive that never name a person: rule ids and kinds, `*`, articles and possessives. */
const DIRECTIVE_WORDS = new Set([...rules.flatMap((r) => [r.id, r.kind]), '*', 'the', 'a', 'an', 'my', 'her', 'his', 'their', 'our', 'your']);

// A run of letters, digits or marks: what a name must not be glued to to count as a whole word.
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

/** A way a name can be written, and the pseudonym it stands for. */
interface Variant {
  pseudonym: string;
  /** Derived nicknames (`Steve` for `Steven`) are matched only when capitalised: `will`, `rob` and `sue` are words. */
  capitalisedOnly: boolean;
}

/** What a spelling is: the whole name as written, a word of it, or a nickname derived from it. */
interface Spelling {
  text: string;
  capitalisedOnly: boolean;
}

/** Pseudonyms of one kind (`Person` or `Speaker`), by lower-case spelling. */
class Namespace {
  readonly variants = new Map<string, Variant>();
  private count = 0;

  constructor(private readonly prefix: string) {}

  /** The pseudonym for an entity written in these ways: an existing one if its main spellings are known, else the next. */
  register(main: string[], spellings: Spelling[]): string {
    const known = main.map((m) => this.variants.get(key(m))).find((v) => v !== undefined);
    const pseudonym = known?.pseudonym ?? `${this.prefix} ${letters(this.count++)}`;
    for (const s of spellings) {
      const k = key(s.text);
      const existing = this.variants.get(k);
      // The first owner keeps a shared spelling; a spelling seen as written beats one only derived as a nickname.
      if (existing === undefined || (existing.capitalisedOnly && !s.capitalisedOnly)) {
        this.variants.set(k, { pseudonym, capitalisedOnly: s.capitalisedOnly });
      }
    }
    return pseudonym;
  }
}

/** Returns copies of the results with every personal name replaced by a stable pseudonym; the input is not changed. */
export function redact(results: FileResult[]): FileResult[] {
  const people = new Namespace('Person');
  const speakers = new Namespace('Speaker');
  // The spellings each file itself registered as a speaker, so its own speakers win over names from other files.
  const ownSpeakers = new Map<OkResult, Map<string, Variant>>();
  const labels = new Map<OkResult, Map<string, string>>();

  for (const result of results) {
    if (!result.ok) continue;
    const own = new Map<string, Variant>();
    const labelMap = new Map<string, string>();
    for (const speaker of result.speakers) {
      if (isRoleLabel(speaker.label)) continue;
      const spellings = spellingsOf([speaker.label]);
      const pseudonym = speakers.register([speaker.label, core(speaker.label)], spellings);
      labelMap.set(speaker.label, pseudonym);
      for (const s of spellings) own.set(key(s.text), { pseudonym, capitalisedOnly: s.capitalisedOnly });
    }
    for (const person of result.people) {
      const names = [person.name, ...person.aliases].filter(isName);
      if (names.length === 0) continue;
      people.register(
        names.flatMap((n) => [n, core(n)]),
        spellingsOf(names),
      );
    }
    // A `clues-ignore` directive is written by hand: its person may be one the roster does not know, in lower case, or
    // (with the rule left out) in the rule's place. Every word there that is not a rule or a role word is hidden.
    for (const c of result.clues) {
      if (c.rule !== 'clues-ignore') continue;
      const words = c.evidence.flatMap((e) => directiveWords(e.text)).filter((w) => !DIRECTIVE_WORDS.has(bare(w)) && !ROLE_NOUNS.has(bare(w)));
      if (words.length > 0) people.register([words.join(' ')], [words.join(' '), ...words].map((text) => ({ text, capitalisedOnly: false })));
    }
    ownSpeakers.set(result, own);
    labels.set(result, labelMap);
  }

  return results.map((result) => {
    if (!result.ok) return result;
    const table = new Map<string, Variant>([...speakers.variants, ...people.variants, ...(ownSpeakers.get(result) ?? [])]);
    const replace = replacer(table);
    const labelMap = labels.get(result) ?? new Map<string, string>();
    const label = (text: string): string => labelMap.get(text) ?? replace(text);
    const redacted: OkResult = {
      ...result,
      speakers: result.speakers.map((s): Speaker => ({ ...s, label: label(s.label) })),
      people: result.people.map((p) => redactPerson(p, replace, label)),
      clues: result.clues.map(
        (c): Clue => ({
          ...c,
          lines: [...c.lines],
          who: label(c.who),
          speaker: label(c.speaker),
          ...redactMessage(c, replace),
          evidence: c.evidence.map((e) => ({ ...e, text: replace(c.rule === 'clues-ignore' ? withoutReason(e.text) : e.text) })),
        }),
      ),
      ...(result.utterances ? { utterances: result.utterances.map((u) => redactUtterance(u, replace, label)) } : {}),
    };
    return redacted;
  });
}

/** A clue's message data with names replaced, and its message rendered again from its rule's template. */
function redactMessage(clue: Clue, replace: (text: string) => string): Pick<Clue, 'data' | 'message'> {
  const meta = rules.find((r) => r.id === clue.rule);
  if (meta === undefined) throw new Error(`no rule ${clue.rule} declares the message of a clue to redact`);
  const data = Object.fromEntries(Object.entries(clue.data).map(([hole, text]) => [hole, replace(text)]));
  return { data, message: renderMessage(meta, clue.messageId, data) };
}

/** The finishing step for `--redact`. */
export const redaction = (results: FileResult[], settings: { redact?: boolean }): FileResult[] => (settings.redact ? redact(results) : results);

function redactPerson(person: Person, replace: (text: string) => string, label: (text: string) => string): Person {
  const name = replace(person.name);
  const aliases = [...new Set(person.aliases.map(replace))].filter((a) => a !== name);
  return {
    ...person,
    name,
    aliases,
    roles: person.roles.map(replace),
    mentions: person.mentions.map((m): Mention => ({ ...m, text: replace(m.text), speaker: label(m.speaker) })),
  };
}

/**
 * A turn with names replaced in its words and labels. Each source line's words are replaced on their own, so the
 * segments' offsets still point at the start of each line's (now redacted) words.
 */
function redactUtterance(utterance: Utterance, replace: (text: string) => string, label: (text: string) => string): Utterance {
  const { text, segments } = utterance;
  const pieces = segments.length === 0 ? [text] : segments.map((s, i) => text.slice(i === 0 ? 0 : s.offset, segments[i + 1]?.offset ?? text.length));
  pieces.forEach((piece, i) => (pieces[i] = replace(piece)));
  let offset = 0;
  const redactedSegments = segments.map((s, i) => {
    const moved = { ...s, offset };
    offset += pieces[i]!.length;
    return moved;
  });
  return {
    ...utterance,
    speaker: label(utterance.speaker),
    text: pieces.join(''),
    segments: redactedSegments,
    ...(utterance.questioner === undefined ? {} : { questioner: label(utterance.questioner) }),
  };
}

/** A function replacing every spelling in `table` as a whole word, longest first, in one pass. */
function replacer(table: Map<string, Variant>): (text: string) => string {
  const spellings = [...table.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (spellings.length === 0) return (text) => text;
  const alternatives = spellings.map((s) => s.split(' ').map(escapeRegExp).join(String.raw`\s+`));
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
  return (text) =>
    text.replace(pattern, (match) => {
      const variant = table.get(key(match));
      if (variant === undefined) return match;
      if (variant.capitalisedOnly && !/^\p{Lu}/u.test(match)) return match;
      return variant.pseudonym;
    });
}

/** Every way to write these names: as written, with and without title stops, their core, their words and nicknames. */
function spellingsOf(names: string[]): Spelling[] {
  const out: Spelling[] = [];
  const add = (text: string, capitalisedOnly = false) => {
    const t = text.trim().replace(/\s+/g, ' ');
    if (t.length >= 2) out.push({ text: t, capitalisedOnly });
  };
  for (const name of names) {
    const words = name.trim().split(/\s+/);
    add(name);
    add(words.map((w) => w.replace(/\.$/, '')).join(' '));
    add(words.map((w) => (TITLES.has(bare(w)) ? `${bare(w, true)}.` : w)).join(' '));
    const coreWords = words.filter((w) => !TITLES.has(bare(w)) && !NICKNAME_PREFIXES.has(bare(w)));
    add(coreWords.join(' '));
    for (const word of coreWords) {
      const parts = [word, ...(word.includes('-') ? word.split('-') : [])];
      for (const part of parts) {
        const b = bare(part);
        if (!isNameWord(part)) continue;
        add(part.replace(/[.,]+$/, ''));
        const canonical = NICKNAMES[b] ?? b;
        for (const [nick, full] of Object.entries(NICKNAMES)) if (full === canonical && nick !== b) add(title(nick), true);
        if (canonical !== b) add(title(canonical), true);
      }
    }
  }
  return out;
}

/** A speaker label that names a role (`SW`, `Social Worker`, `THE COURT`, `MUM`) or a code (`P07`, `JB`), not a person. */
function isRoleLabel(label: string): boolean {
  const trimmed = label.trim();
  if (/^\p{L}{0,3}\d+$/u.test(trimmed) || /^speaker\s*\d*$/i.test(trimmed)) return true;
  // Every word a role word or a code: `Student SW`, `THE COURT`, `Social Worker`.
  return trimmed.split(/\s+/).every((w) => ROLE_LABEL_WORDS.has(bare(w)) || ROLE_NOUNS.has(bare(w)) || isCode(bare(w, true)));
}

/** `Q`, `A`, `SW`, `HV`, `DS`: one capital, or a known professional code; other initials (`JB`, `KD`) may be a person's. */
function isCode(word: string): boolean {
  return /^\p{Lu}$/u.test(word) || CODES.has(word.toUpperCase());
}

// Role codes in interview records: social workers, health visitors, family nurses, police ranks, GPs.
const CODES = new Set([
  'SW', 'SSW', 'ISW', 'FSW', 'SWA', 'HV', 'FN', 'FNP', 'DS', 'DC', 'DI', 'DCI', 'PC', 'PCSO', 'GP', 'IO', 'IRO', 'CPO', 'INT', 'CAFCASS',
]);

/**
 * A person's name or alias that is a proper name: it has a capitalised word or initial that is not a title (`Mr W`,
 * `Early Help`), and it is not one non-name word on its own (`Nothing`, `Madam`).
 */
function isName(name: string): boolean {
  const rest = core(name);
  if (NOT_NAMES.has(key(rest)) || NOT_PEOPLE.has(key(rest))) return false;
  return rest.split(/\s+/).some((w) => /^\p{Lu}/u.test(w));
}

function isNameWord(word: string): boolean {
  const b = bare(word);
  if (!/^\p{Lu}/u.test(word) || b.length < 2) return false;
  return !TITLES.has(b) && !NICKNAME_PREFIXES.has(b) && !NOT_PEOPLE.has(b) && !NOT_NAMES.has(b);
}

/** The name without titles and nickname openers: `Ms. Hollis` → `Hollis`, `Big Mick` → `Mick`. */
function core(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => !TITLES.has(bare(w)) && !NICKNAME_PREFIXES.has(bare(w)))
    .join(' ');
}

/** A word lower-cased without surrounding stops or commas; `keepCase` keeps its letters' case. */
function bare(word: string, keepCase = false): string {
  const stripped = word.replace(/^[.,]+|[.,]+$/g, '');
  return keepCase ? stripped : stripped.toLowerCase();
}

function key(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 0 → `A`, 25 → `Z`, 26 → `AA`: a pseudonym's letters. */
function letters(n: number): string {
  let out = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(65 + ((i - 1) % 26)) + out;
  return out;
}
