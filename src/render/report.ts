// cx report as a web page: one self-contained HTML file (inline CSS and SVG; no script, font, image or
// request of any kind, which its Content-Security-Policy also forbids), that prints on one or two A4 or
// Letter pages and reads on a phone. Every value from the roster goes through html`` (html.ts).
import type { DispositionId, Outcome, StageId, TacticId } from '../domain/model.js';
import { DISPOSITIONS, STAGES } from '../domain/model.js';
import { type StepKind, plural } from '../domain/next-step.js';
import { DISPOSITION_GUIDES, REASON_GUIDES, STAGE_GUIDES, TACTIC_GUIDES } from '../domain/playbook.js';
import { INFLUENCE_WEIGHTS, UNKNOWN_INFLUENCE_WEIGHT } from '../domain/report.js';
import type { Report, ReportMove, ReportOutlier, ReportWin, Who } from '../domain/report.js';
import { BAND_COLOURS, type Band, bandLabel, funnelChart, movementChart } from './charts.js';
import { type Html, html, trusted } from './html.js';

/** At most this many rows of each list: the page stays within two printed pages. */
export const REPORT_LIMITS = { moves: 7, wins: 5, outliers: 6, stuck: 3 };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthOf = (day: string): string => MONTHS[Number(day.slice(5, 7)) - 1] ?? '';
/** "1 December 2026". */
export const longDay = (day: string): string => `${Number(day.slice(8, 10))} ${monthOf(day)} ${day.slice(0, 4)}`;
/** "1 Dec". */
export const shortDay = (day: string): string => `${Number(day.slice(8, 10))} ${monthOf(day).slice(0, 3)}`;
/** "Nov 2026" for 2026-11. */
const monthName = (month: string): string => `${monthOf(`${month}-01`).slice(0, 3)} ${month.slice(0, 4)}`;

const stageName = (stage: StageId | null): string => (stage ? STAGE_GUIDES[stage].label : 'no stage');

/** A person as the report mentions them: their name (--names), or what they do. */
const person = (who: Who): Html => html`<strong>${who.who}</strong>`;

const OUTCOME_WORDS: Record<Outcome, string> = {
  worked: 'it worked',
  waiting: 'waiting for an answer',
  declined: 'declined',
  requested: 'they asked for more first',
};

/** The current move for someone, in the playbook's words (never the advice text, which names them). */
function moveName(kind: StepKind, tactic: TacticId): string {
  if (kind === 'assess') return 'Assess them: a few questions, about five minutes';
  if (kind === 'reassess') return 'Re-assess them, to see what has moved';
  if (kind === 'find-out') return 'Find out what the assessment left open';
  if (kind === 'follow-up') return `Follow up: ${TACTIC_GUIDES[tactic].name}`;
  return TACTIC_GUIDES[tactic].name;
}

/** A text with its first letter in lower case, to follow on in a sentence. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** A list cut to `limit` rows, with a closing line saying how many more there are. */
function capped<T>(items: readonly T[], limit: number, row: (item: T) => Html, more: (count: number) => Html): Html[] {
  const rows = items.slice(0, limit).map(row);
  if (items.length > limit) rows.push(more(items.length - limit));
  return rows;
}

function header(report: Report): Html {
  const privacy = report.named
    ? html`<p class="privacy named" data-privacy="named">
        <strong>For your own use: this report names people</strong> and records what you think of them. Do not forward it;
        <code>cx report</code> without <code>--names</code> makes the version to share.
      </p>`
    : html`<p class="privacy" data-privacy="anonymous">
        Shared version: nobody in the roster is named. People are described by their role and team.
      </p>`;
  return html`<header class="top">
    <p class="kicker">CX program · stakeholder engagement</p>
    <h1>Program report, ${longDay(report.today)}</h1>
    <p class="period">
      The ${plural(report.headline.people, 'colleague')} the program needs: where they stand, and what moved since
      ${longDay(report.since)}.
    </p>
    ${privacy}
  </header>`;
}

function headline(report: Report): Html {
  const h = report.headline;
  const since = shortDay(report.since);
  const figure = (name: string, value: string, label: string, note: Html) =>
    html`<div class="figure">
      <span class="number" data-figure="${name}">${value}</span><span class="label">${label}</span
      ><span class="note">${note}</span>
    </div>`;
  const weights = `high ${INFLUENCE_WEIGHTS.high}×, medium ${INFLUENCE_WEIGHTS.medium}×, low ${INFLUENCE_WEIGHTS.low}×`;
  return html`<section class="headline" aria-label="Headline figures">
    ${figure('people', String(h.people), h.people === 1 ? 'person on the roster' : 'people on the roster', html`<span data-figure="added">${h.added}</span> added since ${since}`)}
    ${figure('moved-up', String(h.movedUp), 'moved up a stage', html`since ${since}; <span data-figure="moved-down">${h.movedDown}</span> moved down`)}
    ${figure('committed-percent', `${h.committedPercent}%`, 'at Commitment or beyond', html`<span data-figure="committed">${h.committed}</span> of ${h.people} people`)}
    ${figure('weighted-percent', `${h.weightedPercent}%`, 'the same, weighted by influence', html`${weights}`)}
  </section>`;
}

const swatch = (band: Band) =>
  html`<span
    class="swatch${band === 'none' ? ' hatched' : ''}"
    style="background:${band === 'none' ? '#fff' : BAND_COLOURS[band].fill}"
    aria-hidden="true"
  ></span>`;

function ladder(): Html {
  return html`<ol class="ladder" aria-label="The five stages">
    ${STAGES.map(
      (stage) =>
        html`<li>
          ${swatch(stage)}<span><strong>${STAGE_GUIDES[stage].label}</strong> <q>${STAGE_GUIDES[stage].voice}</q></span>
        </li>`,
    )}
  </ol>`;
}

function standing(report: Report): Html {
  const showNone = STAGES.some((stage) => report.grid[stage].none > 0);
  const columns: (DispositionId | 'none')[] = [...DISPOSITIONS, ...(showNone ? (['none'] as const) : [])];
  const most = Math.max(1, ...STAGES.flatMap((stage) => columns.map((column) => report.grid[stage][column])));
  const heads: Record<DispositionId | 'none', string> = {
    advocate: 'Advocates',
    'fence-sitter': 'Fence-sitters',
    outlier: 'Outliers',
    none: 'Not judged',
  };
  const cell = (count: number, stage: StageId, column: DispositionId | 'none') => {
    const strength = count === 0 ? 0 : 0.12 + 0.6 * (count / most);
    const dark = strength > 0.45;
    return html`<td
      data-stage="${stage}"
      data-disposition="${column}"
      style="background:rgba(32,56,118,${strength.toFixed(2)})${dark ? ';color:#fff' : ''}"
    >
      ${count === 0 ? html`<span class="zero">0</span>` : count}
    </td>`;
  };
  const noStage = report.funnel.find((row) => row.stage === null)?.count ?? 0;
  const totals = columns.map((column) => STAGES.reduce((sum, stage) => sum + report.grid[stage][column], 0));
  const grid = html`<table class="grid">
    <caption>
      Stage × disposition: how each stage responds
    </caption>
    <thead>
      <tr>
        <th scope="col">Stage</th>
        ${columns.map((column) => html`<th scope="col">${heads[column]}</th>`)}
        <th scope="col">All</th>
      </tr>
    </thead>
    <tbody>
      ${STAGES.map(
        (stage) =>
          html`<tr>
            <th scope="row">${STAGE_GUIDES[stage].label}</th>
            ${columns.map((column) => cell(report.grid[stage][column], stage, column))}
            <td class="all">${columns.reduce((sum, column) => sum + report.grid[stage][column], 0)}</td>
          </tr>`,
      )}${
        noStage
          ? html`<tr>
              <th scope="row">No stage yet</th>
              ${columns.map(() => html`<td></td>`)}
              <td class="all">${noStage}</td>
            </tr>`
          : ''
      }
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">All</th>
        ${totals.map((count) => html`<td>${count}</td>`)}
        <td class="all">${report.headline.people}</td>
      </tr>
    </tfoot>
  </table>`;
  const t = report.targets;
  const targetLine =
    t.set > 0
      ? html`<p class="note">
          Targets: ${plural(t.set, 'person has', 'people have')} a target stage of their own (the rest: Action). ${t.reached} of
          ${t.reached + t.below} ${t.reached === 1 ? 'is' : 'are'} at or past theirs; ${plural(t.stagesToGo, 'stage')} to go in
          all.
        </p>`
      : html`<p class="note">
          Everyone's target is Action; ${t.reached} of ${t.reached + t.below} ${t.reached === 1 ? 'is' : 'are'} there.
        </p>`;
  return html`<section class="standing">
    <h2>Where people stand</h2>
    ${ladder()}
    <div class="two">
      <figure class="chart-box" aria-labelledby="funnel-caption">
        <figcaption id="funnel-caption">People per stage, as a share of everyone</figcaption>
        ${funnelChart(report, 'funnel')}
        <table class="sr-only" data-equivalent="funnel">
          <caption>
            People per stage
          </caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">People</th>
              <th scope="col">Share</th>
              <th scope="col">Target stage of</th>
            </tr>
          </thead>
          <tbody>
            ${report.funnel
              .filter((row) => row.stage !== null || row.count > 0)
              .map(
                (row) =>
                  html`<tr>
                    <th scope="row">${bandLabel(row.stage ?? 'none')}</th>
                    <td>${row.count}</td>
                    <td>${row.percent}%</td>
                    <td>${row.targets}</td>
                  </tr>`,
              )}
          </tbody>
        </table>
        ${targetLine}
      </figure>
      <div>
        ${grid}
        <p class="note">
          <strong>Advocates</strong> pull others in; <strong>fence-sitters</strong> wait to see which way things go;
          <strong>outliers</strong> stay out or push back.
        </p>
      </div>
    </div>
  </section>`;
}

/** A column heading that a phone's screen shows shortened (a screen reader always reads it whole). */
const heading = (full: string, brief: string): Html =>
  html`<span class="full">${full}</span><span class="brief" aria-hidden="true">${brief}</span>`;

function movement(report: Report): Html {
  const months = report.movement;
  const showNone = months.some((row) => row.stages.none > 0);
  const bands: Band[] = [...STAGES, ...(showNone ? (['none'] as const) : [])];
  const last = months.at(-1);
  const partial = last?.partial ? html` <span class="note">* ${monthName(last.month)} to ${longDay(last.end)}.</span>` : '';
  const legend = html`<ul class="legend" aria-hidden="true">
    ${[...bands].reverse().map((band) => html`<li>${swatch(band)}${bandLabel(band)}</li>`)}
  </ul>`;
  const table = html`<div class="scroll">
    <table class="months" data-equivalent="movement">
      <caption>
        People at each stage at each month's end, and who moved in the month
      </caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          ${bands.map((band) => html`<th scope="col" class="num">${heading(bandLabel(band), band === 'none' ? 'None' : bandLabel(band).slice(0, 3))}</th>`)}
          <th scope="col" class="num">Total</th>
          <th scope="col" class="num">${heading('Moved up', 'Up')}</th>
          <th scope="col" class="num">${heading('Moved down', 'Down')}</th>
          <th scope="col" class="num">New</th>
        </tr>
      </thead>
      <tbody>
        ${months.map(
          (row) =>
            html`<tr data-month="${row.month}">
              <th scope="row">
                ${heading(monthName(row.month), `${monthName(row.month).slice(0, 3)} ${row.month.slice(2, 4)}`)}${row.partial ? '*' : ''}
              </th>
              ${bands.map((band) => html`<td class="num" data-stage="${band}">${row.stages[band]}</td>`)}
              <td class="num total" data-total>${row.total}</td>
              <td class="num" data-moved="up">${row.movedUp}</td>
              <td class="num" data-moved="down">${row.movedDown}</td>
              <td class="num" data-added>${row.added}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  return html`<section class="movement">
    <h2>Movement over time</h2>
    <figure class="chart-box wide" aria-labelledby="movement-caption">
      <figcaption id="movement-caption">
        People at each stage at the end of each month, rebuilt from each person's history.${partial}
      </figcaption>
      <div class="chart-wrap">
        ${legend}
        <div class="wide-only">${movementChart(months, 'movement')}</div>
        <div class="narrow-only">${movementChart(months, 'movement-narrow', { width: 360, height: 260 })}</div>
      </div>
      ${table}
    </figure>
  </section>`;
}

function moves(report: Report): Html {
  const since = shortDay(report.since);
  const { up, down } = report.moves;
  const row = (direction: 'up' | 'down') => (move: ReportMove) =>
    html`<tr data-moved="${direction}">
      <td data-label="Who">${person(move)}</td>
      <td data-label="From → to" class="path">
        <span class="arrow ${direction}" aria-hidden="true">${direction === 'up' ? '▲' : '▼'}</span
        ><span class="sr-only">moved ${direction}: </span>${stageName(move.from)} → ${stageName(move.to)}
      </td>
      <td data-label="When" class="when">${shortDay(move.on)}</td>
    </tr>`;
  const more = (direction: string) => (count: number) =>
    html`<tr>
      <td colspan="3" class="note">and ${count} more moved ${direction}</td>
    </tr>`;
  // Both directions in one table, so a move down is never crowded out by the moves up; two rows fewer
  // when the line on who is stuck follows, so that the page still prints on two.
  const limit = REPORT_LIMITS.moves - (report.stuck.length > 0 ? 2 : 0);
  const upRows = down.length > 0 ? limit - Math.min(3, down.length) : limit;
  const downRows = limit - Math.min(upRows, up.length);
  return html`<section class="who-moved">
    <h2>Who moved since ${since}</h2>
    ${
      up.length + down.length === 0
        ? html`<p class="empty">No one changed stage since ${longDay(report.since)}.</p>`
        : html`<table class="moves stack">
            <caption>
              ${up.length} moved up, ${down.length} moved down
            </caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">From → to</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              ${capped(up, upRows, row('up'), more('up'))}${capped(down, downRows, row('down'), more('down'))}
            </tbody>
          </table>`
    }
    ${stuck(report)}
  </section>`;
}

/** Who has not moved for three weeks or more of work: the risks, in a line. */
function stuck(report: Report): Html | string {
  if (report.stuck.length === 0) return '';
  const shown = report.stuck.slice(0, REPORT_LIMITS.stuck);
  const rest = report.stuck.length - shown.length;
  const entries = shown.map(
    (entry, index) =>
      html`${index > 0 ? ', ' : ''}<strong>${entry.who}</strong> (${stageName(entry.stage)}, ${Math.floor(entry.days / 7)} weeks)`,
  );
  return html`<p class="stuck" data-stuck="${report.stuck.length}">
    Not moving after three weeks or more of work: ${entries}${rest > 0 ? `, and ${rest} more` : ''}.
  </p>`;
}

function wins(report: Report): Html {
  const item = (win: ReportWin) =>
    win.kind === 'worked'
      ? html`<li>
          <span class="when">${shortDay(win.on)}</span>
          ${person(win)}${win.tactic ? html` (${TACTIC_GUIDES[win.tactic].name.toLowerCase()})` : ''}: ${win.text ?? ''}
        </li>`
      : win.kind === 'came-round'
        ? html`<li>
            <span class="when">${shortDay(win.on)}</span> ${person(win)} no longer pushes back: now
            <strong>${DISPOSITION_GUIDES[win.disposition?.to ?? 'fence-sitter'].label.toLowerCase()}</strong> (was an outlier).
          </li>`
        : html`<li>
            <span class="when">${shortDay(win.on)}</span> ${person(win)} moved up to
            <strong>${stageName(win.to ?? null)}</strong> (from ${stageName(win.from ?? null)}).
          </li>`;
  const more = (count: number) => html`<li class="note">and ${count} more</li>`;
  return html`<section class="wins">
    <h2>Quick wins to share</h2>
    ${
      report.wins.length === 0
        ? html`<p class="empty">
            No wins logged since ${longDay(report.since)}. A step that worked is one:
            <code>cx log "name" "what happened" --outcome worked</code>.
          </p>`
        : html`<ul class="wins-list">
            ${capped(report.wins, REPORT_LIMITS.wins, item, more)}
          </ul>`
    }
    ${
      report.named
        ? ''
        : html`<p class="note">
            In the wins' own words, the names of people in the roster are replaced by their role, in brackets; other names (a
            colleague you have not mapped) are as you logged them.
          </p>`
    }
  </section>`;
}

/**
 * How many rows of each group to show so that all of them show at most `limit` rows: one each in turn,
 * largest group first, until the rows or the people run out.
 */
export function shareRows(sizes: readonly number[], limit: number): number[] {
  const shown = sizes.map(() => 0);
  for (let left = limit, progress = true; left > 0 && progress;) {
    progress = false;
    sizes.forEach((size, index) => {
      if (left > 0 && (shown[index] ?? 0) < size) {
        shown[index] = (shown[index] ?? 0) + 1;
        left--;
        progress = true;
      }
    });
  }
  return shown;
}

function outliers(report: Report): Html {
  const count = report.outliers.reduce((sum, group) => sum + group.people.length, 0);
  const tactic = (id: TacticId) => TACTIC_GUIDES[id].name.toLowerCase();
  const row = (outlier: ReportOutlier) => {
    const tried = outlier.lastTried;
    const before = tried
      ? html`${tactic(tried.tactic)}, ${shortDay(tried.on)}: ${tried.outcome ? OUTCOME_WORDS[tried.outcome] : 'no outcome logged'}`
      : html`<span class="zero">nothing logged yet</span>`;
    return html`<tr>
      <td data-label="Who">${person(outlier)}</td>
      <td data-label="Stage">${stageName(outlier.stage)}</td>
      <td data-label="The move now" class="now">
        ${
          outlier.until
            ? `Nothing before ${shortDay(outlier.until)}, as they asked; then ${lowerFirst(moveName(outlier.step.kind, outlier.step.tactic))}`
            : moveName(outlier.step.kind, outlier.step.tactic)
        }
      </td>
      <td data-label="Last tried" class="tried">${before}</td>
    </tr>`;
  };
  const rows = shareRows(
    report.outliers.map((group) => group.people.length),
    REPORT_LIMITS.outliers,
  );
  const groups = report.outliers.map((group, index) => {
    const title = group.reason ? REASON_GUIDES[group.reason].label : 'Reason not known yet';
    const about = group.reason ? REASON_GUIDES[group.reason].description : 'Finding out why comes first.';
    const shown = rows[index] ?? 0;
    return html`<tbody data-reason="${group.reason ?? 'unknown'}">
      <tr class="reason">
        <th colspan="4" scope="rowgroup">
          ${title} <span class="count">${group.people.length}</span> <span class="note">${about}</span>
        </th>
      </tr>
      ${group.people.slice(0, shown).map(row)}
    </tbody>`;
  });
  // The groups' counts say how many each holds; one line says how many of them are listed.
  const listed = rows.reduce((sum, rowsShown) => sum + rowsShown, 0);
  const rest =
    listed < count
      ? html`<tbody>
          <tr>
            <td colspan="4" class="note">${listed} of the ${count} listed, a few of each reason.</td>
          </tr>
        </tbody>`
      : '';
  return html`<section class="outliers">
    <h2>Outliers: what is being done</h2>
    ${
      count === 0
        ? html`<p class="empty">No outliers: nobody is pushing back or staying out.</p>`
        : html`<table class="outliers-table stack">
            <caption>
              ${plural(count, 'person pushes', 'people push')} back or ${count === 1 ? 'stays' : 'stay'} out: by their main
              reason, with the move under way
            </caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Stage</th>
                <th scope="col">The move now</th>
                <th scope="col">Last tried</th>
              </tr>
            </thead>
            ${groups}${rest}
          </table>`
    }
  </section>`;
}

function actions(report: Report): Html {
  return html`<section class="week">
    <h2>The coming week</h2>
    ${
      report.actions.length === 0
        ? html`<p class="empty">Nothing due: everyone has been seen within their cadence.</p>`
        : html`<ol class="actions">
            ${report.actions.map(
              (action) =>
                html`<li>
                  ${person(action)}
                  <span class="stage"
                    >(${stageName(action.stage)}${action.disposition ? `, ${DISPOSITION_GUIDES[action.disposition].label.toLowerCase()}` : ''})</span
                  >: ${moveName(action.kind, action.tactic)}.
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}

function footer(report: Report, version: string): Html {
  return html`<footer>
    <p>
      <strong>How these figures are made.</strong> Stages come from behaviour the CX lead has seen, or set by hand. Past months
      are rebuilt from each person's history (people since removed from the roster are not counted). A move compares a person's
      stage at the start and the end of a period, once per person. The weighted share counts people by influence: high
      ${INFLUENCE_WEIGHTS.high}, medium ${INFLUENCE_WEIGHTS.medium}, low ${INFLUENCE_WEIGHTS.low}, not recorded
      ${UNKNOWN_INFLUENCE_WEIGHT}.
      ${report.named ? 'Names included (cx report --names).' : 'No names (cx report without --names).'} Made with cx ${version} on
      ${longDay(report.today)}.
    </p>
  </footer>`;
}

export function renderReportHtml(report: Report, version: string): string {
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <meta name="generator" content="cx ${version}" />
        <title>CX program report, ${longDay(report.today)}${report.named ? ' (names included)' : ''}</title>
        <style>
          ${trusted(STYLE)}
        </style>
      </head>
      <body>
        <main>
          ${header(report)} ${headline(report)} ${standing(report)} ${movement(report)}
          <div class="two balanced">${moves(report)} ${wins(report)}</div>
          ${outliers(report)} ${actions(report)} ${footer(report, version)}
        </main>
      </body>
    </html> `;
  return page.value;
}

const STYLE = `
:root { --ink: #1b1f24; --muted: #59626d; --rule: #d8dde3; --accent: #203876; --soft: #f3f5f8; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 940px; margin: 0 auto; padding: 28px 28px 40px; }
h1 { font-size: 26px; line-height: 1.2; margin: 2px 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); break-after: avoid; }
h3 { font-size: 14px; margin: 0 0 2px; }
p { margin: 0 0 8px; }
q { quotes: "\\201C" "\\201D"; }
code { font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; background: var(--soft); padding: 0 3px; border-radius: 3px; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); margin: 0; }
.period { color: var(--muted); font-size: 15px; }
.privacy { font-size: 13px; color: var(--muted); border-left: 3px solid var(--rule); padding: 2px 0 2px 10px; }
.privacy.named { color: #6b1d1d; background: #fdf0f0; border-left-color: #b42318; padding: 8px 12px; }
.headline { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 18px 0 4px; }
.figure { border-top: 3px solid var(--accent); background: var(--soft); padding: 10px 12px 10px; display: flex; flex-direction: column; break-inside: avoid; }
.figure .number { font-size: 30px; font-weight: 700; line-height: 1.1; color: var(--accent); }
.figure .label { font-weight: 600; font-size: 14px; }
.figure .note { font-size: 12.5px; color: var(--muted); }
.note { font-size: 12.5px; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.lead { margin-bottom: 10px; }
.two { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
.two.balanced > section > h2 { margin-top: 26px; }
figure { margin: 0; }
.chart-wrap, .funnel-box { break-inside: avoid; }
figcaption { font-size: 13px; color: var(--muted); margin-bottom: 6px; }
.chart { display: block; width: 100%; height: auto; max-width: 100%; }
.chart .axis { font-size: 12px; fill: var(--muted); }
.chart .year { font-size: 11px; }
.chart .value { font-size: 12px; fill: var(--ink); }
.chart .total { font-size: 12px; font-weight: 600; fill: var(--ink); }
.chart .inside { font-size: 11.5px; font-weight: 600; }
.chart .gridline { stroke: #e4e7eb; stroke-width: 1; }
.chart .baseline { stroke: #8a929c; stroke-width: 1; }
.chart .segment { stroke: #ffffff; stroke-width: 1; }
.chart.funnel { max-width: 420px; }
.chart.movement { max-width: 760px; }
.ladder { list-style: none; padding: 0; margin: 0 0 14px; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
.ladder li { display: flex; align-items: center; gap: 6px; }
.ladder q { color: var(--muted); }
.legend { list-style: none; padding: 0; margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 12.5px; }
.legend li { display: flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; border: 1px solid rgba(0, 0, 0, 0.25); flex: none; }
.swatch.hatched { background-image: repeating-linear-gradient(45deg, #9a9a9a 0 2px, #fff 2px 5px) !important; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: 600; font-size: 13px; padding-bottom: 4px; }
th, td { padding: 4px 6px; text-align: left; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1px solid #aab2bc; }
.num, .grid td, .grid tfoot td { text-align: right; }
.grid td { min-width: 3em; }
.grid .all, .months .total { font-weight: 700; }
.grid tfoot th, .grid tfoot td { border-top: 1px solid #aab2bc; border-bottom: 0; font-weight: 600; }
.zero { color: #9aa1a9; }
.months { margin-top: 8px; font-size: 12.5px; }
.months th, .months td { padding: 3px 5px; white-space: nowrap; }
.scroll { overflow-x: auto; }
.moves { margin-bottom: 12px; }
.moves .when, .wins-list .when { white-space: nowrap; color: var(--muted); }
.wins-list, .actions { padding-left: 0; margin: 0 0 8px; }
.wins-list { list-style: none; }
.wins-list li, .actions li { margin: 0 0 7px; break-inside: avoid; }
.wins-list .when { display: inline-block; min-width: 3.6em; }
.actions { padding-left: 1.4em; }
.outliers-table .reason th { padding-top: 10px; font-size: 13.5px; color: var(--ink); border-bottom: 1px solid #aab2bc; }
.outliers-table .reason .note { font-weight: 400; margin-left: 6px; }
.outliers-table .now { font-weight: 600; }
.outliers-table td:nth-child(2) { white-space: nowrap; }
tr { break-inside: avoid; }
.path { white-space: nowrap; }
.arrow { font-size: 0.8em; margin-right: 4px; }
.arrow.up { color: #2266a4; }
.arrow.down { color: #b42318; }
.count { display: inline-block; min-width: 1.6em; text-align: center; background: var(--accent); color: #fff; border-radius: 9px; font-size: 11.5px; padding: 0 6px; margin-left: 4px; }
.stage, .tried { color: var(--muted); }
.action { font-size: 13px; color: var(--muted); }
footer { margin-top: 28px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
.brief, .narrow-only { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 760px) {
  .headline { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (max-width: 600px) {
  main { padding: 18px 16px 32px; }
  h1 { font-size: 22px; }
  .two { grid-template-columns: minmax(0, 1fr); gap: 0; }
  table.stack thead { display: none; }
  table.stack tr, table.stack td { display: block; border: 0; padding: 1px 0; }
  table.stack tr { padding: 6px 0; border-bottom: 1px solid var(--rule); }
  table.stack td[data-label]:not(:first-child)::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
  .outliers-table .reason th { display: block; }
  .headline { grid-template-columns: minmax(0, 1fr); gap: 8px; }
  .figure { flex-direction: row; flex-wrap: wrap; align-items: baseline; gap: 0 10px; padding: 8px 12px; }
  .figure .number { font-size: 24px; }
  .figure .note { flex-basis: 100%; }
  .wide-only { display: none; }
  .narrow-only { display: block; }
  .months { font-size: 11.5px; }
  .months th, .months td { padding: 3px 2px; }
  .months .full { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .months .brief { display: inline; }
  table.moves.stack td { display: inline; padding: 0; }
  table.moves.stack td:first-child { display: block; }
  table.moves.stack td[data-label]::before { content: none; }
  table.moves.stack td.when::before { content: " · "; }
  table.stack .reason th { padding-left: 0; }
}
@page { margin: 12mm 13mm 14mm; }
@media print {
  body { font-size: 9pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 17pt; }
  h2 { font-size: 11.5pt; margin: 12px 0 5px; padding-bottom: 2px; }
  .period { font-size: 10pt; margin-bottom: 4px; }
  .privacy { font-size: 8.5pt; margin-bottom: 0; }
  .privacy.named { padding: 4px 10px; }
  .moves { margin-bottom: 6px; }
  .headline { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin-top: 10px; }
  .figure { padding: 6px 8px; }
  .figure .number { font-size: 20pt; }
  .two { gap: 18px; }
  table, .note, figcaption, .ladder, .legend, .action, caption { font-size: 8pt; }
  th, td { padding: 1.5px 5px; }
  .months th, .months td { padding: 1px 5px; }
  .ladder { margin-bottom: 6px; }
  .chart.movement { height: 50mm; width: auto; margin: 0 auto; }
  .outliers-table .reason th { padding-top: 5px; font-size: 8.5pt; }
  .wins-list li, .actions li { margin-bottom: 3px; }
  .months { break-inside: avoid; }
  .figure .label { font-size: 8.5pt; }
  .figure .note { font-size: 7.5pt; }
  footer { margin-top: 10px; padding-top: 6px; font-size: 7pt; }
  .scroll { overflow: visible; }
}
`;
