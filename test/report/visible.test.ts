import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { HIDDEN, hideQuotedWords, quote, said, visible, visibleInField } from '../../src/visible.js';

/** Every character `visible` must show: C0, DEL, C1, the separators, and the bidi marks, overrides and isolates. */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
].map((code) => String.fromCharCode(code));

describe('visible', () => {
  it('shows ESC, OSC 52, BEL, form feed and U+202E as escapes', () => {
    assert.equal(visible('a\u001b]52;c;aGk=\u0007b\u000cc\u202ed'), 'a\\x1b]52;c;aGk=\\x07b\\x0cc' + 'U+202Ed');
  });

  it('names line feed, carriage return and tab', () => {
    assert.equal(visible('one\r\ntwo\tthree'), 'one\\r\\ntwo\\tthree');
  });

  it('leaves no unsafe character, and changes nothing the second time', () => {
    const all = UNSAFE.join('x');
    const once = visible(all);
    for (const ch of UNSAFE) assert.ok(!once.includes(ch), `U+${ch.charCodeAt(0).toString(16)} left raw`);
    assert.equal(visible(once), once);
    assert.match(once, /^[\x20-\x7e]+$/, 'only printable ASCII comes out');
  });

  it('leaves ordinary text, accents, emoji and right-to-left letters alone', () => {
    const text = 'Zoë said “hi” 👋 שלום';
    assert.equal(visible(text), text);
  });
});

describe('visibleInField', () => {
  it('keeps line feeds and tabs and shows the rest', () => {
    assert.equal(visibleInField('a\nb\tc\r\u001b\u202e'), 'a\nb\tc\\r\\x1bU+202E');
  });
});

describe('quote and said', () => {
  after(() => hideQuotedWords(false));

  it('quote shows the words in double quotes, made visible', () => {
    hideQuotedWords(false);
    assert.equal(quote('Steven\u001b[2J'), '"Steven\\x1b[2J"');
    assert.equal(said('TRACEY, SW'), 'TRACEY, SW');
  });

  it('hides the words under --redact', () => {
    hideQuotedWords(true);
    assert.equal(quote('Steven Smith moved in'), `"${HIDDEN}"`);
    assert.equal(said('TRACEY, SW'), HIDDEN);
  });
});
