import { QUESTIONS } from '../domain/questionnaire.js';
import { renderQuestions } from '../render/questions.js';
import { printJson } from './shared.js';
import { io } from '../io.js';

export function questionsCommand(options: { json?: boolean }): void {
  if (options.json) {
    return printJson(
      QUESTIONS.map(({ id, section, kind, text, choices, askedWhen, askedAt }) => ({
        id,
        section,
        kind,
        text,
        choices,
        askedWhen,
        ...(askedAt ? { askedAt } : {}),
      })),
    );
  }
  io().stdout.write(renderQuestions());
}
