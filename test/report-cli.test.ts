// cx report through the command (in-process): the file it writes, what it may say about people, that
// the page, --json and cx board --months agree on every figure, and its refusals.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rosterBytes, rosterFile, run, tempDir } from './helpers/cli.js';
import { HOSTILE, NAMES, REPORT_DAY, reportRosterJson } from './helpers/report-roster.js';

const TODAY = { CX_NOW: `${REPORT_DAY}T09:00:00Z` };
let dir: string;

async function ok(args: string[], env: Record<string, string> = TODAY, where = dir) {
  const result = await run(where, args, { env });
  if (result.status !== 0) throw new Error(`cx ${args.join(' ')} (${result.status}): ${result.stderr}`);
  return result;
}

beforeAll(async () => {
  dir = tempDir();
  const imported = await run(dir, ['import', '-'], { input: reportRosterJson(), env: TODAY });
  if (imported.status !== 0) throw new Error(imported.stderr);
});

/** The figures a page shows, read back from its markup. */
function figuresOf(page: string) {
  const figure = (name: string) => Number(new RegExp(`data-figure="${name}">\\s*(\\d+)%?\\s*<`).exec(page)?.[1]);
  const cell = (row: string, attribute: string) => Number(new RegExp(`${attribute}>\\s*(\\d+)\\s*<`).exec(row)?.[1]);
  const months = [...page.matchAll(/<tr data-month="(\d{4}-\d{2})">([\s\S]*?)<\/tr>/g)].map(([, month, row = '']) => ({
    month,
    stages: Object.fromEntries([...row.matchAll(/data-stage="([a-z-]+)">\s*(\d+)\s*</g)].map(([, s, n]) => [s, Number(n)])),
    total: cell(row, 'data-total'),
    movedUp: cell(row, 'data-moved="up"'),
    movedDown: cell(row, 'data-moved="down"'),
    added: cell(row, 'data-added'),
  }));
  const grid = Object.fromEntries(
    [...page.matchAll(/data-stage="([a-z-]+)"\s+data-disposition="([a-z-]+)"[^>]*>\s*(?:<span class="zero">)?(\d+)/g)].map(
      ([, s, d, n]) => [`${s}/${d}`, Number(n)],
    ),
  );
  return {
    headline: {
      people: figure('people'),
      movedUp: figure('moved-up'),
      movedDown: figure('moved-down'),
      added: figure('added'),
      committed: figure('committed'),
      committedPercent: figure('committed-percent'),
      weightedPercent: figure('weighted-percent'),
    },
    months,
    grid,
  };
}

describe('cx report', () => {
  it('asks for the wins to be read before the page is sent: they quote the log, where a name cx does not know stays', async () => {
    const where = tempDir();
    await run(where, ['set', 'Ann Example', '--add', '--stage', 'buy-in'], { env: TODAY });
    await run(where, ['log', 'Ann Example', 'Lent us Jenna for five interviews', '--tactic', 'scarcity', '--outcome', 'worked'], {
      env: TODAY,
    });
    const result = await ok(['report'], TODAY, where);
    expect(result.stderr).toContain('The wins quote your log: read them for other names before you send it.');
    const page = readFileSync(join(where, `cx-report-${REPORT_DAY}.html`), 'utf8');
    expect(page).toContain('Lent us Jenna for five interviews');
    expect(page).not.toContain('Ann Example');
  });

  it('writes cx-report-<day>.html in this folder, readable by its owner alone, and prints its path', async () => {
    const where = tempDir();
    await run(where, ['set', 'Ann Example', '--add', '--stage', 'buy-in'], { env: TODAY });
    const result = await ok(['report'], TODAY, where);
    const file = join(where, `cx-report-${REPORT_DAY}.html`);
    expect(result.stdout).toBe(`${file}\n`);
    expect(result.stderr).toBe('It names nobody in the roster: people appear by role and team (--names adds names).\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Written again over a file that was open to others: still the owner's alone.
    chmodSync(file, 0o644);
    await ok(['report'], TODAY, where);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes --output relative to this folder, or to stdout with -', async () => {
    await ok(['report', '--output', 'steering.html']);
    expect(readFileSync(join(dir, 'steering.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const page = (await ok(['report', '-o', '-'])).stdout;
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is self-contained: no script, no address to fetch, a policy that forbids both', async () => {
    const page = (await ok(['report', '-o', '-'])).stdout;
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(page).not.toMatch(/https?:|\/\//);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    expect(page.match(/<svg\b/g)?.length).toBe(3); // the funnel, and the movement for wide and narrow screens
  });

  it('without --names names nobody: no name, no part of one, no note, anywhere in the page or the JSON', async () => {
    const page = (await ok(['report', '-o', '-'])).stdout;
    const json = (await ok(['report', '--json'])).stdout;
    expect(page).toContain('data-privacy="anonymous"');
    for (const text of [page, json]) {
      for (const name of NAMES) {
        expect(text, name).not.toContain(name);
        // Every part of every name, as a word (the hostile name's parts are words of HTML itself).
        if (name === HOSTILE) continue;
        for (const part of name.match(/\p{L}{3,}/gu) ?? [])
          expect(text, part).not.toMatch(new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'iu'));
      }
      expect(text).not.toContain('Private note');
      expect(text).not.toContain('onerror');
    }
    // Wins that named colleagues say who by role instead.
    expect(JSON.parse(json).wins.some((win: { text?: string }) => win.text?.includes('['))).toBe(true);
  });

  it('with --names names people, says at the top that it is for your own use, and shows a hostile name as text', async () => {
    const result = await ok(['report', '--names', '-o', 'named.html']);
    expect(result.stderr).toContain('It names people: it is for your own use (without --names it names nobody).');
    const page = readFileSync(join(dir, 'named.html'), 'utf8');
    expect(page).toContain('data-privacy="named"');
    expect(page).toContain('For your own use: this report names people');
    expect(page).toContain('<title>CX program report, 1 December 2026 (names included)</title>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('Private note');
  });

  it('agrees with --json and with cx board --months on every figure', async () => {
    const report = JSON.parse((await ok(['report', '--json'])).stdout);
    const page = figuresOf((await ok(['report', '-o', '-'])).stdout);
    const board = JSON.parse((await ok(['board', '--json', '--months', '6', '--since', report.since])).stdout);
    expect(page.headline).toEqual(report.headline);
    expect(report.headline).toMatchObject({
      people: board.total,
      movedUp: board.movedUp.length,
      movedDown: board.movedDown.length,
      added: board.added.length,
    });
    expect(report.movement).toEqual(board.movement);
    expect(page.months).toEqual(
      report.movement.map(({ month, stages, total, movedUp, movedDown, added }: Record<string, unknown>) => ({
        month,
        stages: Object.fromEntries(Object.entries(stages as Record<string, number>).filter(([stage]) => stage !== 'none')),
        total,
        movedUp,
        movedDown,
        added,
      })),
    );
    for (const [stage, cells] of Object.entries(report.grid as Record<string, Record<string, number>>)) {
      for (const [disposition, count] of Object.entries(cells)) {
        if (disposition !== 'none') expect(page.grid[`${stage}/${disposition}`], `${stage}/${disposition}`).toBe(count);
        expect(board.grid[stage][disposition].length).toBe(count);
      }
    }
    expect(report.funnel.map((row: { count: number }) => row.count)).toEqual(
      board.funnel.map((row: { count: number }) => row.count),
    );
    // And the terminal's table prints the same rows.
    const text = (await ok(['board', '--months', '6', '--since', report.since])).stdout;
    for (const row of board.movement) {
      const counts = [
        ...Object.values(row.stages as Record<string, number>).slice(0, 5),
        row.total,
        row.movedUp,
        row.movedDown,
        row.added,
      ];
      expect(text).toMatch(new RegExp(`${row.partial ? '\\*' : ' '} +${counts.join(' +')}\\n`));
    }
  });

  it('takes --since, --months and --date', async () => {
    const report = JSON.parse((await ok(['report', '--json', '--since', '2026-09-01', '--months', '12'])).stdout);
    expect(report).toMatchObject({ today: REPORT_DAY, since: '2026-09-01', named: false });
    // Up to 12 months: from the first month anyone was in the roster.
    expect(report.movement.length).toBeGreaterThan(1);
    expect(report.movement.length).toBeLessThanOrEqual(12);
    expect(report.movement[0].total).toBeGreaterThan(0);
    expect(report.headline.added).toBeGreaterThan(JSON.parse((await ok(['report', '--json'])).stdout).headline.added);
    const then = JSON.parse((await ok(['report', '--json', '--date', '2026-09-30'])).stdout);
    expect(then).toMatchObject({ today: '2026-09-30', since: '2026-08-30' });
    expect(then.headline.people).toBe(then.movement.at(-1).total);
    expect(then.headline.people).toBeLessThan(40);
    expect(then.wins.every((win: { on: string }) => win.on <= '2026-09-30')).toBe(true);
  });

  it('--open opens the page with the program BROWSER names', async () => {
    const opener = join(dir, 'opener.sh');
    const seen = join(dir, 'opened.txt');
    writeFileSync(opener, `#!/bin/sh\necho "$1" > "${seen}"\n`, { mode: 0o755 });
    const result = await ok(['report', '--open', '-o', 'opened.html'], { ...TODAY, BROWSER: opener });
    for (let wait = 0; wait < 100 && !existsSync(seen); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(seen, 'utf8').trim()).toBe(join(dir, 'opened.html'));
    expect(result.stdout).toBe(`${join(dir, 'opened.html')}\n`);
    const missing = await ok(['report', '--open', '-o', 'opened.html'], { ...TODAY, BROWSER: join(dir, 'no-such-browser') });
    expect(missing.stderr).toMatch(
      /cx: could not open a browser \(.*no-such-browser was not found\); open the file above yourself\n$/,
    );
  });

  it('--help explains privacy, with examples', async () => {
    const help = (await ok(['report', '--help'])).stdout;
    expect(help).toContain('Without --names it names nobody');
    expect(help).toContain('"[Head of Digital]\'s results"');
    expect(help).toContain('cx report --names -o for-me.html');
    expect(help).toMatch(/mode\s+0600/);
  });

  it.each([
    [['--months', '0'], '--months <n>'],
    [['--months', '25'], 'Use a whole number of months from 1 to 24.'],
    [['--since', 'last week'], 'Use a date written YYYY-MM-DD'],
    [['--since', '2026-12-02'], '--since 2026-12-02 is after the day of the report, today (2026-12-01)'],
    [['--date', '2026-12-24'], '--date 2026-12-24 is in the future (today is 2026-12-01)'],
    [['--date', '2026-10-01', '--since', '2026-10-15'], '--since 2026-10-15 is after the day of the report, --date 2026-10-01'],
    [['--json', '-o', 'x.html'], '--json prints the figures instead of writing the page: leave out --output, or --json'],
    [['--json', '--open'], 'leave out --open, or --json'],
    [['--open', '-o', '-'], '--open needs a file to open'],
    [['-o', 'no-such-folder/report.html'], 'the folder'],
    [['-o', '.'], '--output . is a folder; give a file name, such as report.html'],
    [['--name'], "unknown option '--name'"],
  ])('refuses %j in one line, exit 2', async (args, message) => {
    const result = await run(dir, ['report', ...args], { env: TODAY });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/^cx: [^\n]*\n$/);
    expect(result.stdout).toBe('');
  });

  it('has nothing to report on an empty roster (exit 1), though --json prints zeros', async () => {
    const empty = tempDir();
    const result = await run(empty, ['report'], { env: TODAY });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'cx: no one is in the roster yet, so there is nothing to report; start with: cx assess "Dana Lee"\n',
    );
    expect(existsSync(join(empty, `cx-report-${REPORT_DAY}.html`))).toBe(false);
    const json = JSON.parse((await ok(['report', '--json'], TODAY, empty)).stdout);
    expect(json.headline.people).toBe(0);
    const before = await run(dir, ['report', '--date', '2026-01-01'], { env: TODAY });
    expect(before.status).toBe(1);
    expect(before.stderr).toContain('no one was in the roster on 2026-01-01');
  });
});

describe('cx report and the roster', () => {
  it('refuses to write the page over the roster or its backups', async () => {
    const dir = tempDir();
    await run(dir, ['set', 'Dana Lee', '--add', '--stage', 'buy-in']);
    const before = rosterBytes(dir);
    const result = await run(dir, ['report', '--output', rosterFile(dir)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is one of the files cx keeps the roster in');
    expect(rosterBytes(dir)).toBe(before);
  });
});
