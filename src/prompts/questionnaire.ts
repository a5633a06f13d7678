// The interactive questionnaire: the only module that loads the prompt library, and only `cx assess`
// imports it (lazily), so no other command pays for it at start-up.
import { checkbox, input, select } from '@inquirer/prompts';
import type { Answers } from '../domain/model.js';
import { personalise } from '../domain/playbook.js';
import { QUESTIONS, UNKNOWN, answerOf, answersOf, choicesOffered, isAsked } from '../domain/questionnaire.js';
import { Interrupted } from '../errors.js';
import { paint } from '../render/color.js';
import { wrap } from '../render/text.js';
import { io } from '../io.js';

/**
 * The questions everyone is asked, numbered "(3 of 7)" with a total that never changes; a follow-up that
 * earlier answers call for is marked as one instead, so the count does not jump mid-way.
 */
const numbered = QUESTIONS.filter(
  (question) => question.section !== 'details' && question.askedWhen.length === 0 && !question.askedAt,
);
const isFollowUp = (question: (typeof QUESTIONS)[number]) => question.section !== 'details' && !numbered.includes(question);

/**
 * The questions go to stderr, the terminal the person is typing in, so that stdout carries only the
 * result: `cx assess "Dana Lee" --json > dana.json` still shows the questions.
 */
const screen = () => io().stderr;
/** The prompt library breaks long lines at the terminal's edge, mid-word: cx wraps at word ends first. */
const width = (): number => Math.max(30, (screen().columns || 80) - 4);

/** Puts a chosen answer on its own line under the question, wrapped, so long answers stay readable. */
const answerBelow = () => ({
  style: {
    // A many-choice question left empty is a "don't know", and says so rather than a bare arrow.
    answer: (text: string) =>
      `\n${paint().cyan(wrap(text.trim() === '' ? "none picked (don't know)" : text, width(), '  → ', '    '))}`,
    // Labels contain commas, so several chosen answers are kept apart with semicolons.
    renderSelectedChoices: (chosen: ReadonlyArray<{ short: string }>) => chosen.map((choice) => choice.short).join('; '),
  },
});

/**
 * Asks every question that applies, one at a time, with the previous answer (or "don't know")
 * selected, so Enter all the way through completes an assessment. Ctrl+C throws Interrupted.
 */
export async function askQuestions(name: string, previous: Answers): Promise<Answers> {
  const c = paint();
  const answers: Answers = {};
  let asked = 0;
  let detailsIntroduced = false;
  // A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends the questions like Ctrl+C: nothing saved.
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.on('SIGHUP', abort).on('SIGTERM', abort);
  const context = { signal: stop.signal, input: io().stdin, output: screen() as NodeJS.WritableStream };
  try {
    for (const question of QUESTIONS) {
      if (!isAsked(question, answers)) continue;
      const text = personalise(question.text, name);
      if (question.section === 'details') {
        if (!detailsIntroduced) {
          screen().write(c.dim('Details (optional; Enter keeps what is shown):\n'));
          detailsIntroduced = true;
        }
      }
      const progress = isFollowUp(question)
        ? `${c.dim('(follow-up)')} `
        : question.section === 'details'
          ? ''
          : `${c.dim(`(${++asked} of ${numbered.length})`)} `;
      const message = wrap(progress + text, width(), '', '  ');
      switch (question.kind) {
        case 'one': {
          const before = answerOf(previous, question.id);
          answers[question.id] = await select(
            {
              message,
              choices: question.choices.map((choice) => ({ value: choice.value, name: choice.label })),
              default: question.choices.some((choice) => choice.value === before) ? before : UNKNOWN,
              loop: false,
              theme: answerBelow(),
            },
            context,
          );
          break;
        }
        case 'many': {
          const before = answersOf(previous, question.id);
          answers[question.id] = await checkbox(
            {
              message,
              choices: choicesOffered(question, answers).map((choice) => ({
                value: choice.value,
                name: choice.label,
                checked: before.includes(choice.value),
              })),
              loop: false,
              theme: answerBelow(),
            },
            context,
          );
          break;
        }
        case 'text': {
          const before = previous[question.id];
          answers[question.id] = await input(
            {
              message,
              ...(typeof before === 'string' && before !== '' ? { default: before, prefill: 'editable' as const } : {}),
            },
            context,
          );
          break;
        }
      }
    }
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new Interrupted();
    }
    throw error;
  } finally {
    process.off('SIGHUP', abort).off('SIGTERM', abort);
  }
  return answers;
}
