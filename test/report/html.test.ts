/**
 * The HTML report without a browser: escaping, the Content-Security-Policy's hashes, redaction of the transcript
 * it shows, utterances kept only for it (and across worker threads), batch pages and `--output-dir`. What a
 * browser does with the page is tested in test/browser/html.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runClues } from '../helpers/cli.js';
import { run } from '../../src/cli/run.js';
import { reportNames } from '../../src/cli/output-dir.js';
import { redact } from '../../src/finish/redact.js';
import { html } from '../../src/report/html/index.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { seconds, spanIn, spokenLines } from '../../src/report/html/lines.js';
import type { FileResult } from '../../src/types.js';

type OkResult = Extract<FileResult, { ok: true }>;

/** The repo root, from dist/test/report/html.test.js. */
const SEED = join(ROOT, 'seeds', 'interview.txt');
const HOSTILE = join(ROOT, 'fixtures', 'hostile-html.txt');
const VTT = join(ROOT, 'fixtures', 'formats', 'just-a-friend-valentines.vtt');

const dir = mkdtempSync(join(tmpdir(), 'clues-html-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const only = (results: FileResult[]) => results[0] as OkResult;

describe('escapeHtml', () => {
  it('makes markup, quotes and entities literal, and control characters visible', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeHtml('red \u001b[31m \u202e'), 'red \\x1b[31m U+202E');
  });
});

describe('lines and times', () => {
  it('reads mm:ss, hh:mm:ss and fractions as seconds', () => {
    assert.equal(seconds('12:31'), 751);
    assert.equal(seconds('01:00:04.250'), 3604.25);
    assert.equal(seconds('soon'), undefined);
  });

  it('finds quoted words at their column, or by search when redaction moved them', () => {
    const line = { line: 4, column: 7, speaker: 'MUM', text: 'Person A came round', continued: false };
    assert.deepEqual(spanIn(line, { line: 4, column: 16, text: 'came round', endLine: 4, endColumn: 26 }), [9, 19]);
    // "Steven came round": the column is the unredacted one, 7 characters later than the redacted words.
    assert.deepEqual(spanIn(line, { line: 4, column: 14, text: 'came round', endLine: 4, endColumn: 24 }), [9, 19]);
    assert.equal(spanIn(line, { line: 5, column: 1, text: 'x' }), undefined);
  });
});

describe('the html report of the seed', () => {
  let page: string;
  let result: OkResult;

  before(async () => {
    result = only(await run([SEED], { utterances: true }));
    page = html([result], { color: false });
  });

  it('allows exactly its own style and script, by hash, and nothing else', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    assert.ok(script.length > 100 && style.length > 100);
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`script-src 'sha256-${sha256(script)}'`), csp);
    assert.ok(csp.includes(`style-src 'sha256-${sha256(style)}'`), csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.doesNotMatch(page, /\sstyle="|\son[a-z]+=|(?:src|href)="(?!#)/, 'no inline style, handler, or link off the page');
  });

  it('shows every spoken line with its number and speaker, and links quoted words both ways', () => {
    assert.equal((page.match(/<li id="f0-L\d+"/g) ?? []).length, spokenLines(result.utterances!).length);
    assert.match(page, /<li id="f0-L18"><span class="no">18<\/span><span class="time"><\/span><span class="who">TRACEY<\/span>/);
    // "Valentine's dinner" (the contradiction) overlaps "dinner here at mine" (another clue): each run links its clues.
    assert.match(page, /<a class="hl error" href="#f0-c\d+" data-clues="[^"]+" title="[^"]*error contradiction: Steven">Valentine&#39;s <\/a>/);
    assert.match(page, /“Valentine&#39;s dinner” \(<a href="#f0-L18">line 18<\/a>\)/);
  });

  it('draws a row per person, a dot per mention, and the contradiction from the denial to the Valentine\'s dinner', () => {
    assert.equal((page.match(/<g class="row"/g) ?? []).length, result.people.length);
    const mentions = result.people.reduce((n, p) => n + p.mentions.length, 0);
    assert.equal((page.match(/<a class="mention"/g) ?? []).length, mentions);
    assert.match(page, /<a class="link" href="#f0-L18"><path [^>]*><title>contradiction about Steven: &quot;just a friend&quot; \(line 12\) against &quot;Valentine&#39;s dinner&quot; \(line 18\)<\/title>/);
    assert.match(page, /aria-label="People timeline: 3 people, by line"/);
    // Hovering a dot shows the words, who said them and where.
    assert.match(page, /<a class="mention" href="#f0-L10"><circle [^>]*fill="#a34700"[^>]*><title>Steven: &quot;Steven&quot;, said by TRACEY, line 10<\/title>/);
  });

  it('lists the clue that fails the run, and side by side the two statements of the contradiction', () => {
    assert.match(page, /Clues that fail the run \(--fail-on error\)<\/h4>\n<ul><li><a href="#f0-c\d+">line 15: contradiction, Steven<\/a>/);
    assert.match(page, /<div class="sides"><div><h5>Said first<\/h5><ul class="quotes"><li>“just a friend”/);
    assert.equal(html([result], { color: false, failOn: 'none' }).includes('Clues that fail the run (--fail-on none)</h4>\n<p>None.</p>'), true);
  });

  it('uses the cue times for the x-axis when the format has them', async () => {
    const vtt = html(await run([VTT], { utterances: true }), { color: false });
    assert.match(vtt, /aria-label="People timeline: \d+ (?:person|people), by time"/);
    assert.match(vtt, /<span class="time">00:14:17<\/span>/);
  });
});

describe('the html report of hostile text', () => {
  it('shows markup in words as text and carries only its own script', async () => {
    const page = html(await run([HOSTILE], { utterances: true }), { color: false });
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.equal((page.match(/<style/g) ?? []).length, 1);
    assert.equal((page.match(/<svg/g) ?? []).length, 1, 'only the timeline');
    assert.doesNotMatch(page, /<img|<a href="javascript|<\/title><\/textarea>|\u001b/);
    assert.ok(page.includes('Who is &lt;script&gt;window.__pwned = 1&lt;/script&gt; to you?'));
    assert.ok(page.includes('&lt;/style&gt;&lt;style&gt;body { display: none }&lt;/style&gt;'));
    assert.ok(page.includes('\\x1b[31m'));
  });

  it('shows markup in speaker labels as text (Whisper JSON names its speakers freely)', async () => {
    const file = join(dir, 'labels.json');
    const label = '<script>window.__pwned = 1</script>';
    writeFileSync(
      file,
      JSON.stringify([
        { speaker: 'SW', text: 'Who is Dave?', start: 1 },
        { speaker: label, text: 'Dave is just a friend. He stays over most nights.', start: 4 },
        { speaker: '<img src=x onerror=alert(1)>', text: 'Dave came round for a Valentine\'s dinner.', start: 9 },
      ]),
    );
    const page = html(await run([file], { utterances: true }), { color: false });
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(page, /<img/);
    assert.ok(page.includes('<span class="who">&lt;script&gt;window.__pwned = 1&lt;/script&gt;</span>'));
  });
});

describe('--redact in the html report', () => {
  it('replaces names in the transcript lines, keeping each line where it was', async () => {
    const [plain] = (await run([SEED], { utterances: true })) as OkResult[];
    const [hidden] = redact([plain!]) as OkResult[];
    const before = spokenLines(plain!.utterances!);
    const after = spokenLines(hidden!.utterances!);
    assert.deepEqual(after.map((l) => l.line), before.map((l) => l.line));
    assert.equal(after.find((l) => l.line === 18)!.text, 'Person A came round and we had a Valentine\'s dinner here at mine. It was really nice.');
    assert.equal(after.find((l) => l.line === 8)!.speaker, 'Speaker A');
    assert.equal(plain!.utterances![0]!.text.includes('Steven') || plain!.utterances!.some((u) => u.text.includes('Steven')), true, 'the input is not changed');
  });

  it('leaves no roster name or name-like speaker label anywhere in the page, and marks as many words', async () => {
    const [plain] = (await run([SEED], { utterances: true })) as OkResult[];
    const page = html(redact([plain!]), { color: false, redact: true });
    for (const name of ['Steven', 'Steve', 'Tracey', 'Peter']) assert.doesNotMatch(page, new RegExp(`\\b${name}\\b`, 'i'), name);
    const marks = (text: string) => (text.match(/<a class="hl /g) ?? []).length;
    assert.equal(marks(page), marks(html([plain!], { color: false })));
  });
});

describe('utterances in results', () => {
  it('are kept only when asked for, so other formats do not hold the transcript', async () => {
    assert.equal(only(await run([SEED])).utterances, undefined);
    assert.ok((only(await run([SEED], { utterances: true })).utterances?.length ?? 0) > 10);
  });

  it('survive the worker threads: --jobs 2 writes the same page as --jobs 1', () => {
    const [one, two] = [join(dir, 'one.html'), join(dir, 'two.html')];
    assert.equal(runClues(['seeds/interview.txt', 'fixtures/hostile-html.txt', '-f', 'html', '-j', '1', '-o', one]).status, 1);
    assert.equal(runClues(['seeds/interview.txt', 'fixtures/hostile-html.txt', '-f', 'html', '-j', '2', '-o', two]).status, 1);
    const page = readFileSync(two, 'utf8');
    assert.equal(page, readFileSync(one, 'utf8'));
    assert.ok(page.includes('<li id="f0-L18">') && page.includes('<li id="f1-L6">'), 'both transcripts shown');
  });
});

describe('batch html', () => {
  it('puts every file in one page with a contents list, unreadable ones included', () => {
    const out = join(dir, 'batch.html');
    const r = runClues(['seeds/interview.txt', 'fixtures/hostile-html.txt', 'fixtures/no-such-file.txt', '-f', 'html', '-o', out]);
    assert.equal(r.status, 2);
    const page = readFileSync(out, 'utf8');
    assert.match(page, /<nav class="contents" aria-label="Contents"><h2>Contents<\/h2><ol><li><a href="#f0">seeds\/interview\.txt<\/a> \(6 clues\)<\/li><li><a href="#f1">fixtures\/hostile-html\.txt<\/a>/);
    assert.match(page, /<li><a href="#unread">fixtures\/no-such-file\.txt<\/a> \(could not be read\)<\/li>/);
    assert.match(page, /<section class="file" id="f1"/);
  });

  it('--output-dir writes one page per transcript into the folder and nothing else', () => {
    const out = join(dir, 'reports');
    const r = runClues(['seeds/interview.txt', 'fixtures/hostile-html.txt', '-f', 'html', '--output-dir', out]);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['hostile-html.html', 'interview.html']);
    const page = readFileSync(join(out, 'interview.html'), 'utf8');
    assert.match(page, /<title>Transcript clues: seeds\/interview\.txt<\/title>/);
    assert.doesNotMatch(page, /hostile-html/);
  });

  it('--output-dir refuses other formats, -o beside it, and a missing parent, in one line before reading anything', () => {
    for (const args of [['-f', 'json'], ['-f', 'html', '-o', join(dir, 'x.html')], ['-f', 'html', '--output-dir', join(dir, 'no', 'such')]]) {
      const extra = args.includes('--output-dir') ? [] : ['--output-dir', join(dir, 'refused')];
      const r = runClues(['seeds/interview.txt', ...args, ...extra]);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^clues: .*(--output-dir|does not exist)[^\n]*\n$/);
    }
    assert.ok(!readdirSync(dir).includes('refused'));
  });

  it('names each page after its transcript, inside the folder, unique', () => {
    assert.deepEqual(reportNames(['a/../../x.txt', 'a/x.txt', 'b/X.vtt', '.bashrc', '<stdin>', 'ab/ü file.md'], 'html'), [
      'x.html',
      'x-2.html',
      'X-3.html',
      'bashrc.html',
      'stdin.html',
      'ü_file.html',
    ]);
  });
});
