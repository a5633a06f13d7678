import { QUESTIONS } from '../domain/questionnaire.js';
import { paint } from '../render/color.js';
import { textWidth, wrap } from '../render/text.js';
import { SOMEONE } from '../render/profile.js';
import { personalise } from '../domain/playbook.js';
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
  const c = paint();
  const width = textWidth();
  const out: string[] = [
    wrap(
      'Answer these with cx assess <name>, or put { "id": "value" } pairs in a JSON file for --answers. A question you leave out counts as "don\'t know".',
      width,
      '',
    ),
  ];
  for (const question of QUESTIONS) {
    out.push(
      '',
      `${c.bold(question.id)}  ${c.dim(`(${question.section}${question.kind === 'many' ? ', a list of values' : ''})`)}`,
    );
    out.push(wrap(personalise(question.text, SOMEONE), width, '  '));
    if (question.askedAt) {
      out.push(c.dim(`  only when the answers above place them at ${question.askedAt.join(' or ')}`));
    }
    if (question.askedWhen.length > 0) {
      out.push(
        c.dim(`  only when ${question.askedWhen.map((when) => `${when.question} is ${when.values.join(' or ')}`).join(', or ')}`),
      );
    }
    if (question.kind === 'text') out.push(`    ${c.cyan('any text')}`);
    for (const choice of question.choices) {
      out.push(wrap(choice.label, width, `    ${c.cyan(choice.value.padEnd(18))} `, ' '.repeat(23)));
    }
  }
  io().stdout.write(`${out.join('\n')}\n`);
}
