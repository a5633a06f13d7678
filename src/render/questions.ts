// The questionnaire on the screen (cx questions): every question id, when it is asked, its choices.
import { personalise } from '../domain/playbook.js';
import { QUESTIONS } from '../domain/questionnaire.js';
import { paint } from './color.js';
import { SOMEONE } from './profile.js';
import { textWidth, wrap } from './text.js';

export function renderQuestions(width = textWidth()): string {
  const c = paint();
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
  return `${out.join('\n')}\n`;
}
