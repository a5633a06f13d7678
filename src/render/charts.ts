// The report's charts, as inline SVG written by hand (docs/architecture.md says why no library): the
// funnel, and the stacked bars of people per stage at each month's end. Each is an image with a title
// and a summary for screen readers, and the page puts a table of the same figures beside it. Colours run
// from light to dark as people move up the ladder, so they read in greyscale and for colour-blind
// readers; every bar carries its count as text too.
import type { StageId } from '../domain/model.js';
import { STAGES } from '../domain/model.js';
import type { MonthCount } from '../domain/movement.js';
import type { Report } from '../domain/report.js';
import { STAGE_GUIDES } from '../domain/playbook.js';
import { type Html, html } from './html.js';

export type Band = StageId | 'none';

/**
 * Fill and text colour per stage: one hue from mint to navy, evenly spaced in lightness (OKLCH L 0.93
 * to 0.36), so neighbours differ in greyscale and for every kind of colour blindness. No stage yet: white
 * with grey hatching.
 */
export const BAND_COLOURS: Record<Band, { fill: string; text: string }> = {
  ignorance: { fill: '#c8f3e3', text: '#10231d' },
  skepticism: { fill: '#73d1ca', text: '#0b2524' },
  'buy-in': { fill: '#249ebd', text: '#061c24' },
  commitment: { fill: '#2266a4', text: '#ffffff' },
  action: { fill: '#203876', text: '#ffffff' },
  none: { fill: '#ffffff', text: '#333333' },
};

/** The fill of a band in a chart: "no stage yet" is hatched, with the chart's own pattern. */
const fillOf = (band: Band, chart: string): string => (band === 'none' ? `url(#${chart}-hatch)` : BAND_COLOURS[band].fill);

export const bandLabel = (band: Band): string => (band === 'none' ? 'No stage yet' : STAGE_GUIDES[band].label);

/** The pattern "no stage yet" is filled with; every chart that may show it carries its own. */
const hatch = (chart: string) =>
  html`<defs
    ><pattern id="${chart}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"
      ><rect width="6" height="6" fill="#ffffff" /><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2" /></pattern
  ></defs>`;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (month: string): string => MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month;
const fixed = (value: number): string => String(Math.round(value * 10) / 10);

/** A step for the y axis that gives three to five gridlines: 1, 2, 5, 10, 20, 50... */
export function niceStep(most: number): number {
  if (most <= 4) return 1;
  const rough = most / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}

/** The funnel: a bar per stage, as a share of everyone, with its count and share written at its end. */
export function funnelChart(report: Report, id: string): Html {
  const rows = report.funnel.filter((row) => row.stage !== null || row.count > 0);
  const total = report.headline.people;
  const width = 360;
  const label = 92;
  const room = width - label - 96;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 4;
  const bars = rows.map((row, index) => {
    const band: Band = row.stage ?? 'none';
    const y = index * rowHeight + 2;
    const length = total === 0 ? 0 : Math.max(row.count > 0 ? 2 : 0, (row.count / total) * room);
    const target = row.targets > 0 ? ` · target for ${row.targets}` : '';
    return html`<g data-stage="${band}"
      ><text x="${label - 8}" y="${y + 15}" text-anchor="end" class="axis">${bandLabel(band)}</text
      ><rect
        x="${label}"
        y="${y + 3}"
        width="${fixed(length)}"
        height="${rowHeight - 8}"
        rx="2"
        fill="${fillOf(band, id)}"
        ${band === 'none' ? html` stroke="#9a9a9a"` : ''}
      /><text x="${fixed(label + length + 6)}" y="${y + 15}" class="value">${row.count} · ${row.percent}%${target}</text></g
    >`;
  });
  return html`<svg
    class="chart funnel"
    id="${id}"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    data-chart="funnel"
  >
    <title id="${id}-title">People per stage</title>
    <desc id="${id}-desc">
      ${rows.map((row) => `${bandLabel(row.stage ?? 'none')}: ${row.count} (${row.percent}%)`).join('; ')}.
    </desc>
    ${hatch(id)}${bars}
  </svg>`;
}

/** Stages from the bottom of a stacked bar up: Action at the foot, so "Commitment or beyond" reads off the axis. */
const STACK: readonly Band[] = [...[...STAGES].reverse(), 'none'];

/**
 * Movement over time: a stacked bar per month, people per stage at its end, the count written in each
 * segment tall enough to hold it and the total above the bar. The month still going is marked "*".
 */
export function movementChart(months: readonly MonthCount[], id: string, { width = 640, height = 270 } = {}): Html {
  const left = 34;
  const right = 8;
  const top = 22;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const most = Math.max(1, ...months.map((row) => row.total));
  const step = niceStep(most);
  const ceiling = Math.ceil(most / step) * step;
  const y = (count: number) => top + plotHeight - (count / ceiling) * plotHeight;
  const band = plotWidth / Math.max(1, months.length);
  const barWidth = Math.min(64, band * 0.64);
  const ticks = Array.from({ length: ceiling / step + 1 }, (_, index) => index * step);
  const grid = ticks.map(
    (tick) =>
      html`<line
          x1="${left}"
          x2="${width - right}"
          y1="${fixed(y(tick))}"
          y2="${fixed(y(tick))}"
          class="${tick === 0 ? 'baseline' : 'gridline'}"
        /><text x="${left - 6}" y="${fixed(y(tick) + 4)}" text-anchor="end" class="axis">${tick}</text>`,
  );
  const bars = months.map((row, index) => {
    const x = left + index * band + (band - barWidth) / 2;
    const centre = fixed(x + barWidth / 2);
    let base = 0;
    const segments = STACK.filter((stage) => row.stages[stage] > 0).map((stage) => {
      const count = row.stages[stage];
      const y0 = y(base);
      const y1 = y(base + count);
      base += count;
      const tall = y0 - y1 >= 14 && barWidth >= 18;
      return html`<rect
          x="${fixed(x)}"
          y="${fixed(y1)}"
          width="${fixed(barWidth)}"
          height="${fixed(y0 - y1)}"
          fill="${fillOf(stage, id)}"
          ${stage === 'none' ? html` stroke="#9a9a9a"` : ''}
          class="segment"
          data-stage="${stage}"
          data-count="${count}"
        />${tall ? html`<text x="${centre}" y="${fixed((y0 + y1) / 2 + 4)}" text-anchor="middle" class="inside" fill="${BAND_COLOURS[stage].text}">${count}</text>` : ''}`;
    });
    const first = index === 0 || row.month.endsWith('-01');
    // Every month is named while there is room; in a tight chart, every second or third.
    const every = band >= 30 ? 1 : band >= 16 ? 2 : 3;
    const named = (months.length - 1 - index) % every === 0;
    return html`<g data-month="${row.month}" data-total="${row.total}"
      >${segments}<text x="${centre}" y="${fixed(y(row.total) - 6)}" text-anchor="middle" class="total">${row.total}</text
      >${named ? html`<text x="${centre}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${short(row.month)}${row.partial ? '*' : ''}</text>` : ''}${first ? html`<text x="${centre}" y="${height - bottom + 30}" text-anchor="middle" class="axis year">${row.month.slice(0, 4)}</text>` : ''}</g
    >`;
  });
  const firstRow = months[0];
  const lastRow = months.at(-1);
  const committed = (row: MonthCount) => row.stages.commitment + row.stages.action;
  const summary =
    firstRow && lastRow
      ? `At Commitment or beyond: ${committed(firstRow)} of ${firstRow.total} at the end of ${short(firstRow.month)} ${firstRow.month.slice(0, 4)}, ${committed(lastRow)} of ${lastRow.total} ${lastRow.partial ? `on ${lastRow.end}` : `at the end of ${short(lastRow.month)} ${lastRow.month.slice(0, 4)}`}. The table below gives every figure.`
      : '';
  return html`<svg
    class="chart movement"
    id="${id}"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    data-chart="movement"
  >
    <title id="${id}-title">People at each stage at each month's end</title>
    <desc id="${id}-desc">${summary}</desc>
    ${hatch(id)}
    <text x="0" y="12" class="axis">People</text>
    ${grid}${bars}
  </svg>`;
}
