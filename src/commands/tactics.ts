// cx tactics [stage|disposition|tactic|name] [--json]
import { DISPOSITIONS, STAGES, TACTICS, foldId, parseDisposition, parseStage } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES, TACTIC_GUIDES } from '../domain/playbook.js';
import { findPerson } from '../domain/roster.js';
import { UsageError } from '../errors.js';
import { io } from '../io.js';
import { renderDispositionGuide, renderStageGuide, renderTactic, renderTacticList } from '../render/playbook.js';
import { personJson, renderProfile } from '../render/profile.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { didYouMean, printJson, requirePerson, stepFor } from './shared.js';

/**
 * `cx tactics [stage|disposition|tactic|name]`: a stage, a disposition or a tactic id first, then a person
 * in the roster; without a subject, every tactic (the ids `cx log --tactic` takes).
 */
export function tacticsCommand(subject: string | undefined, options: { json?: boolean }): void {
  const write = (text: string) => void io().stdout.write(text);
  if (subject === undefined) {
    return options.json ? printJson(TACTICS.map((id) => TACTIC_GUIDES[id])) : write(renderTacticList());
  }
  const stage = parseStage(subject);
  if (stage) {
    const guide = STAGE_GUIDES[stage];
    return options.json
      ? printJson({ ...guide, tactics: guide.tactics.map((id) => TACTIC_GUIDES[id]) })
      : write(renderStageGuide(stage));
  }
  const disposition = parseDisposition(subject);
  if (disposition) {
    const guide = DISPOSITION_GUIDES[disposition];
    return options.json
      ? printJson({ ...guide, tactics: guide.tactics.map((id) => TACTIC_GUIDES[id]) })
      : write(renderDispositionGuide(disposition));
  }
  const tactic = TACTICS.find((id) => foldId(id) === foldId(subject));
  if (tactic) return options.json ? printJson(TACTIC_GUIDES[tactic]) : write(renderTactic(tactic));

  const roster = RosterStore.open().read();
  if (!findPerson(roster, subject)) {
    const close = didYouMean(subject, [...STAGES, ...DISPOSITIONS, ...TACTICS, ...roster.people.map((p) => p.name)]);
    const hint = close ? `${close} ` : '';
    throw new UsageError(
      `"${inert(subject)}" is not a stage, a disposition, a tactic or a name in the roster; ${hint}Stages: ${STAGES.join(', ')} (or 1-5); dispositions: ${DISPOSITIONS.join(', ')}; cx tactics lists the tactics`,
    );
  }
  const person = requirePerson(roster, subject);
  const step = stepFor(roster, person);
  if (options.json) {
    const { name, stage: personStage, disposition: personDisposition, tactics, nextStep } = personJson(person, step);
    return printJson({ name, stage: personStage, disposition: personDisposition, nextStep, tactics });
  }
  write(`${renderProfile({ person, step })}\n`);
}
