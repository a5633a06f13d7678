import { DISPOSITIONS, parseDisposition, parseStage, STAGES } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES, TACTIC_GUIDES, personalise } from '../domain/playbook.js';
import { findPerson } from '../domain/roster.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { SOMEONE, personJson, renderProfile, renderTactics } from '../render/profile.js';
import { inert, textWidth, wrap } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { didYouMean, printJson, requirePerson } from './shared.js';

/** `cx tactics <stage|disposition|name>`: a stage or disposition first, then a person in the roster. */
export function tacticsCommand(subject: string, options: { json?: boolean }): void {
  const stage = parseStage(subject);
  const disposition = parseDisposition(subject);
  const c = paint();
  const width = textWidth();
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
    return void process.stdout.write(`${out.join('\n')}\n`);
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
    return void process.stdout.write(`${out.join('\n')}\n`);
  }
  const roster = RosterStore.open().read();
  if (!findPerson(roster, subject)) {
    const close = didYouMean(subject, [...STAGES, ...DISPOSITIONS, ...roster.people.map((p) => p.name)]);
    const hint = close ? `${close} ` : '';
    throw new UsageError(
      `"${inert(subject)}" is not a stage, a disposition or a name in the roster; ${hint}Stages: ${STAGES.join(', ')} (or 1-5); dispositions: ${DISPOSITIONS.join(', ')}`,
    );
  }
  const person = requirePerson(roster, subject);
  if (options.json) {
    const { name, stage: personStage, disposition: personDisposition, tactics } = personJson(person);
    return printJson({ name, stage: personStage, disposition: personDisposition, tactics });
  }
  process.stdout.write(`${renderProfile({ person })}\n`);
}
