import { WORDS, type Lexicon } from '../lexicon.js';
import type { NameParts } from './names.js';

/** What one person has been called so far, to tell whether a new name is theirs. */
interface Known {
  /** First names of full names, nicknames resolved (`mike` → `michael`). */
  firsts: Set<string>;
  /** Surnames of full names and of titled surnames ("Mr. Davidson"). */
  lasts: Set<string>;
  /** Names given as one bare word, which may be either ("Trump", "Stormy"). */
  singles: Set<string>;
  suffix: string;
  /** The weight of the name the person goes by (see nameWeight). */
  weight: number;
}

// The gender an honorific implies: `mr` → male, `mrs`/`ms`/`miss` → female (titles.json).
const HONORIFIC_GENDER: Readonly<Record<string, string | null>> = WORDS.titles.honorifics;

/**
 * The names met so far and whose each is. A full name joins a person with the same surname and first name (or nickname),
 * or one known so far by that surname or first name alone; one word alone joins the person talked of most who has it as
 * a surname or first name. A suffix ("Jr.") makes a different person.
 */
export class NameBook {
  private readonly known = new Map<number, Known>();

  constructor(
    private readonly lexicon: Lexicon,
    /** How often a person has been mentioned, and when last: the tie-breaks for a surname or first name alone. */
    private readonly standing: (id: number) => { mentions: number; last: number; gender?: 'male' | 'female' },
  ) {}

  private canon(word: string): string {
    return this.lexicon.nicknames.get(word) ?? word;
  }

  /** The person a name means, if anyone met so far. */
  find(parts: NameParts): number | undefined {
    const { words } = parts;
    if (words.length === 0) return undefined;
    const suffix = parts.suffix ?? '';
    const implied = HONORIFIC_GENDER[parts.honorific ?? ''];
    const gender = implied === 'm' ? 'male' : implied === 'f' ? 'female' : undefined;
    const suffixed = [...this.known].filter(([, k]) => k.suffix === suffix);
    // "Mr. Sheen" is not Ms. anyone; but a gender guessed from a pronoun may be wrong, so fall back to anyone.
    const fits = suffixed.filter(([id]) => gender === undefined || (this.standing(id).gender ?? gender) === gender);
    const all = fits.length > 0 ? fits : suffixed;
    const most = (list: Array<[number, Known]>) => best(list, (id) => this.standing(id).mentions);
    const latest = (list: Array<[number, Known]>) => best(list, (id) => this.standing(id).last);
    if (words.length > 1) {
      const first = this.canon(words[0]!);
      const last = words[words.length - 1]!;
      const sameFirst = (k: Known) => k.firsts.has(first) || [...k.firsts].some((f) => isShortFor(first, f) || isShortFor(f, first));
      const full = all.filter(([, k]) => k.lasts.has(last) && sameFirst(k));
      if (full.length > 0) return most(full);
      // Someone known so far by one word of this name, and by no other surname.
      const partial = all.filter(
        ([, k]) => k.firsts.size === 0 && [...k.lasts].every((l) => l === last) && (k.lasts.has(last) || k.singles.has(last) || k.singles.has(first) || k.singles.has(words[0]!)),
      );
      return latest(partial);
    }
    const word = words[0]!;
    const first = this.canon(word);
    // "Trump" is whoever of that surname is talked of most; "Keith" likewise among Keiths and people surnamed Keith.
    const named = all.filter(
      ([, k]) =>
        k.lasts.has(word) ||
        k.singles.has(word) ||
        (!parts.honorific && (k.firsts.has(first) || k.singles.has(first) || [...k.firsts, ...k.singles].some((f) => isShortFor(word, f)))),
    );
    if (named.length > 0) return most(named);
    // "Mr. Avennati" for Avenatti, "Bernick" for Bernik: a long surname a letter or two out is an OCR or typing slip.
    return most(all.filter(([, k]) => word.length >= 6 && [...k.lasts, ...k.singles].some((l) => l.length >= 6 && nearlySame(word, l))));
  }

  /** Records that `id` was called by this name; returns whether it is a fuller name than the one they go by. */
  add(id: number, parts: NameParts, weight: number): boolean {
    const k = this.known.get(id) ?? { firsts: new Set(), lasts: new Set(), singles: new Set(), suffix: parts.suffix ?? '', weight: 0 };
    this.known.set(id, k);
    const { words } = parts;
    if (words.length > 1) {
      k.firsts.add(this.canon(words[0]!));
      k.lasts.add(words[words.length - 1]!);
    } else if (words.length === 1) {
      if (parts.honorific) k.lasts.add(words[0]!);
      else k.singles.add(words[0]!);
    }
    if (parts.suffix) k.suffix = parts.suffix;
    if (weight <= k.weight) return false;
    k.weight = weight;
    return true;
  }

  /** People known only by one word that the full name of exactly one other person contains: [one-word person, full-named person]. */
  partials(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    for (const [id, k] of this.known) {
      if (k.firsts.size > 0) continue;
      const words = [...k.singles, ...k.lasts];
      const targets = new Set<number>();
      for (const word of words) {
        for (const [other, o] of this.known) {
          if (other === id || o.firsts.size === 0 || o.suffix !== k.suffix) continue;
          if (o.lasts.has(word) || (!k.lasts.has(word) && o.firsts.has(this.canon(word)))) targets.add(other);
        }
      }
      if (targets.size === 1) pairs.push([id, [...targets][0]!]);
    }
    return pairs;
  }
}

// "Ash" for Ashley, "Steve" for Steven: a short first name that begins a longer one.
function isShortFor(short: string, long: string): boolean {
  return short.length >= 3 && long.length > short.length && long.startsWith(short);
}

// Close enough to be one surname misspelt: one letter out, or two in a surname of eight letters or more.
function nearlySame(a: string, b: string): boolean {
  if (a === b) return false;
  const limit = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > limit) return false;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]! <= limit;
}

function best(list: Array<[number, Known]>, score: (id: number) => number): number | undefined {
  let found: number | undefined;
  for (const [id] of list) if (found === undefined || score(id) > score(found)) found = id;
  return found;
}
