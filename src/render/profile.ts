// How a stakeholder is shown: the profile after an assessment and in `cx show`, the tactics section
// shared with `cx tactics`, and the JSON form that `--json` promises (see README, "JSON output").
import { type Assessment, DOUBTS } from '../domain/assess.js';
import type { FieldChange, HistoryEntry, ReasonId, Stakeholder, StageId } from '../domain/model.js';
import { STAGES, isOutlierReason, keptWarm, isSkepticismReason, orderedRecord, targetOf } from '../domain/model.js';
import { type NextStep, planOf, reasonsThatApply, stillToFindOut } from '../domain/next-step.js';
import { DISPOSITION_GUIDES, REASON_GUIDES, STAGE_GUIDES, TACTIC_GUIDES, type Tactic, personalise } from '../domain/playbook.js';
import { UNKNOWN, questionById } from '../domain/questionnaire.js';
import { paint } from './color.js';
import { day, inert, textWidth, wrap } from './text.js';

/** How to refer to a stakeholder in advice that is not about anyone in particular. */
export const SOMEONE = 'the stakeholder';

export interface ProfileView {
  person: Stakeholder;
  /** The assessment behind the person's stage, for the "why" section. */
  result?: Assessment;
  /** The record before this assessment, to say what moved. */
  previous?: Stakeholder;
  /** Show the history of changes (cx show). */
  history?: boolean;
  /** The one next step (next-step.ts), shown first among the advice. */
  step?: NextStep;
}

const stageLabel = (stage: StageId | null): string => (stage ? STAGE_GUIDES[stage].label : 'not assessed');

export function renderProfile(view: ProfileView): string {
  const c = paint();
  const { person, result, previous } = view;
  const name = inert(person.name);
  const width = textWidth();
  const out: string[] = [];
  const about = [person.role, person.team].filter(Boolean).map((text) => inert(String(text)));
  if (person.influence) about.push(`influence ${person.influence}`);
  out.push(c.bold(name) + (about.length ? c.dim(`  (${about.join(', ')})`) : ''));
  out.push('');

  const field = (label: string, value: string) => `  ${c.dim(label.padEnd(13))}${value}`;
  if (person.stage) {
    const guide = STAGE_GUIDES[person.stage];
    out.push(field('Stage', `${c.bold(guide.label)} ${c.dim(`(${guide.number} of ${STAGES.length})`)}  "${guide.voice}"`));
    if (result?.blocker?.answer === UNKNOWN && result.stage === person.stage) {
      const findOut = !view.step || view.step.kind === 'find-out';
      out.push(
        field(
          '',
          c.yellow(
            `not confirmed: "${result.blocker.question}" was "don't know"${findOut ? ', so start with what to find out' : ''}`,
          ),
        ),
      );
    }
  } else {
    out.push(field('Stage', c.yellow('not assessed yet')));
  }
  const moved = movement(person, previous);
  if (moved) out.push(field('', moved));
  const assessed = person.assessment;
  if (assessed && person.stageSource && person.stageSource !== 'assess' && assessed.stage !== person.stage) {
    out.push(
      field(
        '',
        c.dim(
          `your judgement (cx ${person.stageSource}); the assessment of ${day(assessed.at)} said ${stageLabel(assessed.stage)}`,
        ),
      ),
    );
  }
  const reasons = reasonsThatApply(person);
  const labels = (ids: ReasonId[]) => ids.map((id) => REASON_GUIDES[id].label.toLowerCase()).join('; ');
  const doubts = reasons.filter((id) => isSkepticismReason(id) && (person.stage === 'skepticism' || !isOutlierReason(id)));
  if (doubts.length) out.push(field('Doubt', labels(doubts)));
  if (person.disposition) {
    const why = reasons.filter((id) => isOutlierReason(id) && id !== 'conflicting-priorities' && !doubts.includes(id));
    const label = DISPOSITION_GUIDES[person.disposition].label;
    out.push(field('Disposition', c.bold(label) + (why.length ? `: ${labels(why)}` : '')));
  }
  if (reasons.includes('conflicting-priorities')) out.push(field('Held back', labels(['conflicting-priorities'])));
  if (person.stage && (person.target || person.stage !== 'action')) {
    const target = targetOf(person);
    const gap = STAGE_GUIDES[target].number - STAGE_GUIDES[person.stage].number;
    out.push(
      field(
        'Target',
        `${STAGE_GUIDES[target].label}${person.target ? '' : c.dim(' (the default)')}${c.dim(
          gap > 0
            ? `  ${gap} ${gap === 1 ? 'stage' : 'stages'} to go`
            : gap === 0
              ? '  reached: keep them warm'
              : '  past it: keep them warm',
        )}`,
      ),
    );
  }
  if (person.confidence) {
    const issues = result ? confidenceWhy(result) : '';
    out.push(field('Confidence', `${confidenceColour(person.confidence)}${issues ? c.dim(`  ${issues}`) : ''}`));
  }
  if (person.assessment) out.push(field('Assessed', day(person.assessment.at)));
  if (person.notes) out.push(wrap(inert(person.notes), width, `  ${c.dim('Notes'.padEnd(13))}`, ' '.repeat(15)));

  if (result) {
    out.push(
      '',
      c.bold(
        person.assessment && person.assessment.stage !== person.stage
          ? `Why the assessment said ${stageLabel(result.stage)}`
          : 'Why',
      ),
    );
    for (const item of result.evidence) {
      const isConflict = result.conflicts.includes(item);
      const implied = result.implied.includes(item.question);
      const mark = isConflict ? c.red('!') : item.answer === UNKNOWN && !implied ? c.yellow('?') : c.green('·');
      const answer = item.answer === UNKNOWN ? "don't know" : item.answer;
      out.push(wrap(`${item.question} = ${answer}: ${item.finding}`, width, `  ${mark} `, '    '));
    }
    if (result.conflicts.length > 0) {
      out.push(
        '',
        wrap(
          `${c.red('Conflicting answers:')} ${result.gaps.length > 0 ? `cx places ${name} by what they did, and adds the step they skipped to the advice. ` : ''}Check the answers marked ! with ${name} or with someone who knows.`,
          width,
          '  ',
        ),
      );
    }
    const toFindOut = stillToFindOut(person, result)
      .map((id) => questionById(id).findOut)
      .filter((text): text is string => !!text);
    if (toFindOut.length > 0) {
      out.push('', c.bold('To find out'));
      for (const text of toFindOut) out.push(wrap(personalise(text, name), width, '  ? ', '    '));
    }
  }

  if (reasons.length > 0) {
    out.push('', c.bold('Their reasons'));
    for (const reason of reasons) {
      const guide = REASON_GUIDES[reason];
      out.push(wrap(`${guide.label}: ${guide.description}`, width, '  • ', '    '));
    }
  }
  if (view.step) out.push('', c.bold('Next step'), ...renderStep(view.step, width));
  const tactics = planOf(person).map((id) => TACTIC_GUIDES[id]);
  if (tactics.length > 0) {
    out.push('', c.bold(view.step ? 'The plan, move by move' : 'What to do next'));
    out.push(renderTactics(tactics, { ...person, name }, width, PROFILE_ACTIONS));
  }
  if (person.stage && (person.stage === 'action' || !keptWarm(person))) {
    const guide = STAGE_GUIDES[person.stage];
    const next =
      person.stage === 'action'
        ? 'signs they keep it going'
        : `signs ${name} has reached ${STAGE_GUIDES[STAGES[guide.number] as StageId].label}`;
    out.push('', c.bold(`Watch for ${next}`));
    for (const signal of guide.nextSignals) out.push(wrap(signal, width, '  • ', '    '));
  }
  if (view.history && person.log?.length) {
    out.push('', c.bold('Log'));
    for (const entry of person.log.slice(-10)) {
      const tactic = entry.tactic ? c.dim(` [${entry.tactic}${entry.outcome ? `: ${entry.outcome}` : ''}]`) : '';
      out.push(wrap(`${entry.on} ${inert(entry.text)}${tactic}`, width, '  ', '             '));
    }
    if (person.log.length > 10) out.push(c.dim(`  (${person.log.length - 10} earlier entries: cx show --json lists them all)`));
  }
  if (view.history && person.history.length > 0) {
    out.push('', c.bold('History'));
    for (const entry of person.history.slice(-10)) out.push(wrap(historyLine(entry), width, '  ', '    '));
    if (person.history.length > 10)
      out.push(c.dim(`  (${person.history.length - 10} earlier changes: cx show --json lists them all)`));
  }
  return out.join('\n');
}

/** How many actions per tactic a profile shows; `cx tactics` shows them all. */
const PROFILE_ACTIONS = 3;

/** The next step: what to do, which tactic it is, and why. */
export function renderStep(step: NextStep, width = textWidth(), indent = '  '): string[] {
  const c = paint();
  const how =
    step.kind === 'tactic' || step.kind === 'follow-up' || step.kind === 'keep-warm'
      ? `${TACTIC_GUIDES[step.tactic].name} [${step.tactic}]`
      : step.kind === 'find-out'
        ? `${KIND_LABELS[step.kind]} [${step.tactic}]`
        : KIND_LABELS[step.kind]; // an assessment is no playbook tactic: --json still says which one it serves
  return [
    wrap(inert(step.action), width, `${indent}${c.cyan('→')} `, `${indent}  `),
    wrap(
      `${step.kind === 'follow-up' ? 'Follow-up: ' : ''}${how}.${step.why.length ? ` Why: ${inert(step.why.join('; '))}.` : ''}`,
      width,
      `${indent}  `,
      `${indent}  `,
    ),
  ];
}

/** How the steps that are not a playbook tactic are named. */
export const KIND_LABELS = { assess: 'Assessment', reassess: 'Re-assessment', 'find-out': 'Find out' } as const;

/** The numbered tactics with their principle and actions, personalised for someone. */
export function renderTactics(
  tactics: Tactic[],
  who: string | { name: string; team?: string | undefined },
  width = textWidth(),
  most = Infinity,
): string {
  const c = paint();
  return tactics
    .map((tactic, index) =>
      [
        `  ${index + 1}. ${c.bold(tactic.name)} ${c.dim(`[${tactic.id}]`)}`,
        wrap(personalise(tactic.principle, who), width, '     ', '     '),
        ...tactic.actions.slice(0, most).map((action) => wrap(personalise(action, who), width, '     - ', '       ')),
      ].join('\n'),
    )
    .join('\n\n');
}

function movement(person: Stakeholder, previous: Stakeholder | undefined): string | undefined {
  if (!previous) return undefined;
  // Someone in the roster but never assessed (added with cx set or cx import): their first assessment.
  if (!previous.assessment) {
    const source = previous.stageSource && previous.stageSource !== 'assess' ? ` (set by cx ${previous.stageSource})` : '';
    return previous.stage
      ? `first assessment; the stage before was ${stageLabel(previous.stage)}${source}${previous.stage === person.stage ? ', and it holds' : ''}`
      : 'first assessment';
  }
  const since = day(previous.assessment.at);
  const parts: string[] = [];
  if (previous.stage !== person.stage) parts.push(`${stageLabel(previous.stage)} → ${stageLabel(person.stage)}`);
  if (previous.disposition !== person.disposition && previous.disposition && person.disposition) {
    parts.push(`${DISPOSITION_GUIDES[previous.disposition].label} → ${DISPOSITION_GUIDES[person.disposition].label}`);
  }
  return parts.length > 0 ? `${parts.join(', ')} since the assessment of ${since}` : `no change since the assessment of ${since}`;
}

function confidenceWhy(result: Assessment): string {
  const unknowns = result.unknowns.filter((id) => DOUBTS.has(id)).length;
  const parts: string[] = [];
  if (result.conflicts.length)
    parts.push(`${result.conflicts.length} conflicting answer${result.conflicts.length > 1 ? 's' : ''}`);
  if (unknowns) parts.push(`${unknowns} "don't know"`);
  return parts.join(', ');
}

function confidenceColour(confidence: string): string {
  const c = paint();
  return confidence === 'high' ? c.green(confidence) : confidence === 'medium' ? c.yellow(confidence) : c.red(confidence);
}

/** A list of field changes in words; a list that starts from nothing reads "added: ...". */
export function describeFieldChanges(changes: FieldChange[]): string {
  if (changes.some((change) => change.field === 'name' && change.from === null)) {
    const fields = changes.filter((change) => change.field !== 'name');
    return fields.length ? `added: ${fields.map((change) => `${change.field} ${show(change.to)}`).join(', ')}` : 'added';
  }
  if (changes.length === 0) return 'no change';
  // An unset target is Action, the default.
  const value = (field: string, value: unknown) =>
    field === 'target' && (value === null || value === undefined) ? 'action' : show(value);
  return changes
    .map((change) => `${change.field} ${value(change.field, change.from)} → ${value(change.field, change.to)}`)
    .join('; ');
}

const historyLine = (entry: HistoryEntry): string => `${day(entry.at)} ${entry.source}: ${describeFieldChanges(entry.changes)}`;

const show = (value: unknown): string =>
  value === null || value === undefined
    ? '–'
    : Array.isArray(value)
      ? value.length
        ? value.join(', ')
        : '–'
      : inert(String(value));

/**
 * The `--json` form of a person: the record, name/stage/disposition first, then what applies now: their
 * target (Action unless set), the next step (when worked out), the tactics and the signals to watch for.
 */
export function personJson(person: Stakeholder, step?: NextStep): Record<string, unknown> {
  const { stage } = person;
  return {
    ...orderedRecord(person),
    target: targetOf(person),
    log: person.log ?? [],
    ...(step ? { nextStep: step } : {}),
    tactics: planOf(person)
      .map((id) => TACTIC_GUIDES[id])
      .map((tactic) => ({
        id: tactic.id,
        name: tactic.name,
        principle: tactic.principle,
        actions: tactic.actions.map((action) => personalise(action, person)),
      })),
    nextSignals: stage ? STAGE_GUIDES[stage].nextSignals : [],
  };
}
