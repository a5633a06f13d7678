import { describe, expect, it } from 'vitest';

import { DISPOSITIONS, OUTLIER_REASONS, REASONS, SKEPTICISM_REASONS, STAGES, TACTICS, stageNumber } from '../src/domain/model.js';
import type { DispositionId, ReasonId, StageId, TacticId } from '../src/domain/model.js';
import {
  DISPOSITION_GUIDES,
  REASON_GUIDES,
  STAGE_GUIDES,
  TACTIC_GUIDES,
  personalise,
  tacticIdsFor,
  tacticsFor,
} from '../src/domain/playbook.js';
import type { TacticProfile } from '../src/domain/playbook.js';
import { type QuestionId, questionById } from '../src/domain/questionnaire.js';

/** Every string inside a value, however deeply nested. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

const ALL_GUIDES = { TACTIC_GUIDES, STAGE_GUIDES, DISPOSITION_GUIDES, REASON_GUIDES };

describe('guides cover every id', () => {
  it.each(STAGES)('stage %s has a guide with the matching id and number', (stage) => {
    expect(STAGE_GUIDES[stage]?.id).toBe(stage);
    expect(STAGE_GUIDES[stage].number).toBe(stageNumber(stage));
  });

  it.each(DISPOSITIONS)('disposition %s has a guide with the matching id', (disposition) => {
    expect(DISPOSITION_GUIDES[disposition]?.id).toBe(disposition);
  });

  it.each(REASONS)('reason %s has a guide with the matching id', (reason) => {
    expect(REASON_GUIDES[reason]?.id).toBe(reason);
  });

  it.each(TACTICS)('tactic %s has a guide with the matching id', (tactic) => {
    expect(TACTIC_GUIDES[tactic]?.id).toBe(tactic);
  });

  it('has no guides for unknown ids', () => {
    expect(Object.keys(STAGE_GUIDES).sort()).toEqual([...STAGES].sort());
    expect(Object.keys(DISPOSITION_GUIDES).sort()).toEqual([...DISPOSITIONS].sort());
    expect(Object.keys(REASON_GUIDES).sort()).toEqual([...REASONS].sort());
    expect(Object.keys(TACTIC_GUIDES).sort()).toEqual([...TACTICS].sort());
  });
});

describe('labels', () => {
  it.each<[StageId, string]>([
    ['ignorance', 'Ignorance'],
    ['skepticism', 'Skepticism'],
    ['buy-in', 'Buy-in'],
    ['commitment', 'Commitment'],
    ['action', 'Action'],
  ])('stage %s is labelled %s', (stage, label) => {
    expect(STAGE_GUIDES[stage].label).toBe(label);
  });

  it.each<[DispositionId, string]>([
    ['advocate', 'Advocate'],
    ['fence-sitter', 'Fence-sitter'],
    ['outlier', 'Outlier'],
  ])('disposition %s is labelled %s', (disposition, label) => {
    expect(DISPOSITION_GUIDES[disposition].label).toBe(label);
  });

  it('stage voices carry no quotation marks', () => {
    for (const stage of STAGES) expect(STAGE_GUIDES[stage].voice).not.toMatch(/["“”‘’]|^'|'$/);
  });
});

describe('guide content', () => {
  it.each(TACTICS)('tactic %s has a name, principle, audience and at least 3 distinct actions', (tactic) => {
    const guide = TACTIC_GUIDES[tactic];
    expect(guide.name.trim()).not.toBe('');
    expect(guide.principle.trim()).not.toBe('');
    expect(guide.appliesTo.trim()).not.toBe('');
    expect(guide.actions.length).toBeGreaterThanOrEqual(3);
    for (const action of guide.actions) expect(action.trim()).not.toBe('');
    expect(new Set(guide.actions).size).toBe(guide.actions.length);
  });

  it.each(STAGES)('stage %s has voice, truth, goal, tactics and at least 2 next signals', (stage) => {
    const guide = STAGE_GUIDES[stage];
    for (const text of [guide.voice, guide.truth, guide.goal]) expect(text.trim()).not.toBe('');
    expect(guide.tactics.length).toBeGreaterThan(0);
    expect(guide.nextSignals.length).toBeGreaterThanOrEqual(2);
    for (const signal of guide.nextSignals) expect(signal.trim()).not.toBe('');
    expect(new Set(guide.nextSignals).size).toBe(guide.nextSignals.length);
  });

  it.each(DISPOSITIONS)('disposition %s has a description, approach and tactics', (disposition) => {
    const guide = DISPOSITION_GUIDES[disposition];
    expect(guide.looksLike.trim()).not.toBe('');
    expect(guide.approach.trim()).not.toBe('');
    expect(guide.tactics.length).toBeGreaterThan(0);
  });

  it.each(REASONS)('reason %s has a label, description, approach and the right kind', (reason) => {
    const guide = REASON_GUIDES[reason];
    expect(guide.label.trim()).not.toBe('');
    expect(guide.description.trim()).not.toBe('');
    expect(guide.approach.trim()).not.toBe('');
    const kind = (SKEPTICISM_REASONS as readonly string[]).includes(reason)
      ? 'skepticism'
      : (OUTLIER_REASONS as readonly string[]).includes(reason) && reason !== 'conflicting-priorities'
        ? 'outlier'
        : 'follow-through';
    expect(guide.kind).toBe(kind);
    expect(TACTIC_GUIDES[guide.move]).toBeDefined();
  });

  it('gives every reason its own approach', () => {
    const approaches = REASONS.map((reason) => REASON_GUIDES[reason].approach);
    expect(new Set(approaches).size).toBe(REASONS.length);
  });

  it('uses no placeholder other than {name}, {area} and {peer}', () => {
    for (const text of allStrings(ALL_GUIDES)) {
      expect(text.replaceAll('{name}', '').replaceAll('{area}', '').replaceAll('{peer}', ''), text).not.toMatch(/[{}]/);
    }
  });

  it('has no blank, padded or multi-line strings', () => {
    for (const text of allStrings(ALL_GUIDES)) {
      expect(text, JSON.stringify(text)).toBe(text.trim());
      expect(text).not.toBe('');
      expect(text).not.toMatch(/\n/);
    }
  });
});

describe('tacticIdsFor', () => {
  const profile = (stage: StageId | null, disposition: DispositionId | null, reasons: ReasonId[] = []): TacticProfile => ({
    stage,
    disposition,
    reasons,
  });

  it.each<[string, TacticProfile, TacticId[]]>([
    ['nothing known', profile(null, null), []],
    ['ignorance only', profile('ignorance', null), ['educate']],
    ['skepticism, no reason', profile('skepticism', null), ['business-case', 'outside-authority']],
    ['skepticism, roi-unclear', profile('skepticism', null, ['roi-unclear']), ['business-case']],
    ['skepticism, resists-change', profile('skepticism', null, ['resists-change']), ['outside-authority']],
    [
      'skepticism, both reasons',
      profile('skepticism', null, ['resists-change', 'roi-unclear']),
      ['business-case', 'outside-authority'],
    ],
    ['skepticism, only an outlier reason', profile('skepticism', null, ['financial']), ['business-case', 'outside-authority']],
    ['buy-in only', profile('buy-in', null), ['scarcity']],
    ['commitment only', profile('commitment', null), ['social-proof']],
    ['action only', profile('action', null), ['nurture-followers']],
    ['advocate only', profile(null, 'advocate'), ['enlist']],
    ['fence-sitter only', profile(null, 'fence-sitter'), ['understand-why']],
    ['outlier only, no reason', profile(null, 'outlier'), ['understand-why', 'co-lead', 'spotlight']],
    ['outlier only, with a reason', profile(null, 'outlier', ['already-doing-it']), ['co-lead', 'spotlight']],
    ['ignorance advocate: educated before they are enlisted', profile('ignorance', 'advocate'), ['educate']],
    ['skepticism advocate, roi-unclear', profile('skepticism', 'advocate', ['roi-unclear']), ['business-case']],
    ['buy-in fence-sitter', profile('buy-in', 'fence-sitter'), ['understand-why', 'scarcity']],
    [
      'action fence-sitter: doing the work, so nurtured first',
      profile('action', 'fence-sitter'),
      ['nurture-followers', 'understand-why'],
    ],
    ['ignorance fence-sitter: the first conversation finds out', profile('ignorance', 'fence-sitter'), ['educate']],
    ['buy-in, other work keeps winning', profile('buy-in', null, ['conflicting-priorities']), ['make-room', 'scarcity']],
    [
      'commitment, other work keeps winning',
      profile('commitment', 'advocate', ['conflicting-priorities']),
      ['social-proof', 'make-room', 'enlist'],
    ],
    [
      'buy-in fence-sitter, other work keeps winning',
      profile('buy-in', 'fence-sitter', ['conflicting-priorities']),
      ['make-room', 'scarcity'],
    ],
    ['buy-in fence-sitter, cost concerns', profile('buy-in', 'fence-sitter', ['financial']), ['cost-case', 'scarcity']],
    [
      'commitment advocate who skipped understanding (a gap)',
      { ...profile('commitment', 'advocate'), gaps: ['ignorance'] },
      ['social-proof', 'educate', 'enlist'],
    ],
    ['commitment advocate', profile('commitment', 'advocate'), ['social-proof', 'enlist']],
    ['action advocate', profile('action', 'advocate'), ['nurture-followers', 'enlist']],
    ['skepticism fence-sitter, roi-unclear', profile('skepticism', 'fence-sitter', ['roi-unclear']), ['business-case']],
    ['ignorance outlier, no reason', profile('ignorance', 'outlier'), ['understand-why', 'co-lead', 'spotlight', 'educate']],
    [
      'action outlier, already-doing-it',
      profile('action', 'outlier', ['already-doing-it']),
      ['co-lead', 'spotlight', 'nurture-followers'],
    ],
    [
      'commitment outlier, unclear-role',
      profile('commitment', 'outlier', ['unclear-role']),
      ['agree-roles', 'co-lead', 'spotlight', 'social-proof'],
    ],
    [
      'action outlier, already doing it and unclear roles: the lines agreed before the lead is shared',
      profile('action', 'outlier', ['already-doing-it', 'unclear-role']),
      ['agree-roles', 'co-lead', 'spotlight', 'nurture-followers'],
    ],
    ['buy-in outlier, financial', profile('buy-in', 'outlier', ['financial']), ['cost-case', 'co-lead', 'spotlight', 'scarcity']],
    ['buy-in outlier, operational', profile('buy-in', 'outlier', ['operational']), ['pilot', 'co-lead', 'spotlight', 'scarcity']],
    [
      'ignorance outlier, other',
      profile('ignorance', 'outlier', ['other']),
      ['understand-why', 'co-lead', 'spotlight', 'educate'],
    ],
    [
      'buy-in outlier, other work keeps winning',
      profile('buy-in', 'outlier', ['conflicting-priorities']),
      ['make-room', 'co-lead', 'spotlight', 'scarcity'],
    ],
    [
      'skepticism outlier, resists-change only',
      profile('skepticism', 'outlier', ['resists-change']),
      ['outside-authority', 'co-lead', 'spotlight'],
    ],
    [
      'skepticism outlier, both kinds of reason',
      profile('skepticism', 'outlier', ['roi-unclear', 'operational']),
      ['pilot', 'co-lead', 'spotlight', 'business-case'],
    ],
    [
      'skepticism outlier, no reason',
      profile('skepticism', 'outlier'),
      ['understand-why', 'co-lead', 'spotlight', 'business-case', 'outside-authority'],
    ],
  ])('%s', (_label, input, expected) => {
    expect(tacticIdsFor(input)).toEqual(expected);
  });

  it('never returns duplicates', () => {
    const reasonSets: ReasonId[][] = [[], ...REASONS.map((reason) => [reason]), [...REASONS]];
    for (const stage of [null, ...STAGES]) {
      for (const disposition of [null, ...DISPOSITIONS]) {
        for (const reasons of reasonSets) {
          const ids = tacticIdsFor({ stage, disposition, reasons });
          expect(new Set(ids).size).toBe(ids.length);
        }
      }
    }
  });

  it.each<[ReasonId, TacticId]>([
    ['already-doing-it', 'co-lead'],
    ['unclear-role', 'agree-roles'],
    ['financial', 'cost-case'],
    ['operational', 'pilot'],
    ['resists-change', 'outside-authority'],
    ['conflicting-priorities', 'make-room'],
    ['other', 'understand-why'],
  ])('an outlier whose reason is %s starts with %s, then co-leads, then the spotlight', (reason, first) => {
    const ids = tacticIdsFor(profile('buy-in', 'outlier', [reason]));
    expect(ids.slice(0, first === 'co-lead' ? 2 : 3)).toEqual(
      first === 'co-lead' ? ['co-lead', 'spotlight'] : [first, 'co-lead', 'spotlight'],
    );
  });

  it('has a first move for every reason an outlier may give', () => {
    expect(OUTLIER_REASONS.map((reason) => tacticIdsFor(profile(null, 'outlier', [reason]))[0])).not.toContain(undefined);
  });

  it('tacticsFor returns the same tactics as objects, in order', () => {
    const input = profile('skepticism', 'outlier', ['roi-unclear']);
    expect(tacticsFor(input).map((tactic) => tactic.id)).toEqual(tacticIdsFor(input));
    expect(tacticsFor(input)[0]).toBe(TACTIC_GUIDES['understand-why']);
  });
});

describe('every tactic has a place', () => {
  it('is reached from a stage, a disposition or a reason, or keeps someone at their target warm', () => {
    const used = new Set([
      ...STAGES.flatMap((stage) => STAGE_GUIDES[stage].tactics),
      ...DISPOSITIONS.flatMap((disposition) => DISPOSITION_GUIDES[disposition].tactics),
      ...REASONS.map((reason) => REASON_GUIDES[reason].move),
      'keep-warm',
    ]);
    expect([...used].sort()).toEqual([...TACTICS].sort());
  });
});

describe('what each action waits for', () => {
  it.each(Object.values(TACTIC_GUIDES).map((tactic) => [tactic.id, tactic] as const))(
    '%s says it for every action, and only for its actions',
    (_, tactic) => {
      expect(tactic.awaits).toHaveLength(tactic.actions.length);
    },
  );

  it.each(Object.values(TACTIC_GUIDES).flatMap((tactic) => (tactic.gives ? [[tactic.id, tactic.gives] as const] : [])))(
    '%s gives at actions it has, and is no contribution as a whole',
    (id, gives) => {
      for (const index of gives) expect(TACTIC_GUIDES[id].actions[index]).toBeDefined();
      expect(TACTIC_GUIDES[id].contribution).toBe(false);
    },
  );

  it.each(Object.values(TACTIC_GUIDES).flatMap((tactic) => (tactic.leadsWith ? [[tactic.id, tactic.leadsWith] as const] : [])))(
    '%s leads with an action it has, for an answer the questionnaire offers',
    (id, lead) => {
      expect(TACTIC_GUIDES[id].actions[lead.action]).toBeDefined();
      expect(questionById(lead.question as QuestionId).choices.map((choice) => choice.value)).toContain(lead.answer);
    },
  );
});

describe('personalise', () => {
  it.each<[string, string, string]>([
    ['Book 30 minutes with {name}.', 'Priya', 'Book 30 minutes with Priya.'],
    ['{name}, then {name} again, and {name}', 'Sam', 'Sam, then Sam again, and Sam'],
    ['{name}{name}', 'Jo', 'JoJo'],
    ['No placeholder here.', 'Sam', 'No placeholder here.'],
    ['Ask {name} and {Name}', 'Lee', 'Ask Lee and {Name}'],
    ['Thank {name}.', 'A $& B $1', 'Thank A $& B $1.'],
    ['Thank {name}.', '{name}', 'Thank {name}.'],
  ])('personalise(%j, %j)', (text, name, expected) => {
    expect(personalise(text, name)).toBe(expected);
  });

  it.each<[string, { name: string; team?: string }, string]>([
    ['Ask {name} about {area}.', { name: 'Dana', team: 'the contact centre' }, 'Ask Dana about the contact centre.'],
    ['Ask {name} about {area}.', { name: 'Dana' }, 'Ask Dana about their area.'],
    ['{area}', { name: '{area}', team: '{name}' }, '{name}'],
    ['{name} in {area}', { name: '{area}', team: 'Ops' }, '{area} in Ops'],
    ["Put it in {area}'s plan.", { name: 'Tom', team: 'Support Americas' }, "Put it in Support Americas' plan."],
    ["Put it in {area}'s plan.", { name: 'Tom', team: 'Finance' }, "Put it in Finance's plan."],
    ["Put it in {area}'s plan.", { name: 'Tom' }, "Put it in their area's plan."],
    ["{area}'s {name}", { name: "{area}'s", team: '{name}' }, "{name}'s {area}'s"],
  ])('personalise(%j, %j) fills in the team', (text, who, expected) => {
    expect(personalise(text, who)).toBe(expected);
  });

  it('leaves no {name} in any personalised guide text', () => {
    for (const text of allStrings(ALL_GUIDES)) expect(personalise(text, 'Dana')).not.toContain('{name}');
  });
});
