/** Small text helpers every format parser shares: line offsets, BOMs, timestamps, speaker spellings. */

/** Offsets where each line of `text` starts (after LF, CRLF or a lone CR). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

/** Where line `index` (0-based) ends, before its line break. */
export function lineEnd(text: string, starts: number[], index: number): number {
  let end = index + 1 < starts.length ? (starts[index + 1] as number) : text.length;
  if (text[end - 1] === '\n') end -= 1;
  if (text[end - 1] === '\r') end -= 1;
  return end;
}

/** The 1-based line holding an offset, given `lineStarts`. */
export function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** The 1-based line and column of an offset, given `lineStarts`. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  const line = lineOf(starts, offset);
  return { line, column: offset - (starts[line - 1] as number) + 1 };
}

/** The text without a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Seconds as a transcript timestamp, `hh:mm:ss` (fractions dropped). */
export function clockTime(seconds: number): string {
  // Rounded to the millisecond first, so 59.9999999 s from a float sum reads 00:01:00, not 00:00:59.
  const whole = Math.floor(Math.round(seconds * 1000) / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}

/** Labels differing only in case (`Tracey` / `TRACEY`) are one speaker, spelled as first written. */
export function canonicalSpeaker(label: string, spellings: Map<string, string>): string {
  const key = label.toLowerCase();
  const known = spellings.get(key);
  if (known !== undefined) return known;
  spellings.set(key, label);
  return label;
}
