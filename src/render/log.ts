// What `cx log` says after recording an entry: what was logged, what the outcome means, the next step.
import { addDays, nextWorkday, workday } from '../domain/dates.js';
import type { LogEntry, Stakeholder, StageId } from '../domain/model.js';
import { FOLLOW_UP_DAYS, STAGES, keptWarm } from '../domain/model.js';
import { type NextStep, shellWord } from '../domain/next-step.js';
import { STAGE_GUIDES, TACTIC_GUIDES } from '../domain/playbook.js';
import { paint } from './color.js';
import { renderStep } from './profile.js';
import { inert, textWidth, wrap } from './text.js';

export function renderLogged(
  before: Stakeholder,
  after: Stakeholder,
  entry: LogEntry,
  step: NextStep,
  width = textWidth(),
): string {
  const c = paint();
  const name = inert(after.name);
  const how = entry.tactic ? ` (${TACTIC_GUIDES[entry.tactic].name}${entry.outcome ? `: ${entry.outcome}` : ''})` : '';
  const out = [`Logged for ${name} on ${entry.on}${how}: ${inert(entry.text)}`];
  const stage = before.stage;
  // Not for someone kept warm at or past their target: nothing more is asked of them.
  // Not after one step of a move made in steps, whose next step comes first.
  const goesOn = step.kind === 'tactic' && step.tactic === entry.tactic;
  if (entry.outcome === 'worked' && stage && stage !== 'action' && !keptWarm(before) && !goesOn) {
    const next = STAGES[STAGES.indexOf(stage) + 1] as StageId;
    out.push('', c.bold(`Has ${name} moved to ${STAGE_GUIDES[next].label}? Look for:`));
    for (const signal of STAGE_GUIDES[stage].nextSignals) out.push(wrap(signal, width, '  • ', '    '));
    out.push(
      wrap(
        `If so, record it: cx set ${inert(shellWord(after.name))} --stage ${next}, or re-assess with cx assess ${inert(shellWord(after.name))}.`,
        width,
        '  ',
      ),
    );
    if (before.disposition === 'outlier') {
      out.push(
        wrap(
          `And if ${name} now takes part willingly, they may be an outlier no more: cx set ${inert(shellWord(after.name))} --disposition fence-sitter (or advocate).`,
          width,
          '  ',
        ),
      );
    }
  } else if (entry.outcome === 'waiting' && step.kind === 'follow-up') {
    // On the day they named, if they named one; else a week on (a weekend's Friday before), as cx todo has it.
    const day = entry.until ?? workday(addDays(entry.on, FOLLOW_UP_DAYS));
    out.push(c.dim(`cx todo brings this back as a follow-up on ${day} at the latest.`));
  } else if (entry.outcome === 'requested') {
    const day = nextWorkday(entry.on);
    out.push(c.dim(`You owe them what they asked for: cx todo lists it for ${day}; once sent, log it as waiting.`));
  } else if (entry.outcome === 'declined' && entry.until) {
    out.push(c.dim(`Not now, rather than no: cx brings this step back on ${entry.until}, as they asked.`));
  } else if (entry.outcome === 'declined') {
    out.push(c.dim('cx will not move on as if it had worked: the next step is a different approach.'));
  }
  if (entry.until) out.push(c.dim(`Nothing is due with ${name} before ${entry.until}, as they asked.`));
  out.push('', c.bold('Next step'), ...renderStep(step, width));
  return `${out.join('\n')}\n`;
}
