// cx report in a real browser: Debian's Chromium, driven by playwright-core, loads the page from a file:
// URL and checks what a reader gets: no errors, no requests, the figures of --json, charts with their text,
// a hostile name as text, no names without --names, no sideways scrolling on a laptop or a phone, and at
// most two printed pages. Screenshots go to node_modules/.cache/cx-report-screenshots/ for a person to
// look at; CX_SCREENSHOT_DOCS=1 also makes the README's, docs/report.png, from the README's sample roster
// (npx vitest run test/report-browser.test.ts, after npm run build).
//
// Without a Chromium these tests are skipped, saying so; .ci/run installs one and sets CX_REQUIRE_BROWSER=1,
// which makes a missing browser a failure instead.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './helpers/cli.js';
import { HOSTILE, NAMES, REPORT_DAY, reportRosterJson } from './helpers/report-roster.js';

const CANDIDATES = [process.env.CX_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = CANDIDATES.find((path): path is string => !!path && existsSync(path));
const required = !!process.env.CX_REQUIRE_BROWSER && process.env.CX_REQUIRE_BROWSER !== '0';
if (!chromium && !required) {
  console.warn('Skipping the browser tests of cx report: no Chromium found (apt-get install chromium, or set CX_CHROMIUM).');
}

/** The little of the page's DOM that the checks read inside the browser (this project has no DOM types). */
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number; outerHTML: string };
  body: { innerText: string };
  getElementById(id: string): { textContent: string | null } | null;
};

/** Whether to make the README's screenshot too. */
const DOCS = process.env.CX_SCREENSHOT_DOCS === '1';

/** Where the screenshots go, for a person to look at. */
export const SCREENSHOTS = join(ROOT, 'node_modules', '.cache', 'cx-report-screenshots');

/** Chromium without the background services that would reach for the network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (required && !chromium) {
  describe('cx report in a browser', () => {
    it('needs a Chromium: CX_REQUIRE_BROWSER is set', () => {
      throw new Error(`CX_REQUIRE_BROWSER is set, and no Chromium is at any of ${CANDIDATES.filter(Boolean).join(', ')}`);
    });
  });
}

describe.skipIf(!chromium)('cx report in a browser', () => {
  const TODAY = { CX_NOW: `${REPORT_DAY}T09:00:00Z` };
  let browser: Browser;
  let dir: string;
  let json: {
    headline: Record<string, number>;
    funnel: { stage: string | null; count: number }[];
    movement: { month: string; total: number }[];
  };
  /** The report without names and with them, each open in its own page at 1280 × 800. */
  let plain: Opened;
  let named: Opened;
  /** The README's sample roster, built by its script beside the other work (its exit code and errors). */
  let sampleBuilt: Promise<{ status: number | null; stderr: string }>;

  interface Opened {
    page: Page;
    url: string;
    seen: { requests: string[]; errors: string[]; dialogs: string[] };
  }

  /** A page of the report, with everything it asked for and complained about recorded. */
  async function open(file: string, width = 1280, height = 800): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width, height } });
    const seen = { requests: [] as string[], errors: [] as string[], dialogs: [] as string[] };
    page.on('request', (request) => seen.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') seen.errors.push(message.text());
    });
    page.on('pageerror', (error) => seen.errors.push(error.message));
    page.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, seen };
  }

  const noSideways = (page: Page) =>
    page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));

  /** The pages of a PDF, as its page tree counts them. */
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

  beforeAll(async () => {
    dir = tempDir();
    if (DOCS)
      sampleBuilt = new Promise((resolve) => {
        const child = spawn('bash', [join(ROOT, 'scripts', 'readme-samples.sh'), '--roster', join(dir, 'sample')]);
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const imported = await run(dir, ['import', '-'], { input: reportRosterJson(), env: TODAY });
    if (imported.status !== 0) throw new Error(imported.stderr);
    for (const args of [
      ['report', '-o', 'report.html'],
      ['report', '--names', '-o', 'named.html'],
    ]) {
      const result = await run(dir, args, { env: TODAY });
      if (result.status !== 0) throw new Error(result.stderr);
    }
    json = JSON.parse((await run(dir, ['report', '--json'], { env: TODAY })).stdout);
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium, args: ARGS });
    [plain, named] = await Promise.all([open(join(dir, 'report.html')), open(join(dir, 'named.html'))]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    console.log(`Screenshots of cx report: ${SCREENSHOTS}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from a file: URL with no console error and no request but for the file itself', () => {
    for (const { seen, url } of [plain, named]) {
      expect(seen.errors).toEqual([]);
      expect(seen.requests).toEqual([url]);
      expect(seen.dialogs).toEqual([]);
    }
  });

  it('shows the headline figures of cx report --json', async () => {
    const shown = await plain.page.$$eval('[data-figure]', (elements) =>
      Object.fromEntries(elements.map((element) => [element.getAttribute('data-figure'), element.textContent?.trim()])),
    );
    const h = json.headline;
    expect(shown).toEqual({
      people: String(h.people),
      added: String(h.added),
      'moved-up': String(h.movedUp),
      'moved-down': String(h.movedDown),
      'committed-percent': `${h.committedPercent}%`,
      committed: String(h.committed),
      'weighted-percent': `${h.weightedPercent}%`,
    });
  });

  it('draws every chart as SVG, named for screen readers, with a table of the same figures', async () => {
    const { page } = plain;
    expect(await page.getByRole('img', { name: 'People per stage' }).count()).toBe(1);
    // The wide chart shows on a laptop; the narrow one is hidden (and so out of the accessibility tree).
    expect(await page.getByRole('img', { name: "People at each stage at each month's end" }).count()).toBe(1);
    const charts = await page.$$eval('svg[data-chart]', (svgs) =>
      svgs.map((svg) => ({
        chart: svg.getAttribute('data-chart'),
        role: svg.getAttribute('role'),
        named: (svg.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id: string) => document.getElementById(id)?.textContent ?? ''),
        visible: svg.getBoundingClientRect().width > 0,
        bars: svg.querySelectorAll('[data-month]').length,
      })),
    );
    expect(charts.filter((chart) => chart.visible).map((chart) => chart.chart)).toEqual(['funnel', 'movement']);
    for (const chart of charts) {
      expect(chart.role).toBe('img');
      expect(chart.named.every((text: string) => text.length > 10)).toBe(true);
    }
    expect(charts.filter((chart) => chart.chart === 'movement').map((chart) => chart.bars)).toEqual([6, 6]);
    const funnel = await page.$$eval('table[data-equivalent="funnel"] tbody tr', (rows) =>
      rows.map((row) => Number(row.querySelector('td')?.textContent)),
    );
    expect(funnel).toEqual(json.funnel.filter((row) => row.stage !== null || row.count > 0).map((row) => row.count));
    const months = await page.$$eval('table[data-equivalent="movement"] tbody tr', (rows) =>
      rows.map((row) => Number(row.querySelector('[data-total]')?.textContent)),
    );
    expect(months).toEqual(json.movement.map((row) => row.total));
  });

  it('shows a hostile name as text, and opens no dialog', async () => {
    const { page, seen } = named;
    expect(await page.getByText(HOSTILE, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('img, script, iframe').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('without --names shows no one’s name, anywhere in the page', async () => {
    const text = await plain.page.evaluate(() => `${document.documentElement.outerHTML}\n${document.body.innerText}`);
    expect(text).toContain('Shared version: nobody in the roster is named.');
    for (const name of NAMES) {
      expect(text, name).not.toContain(name);
      if (name === HOSTILE) continue; // its parts are words of HTML itself ("img", "src")
      for (const part of name.split(' ')) expect(text, part).not.toMatch(new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'iu'));
    }
    expect(text).not.toContain('onerror');
  });

  it('fits a laptop and a phone without sideways scrolling, one column below 600 px', async () => {
    const { page } = plain;
    for (const [width, height, name] of [
      [390, 844, 'phone-390.png'],
      [1280, 800, 'laptop-1280.png'],
    ] as const) {
      await page.setViewportSize({ width, height });
      const { scroll, width: client } = await noSideways(page);
      expect(scroll, `${width} px`).toBeLessThanOrEqual(client);
      const columns = await page.$$eval(
        '.two > *',
        (elements) => new Set(elements.map((element) => element.getBoundingClientRect().left)).size,
      );
      if (width < 600) expect(columns).toBe(1);
      else expect(columns).toBeGreaterThan(1);
      await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
    }
  });

  it('prints on at most two A4 or Letter pages, with or without names', async () => {
    for (const [opened, format] of [
      [plain, 'A4'],
      [plain, 'Letter'],
      [named, 'A4'],
    ] as const) {
      const pages = pdfPages(await opened.page.pdf({ format, printBackground: true }));
      expect(pages, `${opened === plain ? 'without' : 'with'} names, on ${format}`).toBeLessThanOrEqual(2);
    }
  });

  // Only when asked (CX_SCREENSHOT_DOCS=1): it checks nothing the larger roster above does not, and
  // building the sample takes a dozen processes.
  it.runIf(DOCS)("makes the README's screenshot, docs/report.png, from its sample roster", async () => {
    const sample = join(dir, 'sample');
    const built = await sampleBuilt;
    expect(built.status, built.stderr).toBe(0);
    const result = await run(sample, ['report'], { env: { CX_NOW: '2026-11-24T09:00:00Z' } });
    expect(result.status, result.stderr).toBe(0);
    const { page, seen } = await open(result.stdout.trim(), 1100, 800);
    expect(seen.errors).toEqual([]);
    expect((await noSideways(page)).scroll).toBeLessThanOrEqual(1100);
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeLessThanOrEqual(2);
    const shot = join(SCREENSHOTS, 'readme-sample.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    copyFileSync(shot, join(ROOT, 'docs', 'report.png'));
  });
});
