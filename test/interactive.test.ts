// The interactive questionnaire, driven through a pseudo-terminal against the built binary.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BIN, assessWith, rosterBytes, tempDir } from './helpers/cli.js';
import { KEY, Terminal, noTerminal } from './helpers/pty.js';

const { up, down, enter, space, ctrlC } = KEY;
const saved = (dir: string) => JSON.parse(rosterBytes(dir) ?? '{"people":[]}').people;

let terminal: Terminal | undefined;
afterEach(() => terminal?.kill());

describe.skipIf(noTerminal)('cx assess, interactively', () => {
  it('asks the questions with progress, follows up where relevant, and saves the person', async () => {
    const dir = tempDir();
    terminal = new Terminal(['assess', 'Dana Lee'], dir, { CX_NOW: '2026-11-02T09:00:00Z' });
    await terminal.answer('(1 of 7) Does Dana Lee understand CX', up, up, up, enter); // Yes
    await terminal.answer('(2 of 7) Does Dana Lee see CX as relevant', up, enter); // No: a follow-up is due
    // The count stays "of 7" throughout: the follow-ups are marked as such.
    await terminal.answer('(3 of 7) Has Dana Lee said', enter); // Don't know
    await terminal.answer('(follow-up) What seems to hold Dana Lee back?', up, up, up, enter); // roi-unclear
    await terminal.answer('(4 of 7) In the last three months', enter);
    await terminal.answer('(5 of 7) In the last four weeks', enter);
    await terminal.answer('(6 of 7) When CX comes up', up, enter); // resistant: another follow-up
    await terminal.answer('(7 of 7) The last time Dana Lee was invited', enter);
    await terminal.answer('(follow-up) Why might Dana Lee be holding back?', down, down, space, enter); // financial
    await terminal.answer("How much does Dana Lee's support matter", up, up, up, enter); // high
    await terminal.answer("Dana Lee's role (optional)", ...'VP Operations', enter);
    await terminal.answer("Dana Lee's team (optional)", enter);
    await terminal.waitFor('Stage        Skepticism (2 of 5)');
    expect(await terminal.exited).toBe(0);
    expect(terminal.text).toMatch(/Doubt\s+return unclear\n/);
    expect(terminal.text).toMatch(/Disposition\s+Outlier: cost concerns\n/);
    expect(terminal.text).toContain('[co-lead]');
    expect(saved(dir)).toMatchObject([
      {
        name: 'Dana Lee',
        stage: 'skepticism',
        disposition: 'outlier',
        reasons: ['roi-unclear', 'financial'],
        role: 'VP Operations',
        influence: 'high',
        assessment: {
          answers: {
            understands: 'yes',
            relevant: 'no',
            endorses: 'unknown',
            'doubt-reason': 'roi-unclear',
            stance: 'resistant',
            'outlier-reasons': ['financial'],
          },
        },
      },
    ]);
    expect(saved(dir)[0]).not.toHaveProperty('team');
  });

  it('says "none picked" for a list question left empty, not a bare arrow', async () => {
    const dir = tempDir();
    terminal = new Terminal(['assess', 'Uma Singh'], dir);
    for (const prompt of ['(1 of 7)', '(2 of 7)', '(3 of 7)', '(4 of 7)', '(5 of 7)']) await terminal.answer(prompt, enter);
    await terminal.answer('(6 of 7) When CX comes up', up, enter); // resistant: why is asked
    await terminal.answer('(7 of 7)', enter);
    await terminal.answer('(follow-up) Why might Uma Singh be holding back?', enter);
    await terminal.waitFor("→ none picked (don't know)");
    for (const prompt of ['support matter', 'role (optional)', 'team (optional)']) await terminal.answer(prompt, enter);
    expect(await terminal.exited).toBe(0);
    expect(terminal.text).not.toMatch(/→\s*\n/);
  });

  it('completes a first assessment with Enter alone, every answer "don\'t know"', async () => {
    const dir = tempDir();
    terminal = new Terminal(['assess', 'Kim Park'], dir);
    for (const prompt of ['(1 of 7)', '(2 of 7)', '(3 of 7)', '(4 of 7)', '(5 of 7)', '(6 of 7)', '(7 of 7)']) {
      await terminal.answer(prompt, enter);
    }
    for (const prompt of ['support matter', 'role (optional)', 'team (optional)']) await terminal.answer(prompt, enter);
    expect(await terminal.exited).toBe(0);
    expect(saved(dir)).toMatchObject([{ name: 'Kim Park', stage: 'ignorance', disposition: 'fence-sitter', confidence: 'low' }]);
    expect(terminal.text).toContain('To find out');
  });

  it('pre-fills a re-assessment with the previous answers and says what moved', async () => {
    const dir = tempDir();
    assessWith(
      dir,
      'Dana Lee',
      {
        understands: 'yes',
        relevant: 'yes',
        endorses: 'yes',
        pledged: 'no',
        stance: 'keen',
        participation: 'joins',
        role: 'COO',
      },
      { CX_NOW: '2026-11-02T09:00:00Z' },
    );
    terminal = new Terminal(['assess', 'dana lee'], dir, { CX_NOW: '2026-11-24T09:00:00Z' });
    await terminal.waitFor('Re-assessing Dana Lee, last assessed 2026-11-02');
    await terminal.answer('(1 of 7)', enter);
    await terminal.waitFor('(2 of 7)');
    await terminal.answer('❯ Yes: they link it', enter); // the previous answer is the one selected
    await terminal.answer('(3 of 7)', enter);
    await terminal.waitFor('(4 of 7)');
    await terminal.answer('❯ No: nothing pledged', up, enter); // now pledged: Yes
    // Now at Commitment: whether other work keeps winning is asked, as a follow-up.
    for (const prompt of ['(5 of 7)', '(follow-up) Is other work keeping Dana Lee', '(6 of 7)', '(7 of 7)', 'support matter']) {
      await terminal.answer(prompt, enter);
    }
    await terminal.answer("Dana Lee's role (optional) COO", enter); // the old role, editable, kept with Enter
    await terminal.answer('team (optional)', enter);
    await terminal.waitFor('Buy-in → Commitment since the assessment of 2026-11-02');
    expect(await terminal.exited).toBe(0);
    const [person] = saved(dir);
    expect(person).toMatchObject({
      stage: 'commitment',
      role: 'COO',
      assessment: { answers: { understands: 'yes', pledged: 'yes', participation: 'joins' } },
    });
    expect(person.history).toHaveLength(2);
  });

  it('stops on Ctrl+C with exit 130 and leaves the roster untouched', async () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', { understands: 'yes' });
    const before = rosterBytes(dir);
    terminal = new Terminal(['assess', 'Dana Lee'], dir);
    await terminal.answer('(1 of 7)', down, enter);
    await terminal.answer('(2 of 7)', ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.text).toContain('cx: Stopped; nothing was saved.');
    expect(rosterBytes(dir)).toBe(before);
  });

  it('says before the first question that a new name is close to a known one, so Ctrl+C can stop it', async () => {
    const dir = tempDir();
    assessWith(dir, 'Mo Haddad', {});
    const before = rosterBytes(dir);
    terminal = new Terminal(['assess', 'Mo Hadad'], dir);
    await terminal.waitFor('(1 of 7)');
    expect(terminal.text.replace(/\s+/g, ' ')).toContain(
      'Assessing Mo Hadad, who is new to the roster (did you mean "Mo Haddad"?).',
    );
    terminal.write(ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('stops on Ctrl+C in a first assessment without creating a roster', async () => {
    const dir = tempDir();
    terminal = new Terminal(['assess', 'New Person'], dir);
    await terminal.answer('(1 of 7)', ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(rosterBytes(dir)).toBeNull();
  });
});

describe.skipIf(noTerminal)('cx assess, interactively, with its output going elsewhere', () => {
  it('asks on the terminal while stdout carries only the result: --json > file is valid JSON', async () => {
    const dir = tempDir();
    const out = `${dir}/dana.json`;
    terminal = new Terminal(['-c', `"${process.execPath}" "${BIN}" assess "Dana Lee" --json > "${out}"`], dir, {}, [], '/bin/sh');
    for (const prompt of [
      '(1 of 7)',
      '(2 of 7)',
      '(3 of 7)',
      '(4 of 7)',
      '(5 of 7)',
      '(6 of 7)',
      '(7 of 7)',
      'support matter',
      'role (optional)',
      'team (optional)',
    ]) {
      await terminal.answer(prompt, enter);
    }
    expect(await terminal.exited).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ name: 'Dana Lee', stage: 'ignorance' });
  });

  it('asks without colour with --no-color', async () => {
    const dir = tempDir();
    terminal = new Terminal(['--no-color', 'assess', 'Kim Park'], dir);
    await terminal.answer('(1 of 7)', ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.raw).not.toMatch(/\u001b\[3\dm/);
  });
});
