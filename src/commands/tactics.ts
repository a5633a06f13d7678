import { DISPOSITIONS, foldId, parseDisposition, parseStage, STAGES, TACTICS } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES, TACTIC_GUIDES, personalise } from '../domain/playbook.js';
import { findPerson } from '../domain/roster.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { SOMEONE, personJson, renderProfile, renderTactics } from '../render/profile.js';
import { inert, textWidth, wrap } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { didYouMean, printJson, requirePerson, stepFor } from './shared.js';
import { io } from '../io.js';

/**
 * `cx tactics [stage|disposition|tactic|name]`: a stage, a disposition or a tactic id first, then a person
 * in the roster; without a subject, every tactic (the ids `cx log --tactic` takes).
 */
export function tacticsCommand(subject: string | undefined, options: { json?: boolean }): void {
  const c = paint();
  const width = textWidth();
  if (subject === undefined) {
    const tactics = TACTICS.map((id) => TACTIC_GUIDES[id]);
    if (options.json) return printJson(tactics);
    const out = tactics.map((tactic) =>
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
    return void io().stdout.write(`${out.join('\n\n')}\n`);
  }
  const stage = parseStage(subject);
  const disposition = parseDisposition(subject);
  const tacticId = TACTICS.find((id) => foldId(id) === foldId(subject));
  if (stage) {
    const guide = STAGE_GUIDES[stage];
    const tactics = guide.tactics.map((id) => TACTIC_GUIDES[id]);
    if (options.json) return printJson({ ...guide, tactics });
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
      renderTactics(tactics, SOMEONE, width),
      '',
      c.bold(next ? `Signs they have reached ${STAGE_GUIDES[next].label}` : 'Signs they keep it going'),
      ...guide.nextSignals.map((signal) => wrap(signal, width, '  • ', '    ')),
    ];
    return void io().stdout.write(`${out.join('\n')}\n`);
  }
  if (disposition) {
    const guide = DISPOSITION_GUIDES[disposition];
    const tactics = guide.tactics.map((id) => TACTIC_GUIDES[id]);
    if (options.json) return printJson({ ...guide, tactics });
    const out = [
      c.bold(guide.label),
      '',
      wrap(guide.looksLike, width, '  '),
      '',
      c.bold('Approach'),
      wrap(personalise(guide.approach, SOMEONE), width, '  '),
      '',
      c.bold('Tactics'),
      renderTactics(tactics, SOMEONE, width),
    ];
    return void io().stdout.write(`${out.join('\n')}\n`);
  }
  if (tacticId) {
    const tactic = TACTIC_GUIDES[tacticId];
    if (options.json) return printJson(tactic);
    const out = [
      `${c.bold(tactic.name)} ${c.dim(`[${tactic.id}]`)}`,
      c.dim(wrap(`For: ${tactic.appliesTo}`, width, '  ', '  ')),
      wrap(personalise(tactic.principle, SOMEONE), width, '  ', '  '),
      '',
      c.bold('What to do'),
      ...tactic.actions.map((action) => wrap(personalise(action, SOMEONE), width, '  - ', '    ')),
    ];
    return void io().stdout.write(`${out.join('\n')}\n`);
  }
  const roster = RosterStore.open().read();
  if (!findPerson(roster, subject)) {
    const close = didYouMean(subject, [...STAGES, ...DISPOSITIONS, ...TACTICS, ...roster.people.map((p) => p.name)]);
    const hint = close ? `${close} ` : '';
    throw new UsageError(
      `"${inert(subject)}" is not a stage, a disposition, a tactic or a name in the roster; ${hint}Stages: ${STAGES.join(', ')} (or 1-5); dispositions: ${DISPOSITIONS.join(', ')}; cx tactics lists the tactics`,
    );
  }
  const person = requirePerson(roster, subject);
  if (options.json) {
    const {
      name,
      stage: personStage,
      disposition: personDisposition,
      tactics,
      nextStep,
    } = personJson(person, stepFor(roster, person));
    return printJson({ name, stage: personStage, disposition: personDisposition, nextStep, tactics });
  }
  io().stdout.write(`${renderProfile({ person, step: stepFor(roster, person) })}\n`);
}
