/**
 * The HTML report in a real browser: Debian's chromium (/usr/bin/chromium), driven by playwright-core, never a
 * downloaded one. Each report is opened from disk, offline; every request is recorded and must be the file itself.
 * Without chromium the tests are skipped with a message, except under CI, where that is a failure.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ROOT, runClues } from '../helpers/cli.js';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The repo root, from dist/test/browser/html.test.js. */
const CHROMIUM = '/usr/bin/chromium';
/** Where the seed report's screenshot is kept (git-ignored), for a person to look at. */
const ARTIFACTS = join(ROOT, 'test-artifacts');
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP = HAVE_CHROMIUM ? false : `${CHROMIUM} is not installed (apt-get install chromium): browser tests skipped`;

if (!HAVE_CHROMIUM) {
  if (process.env.CI) {
    it('has Debian chromium for the browser tests', () => assert.fail(`${CHROMIUM} is missing: .ci/run must apt-get install chromium`));
  } else {
    process.stderr.write(`clues browser tests: ${SKIP}\n`);
  }
}

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

describe('the html report in chromium', { skip: SKIP }, () => {
  let dir: string;
  let context: BrowserContext;
  const reports: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clues-browser-'));
    const report = (name: string, args: string[]) => {
      const out = join(dir, `${name}.html`);
      const r = runClues([...args, '-f', 'html', '-o', out]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      reports[name] = out;
    };
    report('seed', ['seeds/interview.txt']);
    report('redacted', ['seeds/interview.txt', '--redact']);
    report('hostile', ['fixtures/hostile-html.txt']);
    const labels = join(dir, 'labels.json');
    writeFileSync(
      labels,
      JSON.stringify([
        { speaker: 'SW', text: 'Who is Dave?', start: 1 },
        { speaker: '<script>window.__pwned = 1</script>', text: 'Dave is just a friend. He stays over most nights.', start: 4 },
        { speaker: '<img src=x onerror="window.__pwned = 1">', text: 'Dave came round for a Valentine\'s dinner.', start: 9 },
      ]),
    );
    report('labels', [labels]);
    context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
      offline: true,
    });
    // Nothing but the report file itself may load; anything else is refused (and recorded by `open`).
    await context.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  });

  after(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<Opened> {
    const page = await context.newPage();
    const url = pathToFileURL(reports[name]!).href;
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors };
  }

  it('opens the seed report offline with no console error and no request but the file', async () => {
    const { page, url, requests, errors } = await open('seed');
    await page.mouse.move(600, 500);
    await page.keyboard.press('n');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [url]);
    assert.deepEqual(await page.locator('main, header, footer, nav').evaluateAll((els) => els.map((el) => el.tagName.toLowerCase())), ['header', 'main', 'footer']);
    await page.close();
  });

  it('draws a timeline row per person and a mark per mention, and links Steven\'s denial to the Valentine\'s dinner', async () => {
    const { page } = await open('seed');
    const json = JSON.parse(runClues(['seeds/interview.txt', '-f', 'json']).stdout) as { files: Array<{ people: Array<{ name: string; lines: number[] }> }> };
    const people = json.files[0]!.people;
    assert.equal(await page.locator('svg g.row').count(), people.length);
    // The JSON lists each person's lines; the page has one mark per mention (a line may hold several).
    const marks = await page.locator('svg a.mention').count();
    assert.ok(marks >= people.reduce((n, p) => n + p.lines.length, 0));
    assert.equal(marks, await page.locator('svg a.mention circle').count());
    const steven = await page.locator('svg g.row').evaluateAll((rows) => {
      const row = rows.find((r) => r.querySelector('title')?.textContent?.startsWith('Steven:'));
      return Number(row?.querySelector('line')?.getAttribute('y1'));
    });
    const arcs = await page.locator('svg a.link path').evaluateAll((paths) =>
      paths.map((p) => ({ d: p.getAttribute('d') ?? '', title: p.querySelector('title')?.textContent ?? '' })),
    );
    const valentine = arcs.find((a) => a.title.includes('"just a friend" (line 12)') && a.title.includes('"Valentine\'s dinner" (line 18)'));
    assert.ok(valentine, JSON.stringify(arcs));
    const [, y1, y2] = /^M [\d.]+ ([\d.]+) Q [\d.]+ [\d.]+ [\d.]+ ([\d.]+)$/.exec(valentine.d) ?? [];
    assert.equal(Number(y1), steven, 'the arc starts on Steven\'s row');
    assert.equal(Number(y2), steven, 'and ends there');
    await page.close();
  });

  it('scrolls a clue\'s line into view and highlights it when clicked, and back from the word to the clue', async () => {
    const { page } = await open('seed');
    const line = page.locator('#f0-L18');
    await page.locator('li.clue.error a[href="#f0-L18"]').click();
    assert.equal(new URL(page.url()).hash, '#f0-L18');
    assert.ok(await inView(page, '#f0-L18'));
    assert.equal(await line.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 215, 94)');
    // From a marked word back to its clue.
    await line.locator('a.hl').first().click();
    const clue = new URL(page.url()).hash;
    assert.match(clue, /^#f0-c\d+$/);
    assert.ok(await inView(page, clue));
    assert.equal(await page.locator(`${clue}`).evaluate((el) => el.matches(':target')), true);
    // A timeline mark jumps to its line too.
    // (The last mark on a line is drawn on top.)
    await page.locator('svg a.mention[href="#f0-L19"]').last().click();
    assert.equal(new URL(page.url()).hash, '#f0-L19');
    assert.ok(await inView(page, '#f0-L19'));
    await page.close();
  });

  it('moves between clue marks with n and p', async () => {
    const { page } = await open('seed');
    const marks = await page.locator('a.hl').count();
    const focused = () => page.evaluate(() => [...document.querySelectorAll('a.hl')].indexOf(document.activeElement as HTMLAnchorElement));
    await page.keyboard.press('n');
    assert.equal(await focused(), 0);
    await page.keyboard.press('n');
    assert.equal(await focused(), 1);
    await page.keyboard.press('p');
    assert.equal(await focused(), 0);
    await page.keyboard.press('p');
    assert.equal(await focused(), marks - 1, 'wraps round');
    assert.equal(await page.locator('#status').textContent(), `Clue mark ${marks} of ${marks}`);
    assert.ok(await inView(page, 'a.hl:focus'));
    await page.close();
  });

  it('has text that passes WCAG AA contrast', async () => {
    const { page } = await open('seed');
    const failures = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || c[3] !== 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!(el instanceof HTMLElement) || el.closest('svg') || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
        if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
      }
      return out;
    });
    assert.deepEqual(failures, []);
    await page.close();
  });

  it('prints without hiding or clipping the timeline', async () => {
    const { page } = await open('seed');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    const box = await page.locator('svg').first().boundingBox();
    assert.ok(box && box.width > 300 && box.x >= 0 && box.x + box.width <= 1200, JSON.stringify(box));
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('keeps a screenshot of the seed report', async (t) => {
    const { page } = await open('seed');
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'seed-report.png');
    await page.screenshot({ path, fullPage: true });
    const timeline = join(ARTIFACTS, 'seed-timeline.png');
    await page.locator('.timeline').screenshot({ path: timeline });
    t.diagnostic(`screenshots: ${path} ${timeline}`);
    assert.ok(existsSync(path) && existsSync(timeline));
    await page.close();
  });

  for (const name of ['hostile', 'labels']) {
    it(`runs nothing from hostile ${name === 'hostile' ? 'words' : 'speaker labels'}, and shows the markup as text`, async () => {
      const { page, url, requests, errors } = await open(name);
      for (const selector of ['a.hl', 'svg a.mention', 'svg a.marker']) if (await page.locator(selector).count()) await page.locator(selector).last().click();
      await page.locator('svg a.mention').last().hover();
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [url]);
      assert.equal(await page.locator('script').count(), 1);
      assert.equal(await page.locator('img, iframe, object, embed, textarea').count(), 0);
      assert.equal(await page.locator('svg').count(), 1);
      assert.equal(await page.locator('a[href^="javascript:" i], [onerror], [onload]').count(), 0);
      const text = await page.locator('body').innerText();
      assert.ok(text.includes('<script>window.__pwned = 1</script>'), 'markup is shown as text');
      if (name === 'hostile') {
        assert.ok(text.includes('</style><style>body { display: none }</style>'));
        assert.ok(text.includes('\\x1b[31m'), 'the ANSI escape is shown');
        assert.equal(await page.locator('body').isVisible(), true);
      } else {
        assert.ok(text.includes('<img src=x onerror="window.__pwned = 1">'));
      }
      await page.close();
    });
  }

  it('shows no name from the roster in the redacted report, in text, titles or attributes', async () => {
    const json = JSON.parse(runClues(['seeds/interview.txt', '-f', 'json']).stdout) as {
      files: Array<{ people: Array<{ name: string; aliases: string[] }>; speakers: Array<{ label: string }> }>;
    };
    const file = json.files[0]!;
    const words = [...file.people.flatMap((p) => [p.name, ...p.aliases]), ...file.speakers.map((s) => s.label)]
      .flatMap((n) => n.split(/\s+/))
      .filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w) || /^\p{Lu}{3,}$/u.test(w));
    assert.ok(words.includes('Steven') && words.includes('TRACEY'), words.join(' '));
    const leaks = async (name: string) => {
      const { page } = await open(name);
      const html = await page.content();
      await page.close();
      return words.filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu').test(html));
    };
    assert.deepEqual(await leaks('redacted'), []);
    assert.deepEqual((await leaks('seed')).sort(), [...new Set(words)].sort(), 'the unredacted report names them all');
  });
});

/** Whether the element is inside the viewport now. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}
