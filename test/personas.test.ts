// The persona cases (test/personas.ts): what cx makes of realistic colleagues, end to end through the
// pure code: the assessment, then the first step on the day they are mapped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import type { Roster } from '../src/domain/model.js';
import { nextStep, peerFinder } from '../src/domain/next-step.js';
import { STAGE_GUIDES } from '../src/domain/playbook.js';
import { recordAssessment } from '../src/domain/roster.js';
import { PERSONAS } from './personas.js';

const DAY = new Date('2026-12-01T09:00:00Z');

function mapped(persona: (typeof PERSONAS)[number]) {
  let id = 0;
  const result = assess(persona.answers);
  return recordAssessment({ people: [] } as Roster, {
    name: persona.name,
    answers: persona.answers,
    result,
    at: DAY,
    newId: () => `id-${id++}`,
  });
}

describe('persona cases', () => {
  it('cover every pattern, with enough of the hard ones', () => {
    const count = (pattern: string) => PERSONAS.filter((persona) => persona.pattern === pattern).length;
    expect(PERSONAS.length).toBeGreaterThanOrEqual(24);
    // "Don't know" under a "yes" (or under an answer only a skeptic gives).
    expect(count('implied') + count('reason-as-evidence')).toBeGreaterThanOrEqual(4);
    const outlierReasons = new Set(
      PERSONAS.filter((persona) => persona.disposition === 'outlier').map((persona) => persona.reasons.join(',')),
    );
    expect(outlierReasons.size).toBeGreaterThanOrEqual(4);
    for (const pattern of ['conflict', 'declined-one-ask', 'priorities', 'unknown', 'ladder']) {
      expect(count(pattern), pattern).toBeGreaterThan(0);
    }
  });

  it.each(PERSONAS.map((persona) => [persona.name, persona] as const))('%s', (_, persona) => {
    const result = assess(persona.answers);
    expect({ stage: result.stage, disposition: result.disposition, reasons: result.reasons }).toEqual({
      stage: persona.stage,
      disposition: persona.disposition,
      reasons: persona.reasons,
    });
    const { person, roster } = mapped(persona);
    const step = nextStep(person, { today: DAY, peerFor: peerFinder(roster) });
    expect({ kind: step.kind, tactic: step.tactic }, step.action).toEqual(persona.first);
    expect(step.action).toContain(persona.name);
  });

  it('are the examples of "How cx decides" in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## How cx decides'), readme.indexOf('## JSON output'));
    for (const persona of PERSONAS) {
      const row = section.split('\n').find((line) => line.includes(persona.about));
      expect(row, persona.name).toBeDefined();
      expect(row).toContain(STAGE_GUIDES[persona.stage].label);
      expect(row).toContain(`\`${persona.first.tactic}\``);
    }
  });
});
