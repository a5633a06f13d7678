// The playbook on the screen (cx tactics): every tactic, one tactic, a stage's guide, a disposition's.
import type { DispositionId, StageId, TacticId } from '../domain/model.js';
import { STAGES, TACTICS } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES, TACTIC_GUIDES, personalise } from '../domain/playbook.js';
import { paint } from './color.js';
import { SOMEONE, renderTactics } from './profile.js';
import { textWidth, wrap } from './text.js';

/** Every tactic with its id, for someone choosing what to log. */
export function renderTacticList(width = textWidth()): string {
  const c = paint();
  const out = TACTICS.map((id) => TACTIC_GUIDES[id]).map((tactic) =>
    [
      `${c.bold(tactic.name)} ${c.dim(`[${tactic.id}]`)}`,
      c.dim(wrap(`For: ${tactic.appliesTo}`, width, '  ', '  ')),
      wrap(personalise(tactic.principle, SOMEONE), width, '  ', '  '),
    ].join('\n'),
  );
  out.push(
    c.dim(
      wrap('cx tactics <id> shows one with its actions; cx tactics <stage|disposition|name> the ones that fit.', width, '', ''),
    ),
  );
  return `${out.join('\n\n')}\n`;
}

/** One tactic: who it is for, its principle, every action. */
export function renderTactic(id: TacticId, width = textWidth()): string {
  const c = paint();
  const tactic = TACTIC_GUIDES[id];
  const out = [
    `${c.bold(tactic.name)} ${c.dim(`[${tactic.id}]`)}`,
    c.dim(wrap(`For: ${tactic.appliesTo}`, width, '  ', '  ')),
    wrap(personalise(tactic.principle, SOMEONE), width, '  ', '  '),
    '',
    c.bold('What to do'),
    ...tactic.actions.map((action) => wrap(personalise(action, SOMEONE), width, '  - ', '    ')),
  ];
  return `${out.join('\n')}\n`;
}

/** A stage: what is true of them, the goal, its tactics, and the signs of the next stage. */
export function renderStageGuide(stage: StageId, width = textWidth()): string {
  const c = paint();
  const guide = STAGE_GUIDES[stage];
  const next = STAGES[guide.number];
  const out = [
    `${c.bold(`${guide.number}. ${guide.label}`)}  "${guide.voice}"`,
    '',
    wrap(guide.truth, width, '  '),
    '',
    c.bold('Goal'),
    wrap(guide.goal, width, '  '),
    '',
    c.bold('Tactics'),
    renderTactics(
      guide.tactics.map((id) => TACTIC_GUIDES[id]),
      SOMEONE,
      width,
    ),
    '',
    c.bold(next ? `Signs they have reached ${STAGE_GUIDES[next].label}` : 'Signs they keep it going'),
    ...guide.nextSignals.map((signal) => wrap(signal, width, '  • ', '    ')),
  ];
  return `${out.join('\n')}\n`;
}

/** A disposition: what it looks like, the approach, its tactics. */
export function renderDispositionGuide(disposition: DispositionId, width = textWidth()): string {
  const c = paint();
  const guide = DISPOSITION_GUIDES[disposition];
  const out = [
    c.bold(guide.label),
    '',
    wrap(guide.looksLike, width, '  '),
    '',
    c.bold('Approach'),
    wrap(personalise(guide.approach, SOMEONE), width, '  '),
    '',
    c.bold('Tactics'),
    renderTactics(
      guide.tactics.map((id) => TACTIC_GUIDES[id]),
      SOMEONE,
      width,
    ),
  ];
  return `${out.join('\n')}\n`;
}
