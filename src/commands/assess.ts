// cx assess <name> [--answers <file|->] [--json]
import { randomUUID } from 'node:crypto';
import { now } from '../clock.js';
import { assess } from '../domain/assess.js';
import { jsonProblem } from '../domain/json.js';
import type { Answers } from '../domain/model.js';
import { displayName } from '../domain/names.js';
import { checkAnswers } from '../domain/questionnaire.js';
import { findPerson, previousAnswers, recordAssessment } from '../domain/roster.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { personJson, renderProfile } from '../render/profile.js';
import { day, inert, wrap } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { checkName, didYouMean, newNameNote, printJson, readInput, stepFor } from './shared.js';
import { io } from '../io.js';

export async function assessCommand(name: string, options: { answers?: string; json?: boolean }): Promise<void> {
  const store = RosterStore.open();
  // Read before asking anything: a roster cx cannot read stops the command before the questions.
  const roster = store.read();
  const known = findPerson(roster, name);
  // The rules for names are for new people: someone saved under a name now refused is still found.
  if (!known) checkName(name);
  const shownName = known?.name ?? displayName(name);
  // A new name close to a known one is most likely a typo: said before anything is asked or saved.
  const similar = known
    ? ''
    : didYouMean(
        name,
        roster.people.map((person) => person.name),
      );

  let answers: Answers;
  if (options.answers !== undefined) {
    answers = await readAnswers(options.answers);
  } else {
    if (!io().stdin.isTTY) {
      throw new UsageError(
        'assessing asks questions in a terminal, and stdin is not one; give the answers with --answers <file> (or --answers - to read them from stdin); cx questions lists the questions',
      );
    }
    const intro = known?.assessment
      ? `Re-assessing ${shownName}, last assessed ${day(known.assessment.at)}: the previous answers are selected; Enter keeps one. Ctrl+C stops without saving.`
      : `Assessing ${shownName}${similar ? `, who is new to the roster (${similar})` : ''}. Pick the answer that fits (arrow keys, then Enter); "Don't know" is a fine answer. Ctrl+C stops without saving.`;
    // The questions and this introduction go to the terminal (stderr); stdout keeps only the result.
    io().stderr.write(`${wrap(inert(intro), Math.max(30, (io().stderr.columns || 80) - 2), '')}\n`);
    const { askQuestions } = await import('../prompts/questionnaire.js');
    answers = await askQuestions(shownName, previousAnswers(known));
    io().stderr.write('\n');
  }

  const result = assess(answers);
  // Recorded against the roster as it is now, under the lock: changes other cx commands made while the
  // questions were open are kept.
  const outcome = await store.update('assess', (roster) => {
    const recorded = recordAssessment(roster, { name: shownName, answers, result, at: now(), newId: randomUUID });
    return {
      roster: recorded.roster,
      names: [recorded.person.name],
      result: { ...recorded, step: stepFor(recorded.roster, recorded.person) },
    };
  });

  const { person, previous, step } = outcome;
  if (options.json) {
    const { blocker, evidence, conflicts, unknowns, implied } = result;
    printJson({ ...personJson(person, step), result: { blocker, evidence, conflicts, unknowns, implied } });
  } else {
    io().stdout.write(`${renderProfile({ person, result, step, ...(previous ? { previous } : {}) })}\n`);
    io().stderr.write(
      paint().dim(`\n${previous ? 'Updated' : 'Saved'} ${inert(person.name)} in the roster (cx where shows the file).\n`),
    );
  }
  if (similar && !previous) newNameNote(person.name, similar);
}

/** Reads and checks an answers file ("-" for stdin); any problem is a usage error and nothing is saved. */
async function readAnswers(source: string): Promise<Answers> {
  const label = source === '-' ? 'stdin' : source;
  const text = await readInput(source, 'the answers file');
  let raw: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new UsageError(`the answers in ${label} are not valid JSON (${jsonProblem(error, body)}); nothing was saved`);
  }
  const checked = checkAnswers(raw);
  if (!checked.ok) throw new UsageError(`bad answers in ${label}: ${checked.problems.join('; ')}; nothing was saved`);
  // An answer the other answers do not call for is left out, as the questionnaire would not ask it: say so.
  for (const note of checked.notes ?? []) io().stderr.write(`cx: note: left out of ${inert(label)}: ${note}\n`);
  return checked.answers;
}
