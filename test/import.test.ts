import { describe, expect, it } from 'vitest';
import { applyImport, detectFormat, exportCsv, exportJson, parseImport } from '../src/domain/import.js';
import { jsonProblem } from '../src/domain/json.js';
import type { Roster } from '../src/domain/model.js';
import { applyUpdate, newPerson } from '../src/domain/roster.js';

const at = new Date('2026-11-24T09:00:00Z');
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('detectFormat', () => {
  it.each([
    ['[{"name":"A"}]', 'json'],
    ['  \n{"name":"A"}\n{"name":"B"}', 'json'],
    ['\uFEFF[]', 'json'],
    ['name,stage\nA,1', 'csv'],
    ['\uFEFFname\nA', 'csv'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('parseImport: CSV as spreadsheets write it', () => {
  it('reads a BOM, CRLF line ends, quoted commas, doubled quotes, newlines in cells and blank trailing lines', () => {
    const csv =
      '\uFEFFName,STAGE,Disposition,Reasons,Role,Team,Influence,Notes\r\n' +
      'Dana Lee,Buy-in,outlier,"financial; operational",VP Ops,"Ops, North",HIGH,"said ""maybe""\r\nlater"\r\n' +
      'Sam Ortiz,2,Fence sitter,,,,,\r\n\r\n\r\n';
    const parsed = parseImport(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('csv');
    expect(parsed.rows).toEqual([
      {
        where: 'row 1', // lines are counted only when a row has a problem to report
        name: 'Dana Lee',
        update: {
          stage: 'buy-in',
          disposition: 'outlier',
          reasons: ['financial', 'operational'],
          role: 'VP Ops',
          team: 'Ops, North',
          influence: 'high',
          notes: 'said "maybe"\nlater',
        },
      },
      { where: 'row 2', name: 'Sam Ortiz', update: { stage: 'skepticism', disposition: 'fence-sitter' } },
    ]);
  });

  it('reports columns it does not know, and reads aliases', () => {
    const parsed = parseImport('name,Email,reason,note\nDana,d@x.org,roi-unclear,hello\n');
    expect(parsed.unknownColumns).toEqual(['Email']);
    expect(parsed.rows[0]?.update).toEqual({ reasons: ['roi-unclear'], notes: 'hello' });
  });

  it.each([
    [
      'an unknown stage',
      'name,stage\nA,Maybe',
      'line 2',
      'unknown stage "Maybe"; use one of ignorance, skepticism, buy-in, commitment, action (or 1-5)',
    ],
    ['a stage number out of range', 'name,stage\nA,6', 'line 2', 'unknown stage "6"'],
    ['an unknown disposition', 'name,disposition\nA,grumpy', 'line 2', 'unknown disposition "grumpy"'],
    ['an unknown reason', 'name,reasons\nA,financial;vibes', 'line 2', 'unknown reason "vibes"'],
    ['an unknown influence', 'name,influence\nA,huge', 'line 2', 'unknown influence "huge"'],
    ['a missing name', 'name,stage\n,buy-in', 'line 2', 'has no name'],
    ['too many cells', 'name,stage\nA,buy-in,oops', 'line 2', 'has 3 cells but the header has 2'],
    ['a repeated person', 'name\nDana Lee\n dana  lee ', 'line 3', '"dana  lee" is already on line 2'],
    ['no name column', 'who,stage\nA,1', 'line 1', 'no "name" column'],
    [
      'a column twice',
      'Name,Stage,Stage\nA,1,2',
      'line 1',
      'two columns for stage: "Stage" (column 2) and "Stage" (column 3); keep one',
    ],
    [
      'a column and its other name',
      'name,notes,Note\nA,x,y',
      'line 1',
      'two columns for notes: "notes" (column 2) and "Note" (column 3)',
    ],
    ['a bad quote', 'name\n"A', 'line 2', 'not readable as CSV'],
    ['an empty file', '', 'the file', 'empty'],
  ])('refuses %s', (_, csv, where, message) => {
    const parsed = parseImport(csv, 'csv');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.where).toBe(where);
    expect(parsed.problems[0]?.message).toContain(message);
  });

  it('numbers lines through CRLF inside quoted cells and blank lines, when a row has a problem', () => {
    const csv = 'name,stage,notes\r\nDana Lee,1,"two\r\nlines"\r\nSam Ortiz,2,\r\n\r\n\r\nKim Park,nirvana,\r\n';
    const parsed = parseImport(csv);
    expect(parsed.problems).toEqual([{ where: 'line 7', message: expect.stringContaining('unknown stage "nirvana"') }]);
    expect(parsed.rows.map((row) => row.where)).toEqual(['line 2', 'line 4']);
  });

  it('numbers the line a row starts on, after multi-line cells', () => {
    const parsed = parseImport('name,notes\nA,"one\ntwo\nthree"\nB,x\nC,y\n\nD,bad,cell\n');
    expect(parsed.problems).toEqual([{ where: 'line 8', message: expect.stringContaining('has 3 cells') }]);
    expect(parsed.rows.map((row) => row.where)).toEqual(['line 2', 'line 5', 'line 6']);
  });

  it('reports every bad row, not just the first', () => {
    expect(parseImport('name,stage\nA,x\nB,1\nC,y\n').problems.map((p) => p.where)).toEqual(['line 2', 'line 4']);
  });
});

describe('parseImport: JSON', () => {
  it('reads an array, with lists, numbers and nulls', () => {
    const parsed = parseImport(
      JSON.stringify([
        { name: 'Dana Lee', stage: 3, reasons: ['financial'], role: null, influence: 'Medium' },
        { name: 'Sam', tactics: [], nextSignals: [] },
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.unknownColumns).toEqual([]);
    expect(parsed.rows.map((row) => [row.where, row.update])).toEqual([
      ['item 1', { stage: 'buy-in', reasons: ['financial'], role: null, influence: 'medium' }],
      ['item 2', {}],
    ]);
  });

  it('reads one object per line', () => {
    const parsed = parseImport('{"name":"A","stage":"action"}\n\n{"name":"B","Mood":"x"}\n');
    expect(parsed.rows.map((row) => [row.where, row.name])).toEqual([
      ['line 1', 'A'],
      ['line 3', 'B'],
    ]);
    expect(parsed.unknownColumns).toEqual(['Mood']);
  });

  it('reads one object written over many lines (cx show --json), and a roster file with its list of people', () => {
    const one = parseImport(JSON.stringify({ name: 'Dana Lee', stage: 'buy-in', nextStep: { kind: 'tactic' } }, null, 2));
    expect(one.problems).toEqual([]);
    expect(one.unknownColumns).toEqual([]);
    expect(one.rows.map((row) => [row.where, row.name, row.update])).toEqual([['the file', 'Dana Lee', { stage: 'buy-in' }]]);
    const roster = parseImport(JSON.stringify({ version: 2, people: [{ name: 'A' }, { name: 'B', stage: 'action' }] }, null, 2));
    expect(roster.rows.map((row) => [row.where, row.name])).toEqual([
      ['person 1', 'A'],
      ['person 2', 'B'],
    ]);
    expect(roster.unknownColumns).toEqual([]);
  });

  it.each([
    ['broken JSON', '[{"name":', 'the file', 'not valid JSON'],
    ['a broken line', '{"name":"A"}\n{"name":', 'line 2', 'not valid JSON'],
    ['a non-object', '["Dana"]', 'item 1', 'must be a JSON object'],
    ['a name that is not text', '[{"name":42}]', 'item 1', 'the name must be text'],
    ['a role that is not text', '[{"name":"A","role":{"x":1}}]', 'item 1', '"role" must be text'],
    [
      'an exported record with broken history',
      '[{"name":"A","id":"x","history":"nope","createdAt":"a","updatedAt":"b"}]',
      'item 1',
      '"history" is not valid JSON',
    ],
  ])('refuses %s', (_, json, where, message) => {
    const parsed = parseImport(json, 'json');
    const whole = message === 'not valid JSON' ? { whole: true } : {};
    expect(parsed.problems[0]).toEqual({ where, message: expect.stringContaining(message), ...whole });
  });
});

describe('applyImport', () => {
  const start = (): Roster => {
    const dana = applyUpdate(newPerson('Dana Lee', 'dana', at), { stage: 'buy-in', team: 'Ops' }, 'set', at, true);
    return { people: [dana] };
  };

  it('adds, updates and leaves alone, and says which', () => {
    const rows = parseImport('name,stage,team\nDana Lee,commitment,\nSam Ortiz,1,Finance\n').rows;
    const { roster, outcomes } = applyImport(start(), rows, at, ids());
    expect(outcomes.map((o) => [o.name, o.outcome])).toEqual([
      ['Dana Lee', 'updated'],
      ['Sam Ortiz', 'added'],
    ]);
    expect(outcomes[0]?.changes).toEqual([{ field: 'stage', from: 'buy-in', to: 'commitment' }]);
    expect(roster.people.map((p) => [p.name, p.stage, p.team, p.stageSource])).toEqual([
      ['Dana Lee', 'commitment', 'Ops', 'import'],
      ['Sam Ortiz', 'ignorance', 'Finance', 'import'],
    ]);
    expect(roster.people[0]?.history.at(-1)).toMatchObject({ source: 'import' });
  });

  it.each([
    ['control characters', 'A\u001b[2J', 'control characters'],
    ['text that was not UTF-8', 'Jos\uFFFD Ruiz', 'not UTF-8'],
  ])('refuses to add someone under a name with %s, yet updates someone already saved under it', (_, name, message) => {
    const csv = `name,team\n"${name}",Ops\n`;
    const refused = applyImport(start(), parseImport(csv, 'csv', { lines: true }).rows, at, ids());
    expect(refused.problems).toEqual([{ where: 'line 2', message: expect.stringContaining(message) }]);
    const saved = { ...newPerson('x', 'legacy', at), name }; // saved before the rule, or by hand
    const updated = applyImport({ people: [saved] }, parseImport(csv).rows, at, ids());
    expect(updated.problems).toEqual([]);
    expect(updated.roster.people.map((p) => [p.name, p.team])).toEqual([[name, 'Ops']]);
  });

  it('reports a row that changes nothing as unchanged, keeping the same record', () => {
    const before = start();
    const { roster, outcomes } = applyImport(before, parseImport('name,stage\ndana lee,3\n').rows, at, ids());
    expect(outcomes[0]?.outcome).toBe('unchanged');
    expect(roster.people[0]).toBe(before.people[0]);
  });

  it('restores an export into an empty roster exactly, as JSON and as CSV', () => {
    const roster = applyImport(start(), parseImport('name,reasons,notes\nSam,financial;other,"a, b"\n').rows, at, ids()).roster;
    for (const [text, exporter] of [
      [exportJson(roster), exportJson],
      [exportCsv(roster), exportCsv],
    ] as const) {
      const parsed = parseImport(text);
      expect(parsed.problems).toEqual([]);
      const restored = applyImport({ people: [] }, parsed.rows, new Date('2030-01-01'), ids()).roster;
      expect(exporter(restored)).toBe(text);
      expect(exportJson(restored)).toBe(exportJson(roster));
    }
  });
});

describe('parseImport: every problem of a row', () => {
  it('reports them all, in column order', () => {
    const parsed = parseImport('name,stage,disposition,influence\nKim Park,2,nope,huge\n', 'csv');
    expect(parsed.problems).toEqual([
      { where: 'line 2', message: expect.stringMatching(/^unknown disposition "nope".*; unknown influence "huge"/) },
    ]);
  });
});

describe('jsonProblem', () => {
  const problem = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonProblem(error, text);
    }
    return undefined;
  };

  it.each([
    ['a trailing comma on line 2', '{"a": 1,\n}', /\(line 2, column 1\)$/],
    ['a missing colon on line 3', '{\n"a": 1,\n"b" 2}', /\(line 3, column 5\)$/],
    [
      'a stray word, quoted on one line',
      '[\n1,\n oops]',
      /^Unexpected token 'o', "\[ 1, oops\]" is not valid JSON \(line 3, column 2\)$/,
    ],
    ['a word where a value should be', '{\n  "stage": nirvana\n}', /^Unexpected token 'i', .* \(line 2, column 13\)$/],
    ['a trailing comma in a list', '{"a": [1,\n2,\n]}', /^Unexpected token '\]', .* \(line 3, column 1\)$/],
    ['a comma where a value should be', '[1,,2]', /^Unexpected token ',', .* \(line 1, column 4\)$/],
    ['a text cut short', '{"a":\n  [1,\n', /^Unexpected end of JSON input \(line 2, column 6\)$/],
    ['a long text', `[${'"x",'.repeat(5000)}\n"y", nope]`, /^Unexpected token 'o', .* \(line 2, column 7\)$/],
  ])('says where: %s', (_, text, where) => {
    expect(problem(text)).toMatch(where);
  });

  it('passes a message with nothing to place through as it is', () => {
    expect(jsonProblem(new Error('Bad control character'), '"x"')).toBe('Bad control character');
  });
});
