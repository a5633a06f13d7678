// The roster file's text: the seal, lazily parsed people, and lines copied byte for byte.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../src/domain/model.js';
import { RecordProblem, lazyPeople, readSealed, sealedLines, serializeRoster } from '../src/store/roster-file.js';

const person = (name: string, extra: Partial<Stakeholder> = {}): Stakeholder => ({
  id: `id-${name}`,
  name,
  stage: 'buy-in',
  disposition: 'advocate',
  reasons: [],
  confidence: 'high',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  history: [{ at: '2026-11-01T09:00:00.000Z', source: 'set', changes: [{ field: 'stage', from: null, to: 'buy-in' }] }],
  ...extra,
});

const file = (people: Stakeholder[]): Buffer => serializeRoster({ version: 1, people });

/**
 * The seal of a file's body (every byte after its first line), worked out here from its definition: the
 * lines 64 at a time (the last block what is left), each block's sha256, and the sha256 of those.
 */
const sealOf = (body: string): string => {
  const lines = body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const blocks: Buffer[] = [];
  for (let i = 0; i < lines.length; i += 64)
    blocks.push(
      createHash('sha256')
        .update(lines.slice(i, i + 64).join(''))
        .digest(),
    );
  return createHash('sha256').update(Buffer.concat(blocks)).digest('hex');
};
/** A file sealed over the body given, as if cx had written it. */
const sealedFile = (body: string): Buffer =>
  Buffer.from(`{"version":1,"seal":"sha256-blocks64:${sealOf(body)}","people":[\n${body}`);
/** Many people, so that the file has many blocks. */
const many = (count: number): Stakeholder[] => Array.from({ length: count }, (_, i) => person(`Person ${i}`));

/** A reader of bytes that hands out at most `size` of them at a time, as a slow file might. */
const reader = (bytes: Buffer, size: number) => {
  let at = 0;
  return (into: Buffer): number => {
    const count = bytes.copy(into, 0, at, Math.min(bytes.length, at + size));
    at += count;
    return count;
  };
};
const parsedPeople = (bytes: Buffer, size = 1 << 20): Stakeholder[] | undefined => readSealed(reader(bytes, size))?.people;
const sealed = (bytes: Buffer) => {
  const lines = sealedLines(bytes);
  if (!lines) throw new Error('not sealed');
  return lines;
};

describe('the sealed file', () => {
  it.each([
    ['no one', []],
    ['one person', [person('Dana Lee')]],
    ['names beyond ASCII', [person('Zoë Ångström'), person('李小龙'), person('Ali 👋🏽'), person('محمد')]],
    [
      'names that look like code',
      [person('__proto__'), person('constructor'), person('"quoted", \\ and\ttab'), person('ends in a backslash \\')],
    ],
    ['a long name of escaped characters', [person('Ω'.repeat(200)), person('🙂'.repeat(100))]],
    ['optional fields', [person('A', { role: 'VP', notes: 'line one\nline two', log: [{ on: '2026-11-03', text: 'Coffee' }] })]],
  ])('reads back what it wrote: %s', (_, people) => {
    const bytes = file(people);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true); // one byte per character
    const lines = sealed(bytes);
    expect(lines.starts).toHaveLength(people.length);
    expect(parsedPeople(bytes)).toEqual(people);
    for (const size of [1, 7, 100]) expect(parsedPeople(bytes, size), `read ${size} bytes at a time`).toEqual(people);
    // Read for a change: ids and names come from the start of each line, escapes and all.
    const lazy = lazyPeople(lines);
    expect(lazy.map((p) => [p.id, p.name])).toEqual(people.map((p) => [p.id, p.name]));
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ version: 1, people });
  });

  it.each([0, 1, 62, 63, 64, 65, 127, 128, 200])(
    'writes the seal as the digest of the digests of 64-line blocks: %i people',
    (count) => {
      const text = file(many(count)).toString('utf8');
      const firstLine = text.slice(0, text.indexOf('\n') + 1);
      expect(firstLine).toBe(`{"version":1,"seal":"sha256-blocks64:${sealOf(text.slice(firstLine.length))}","people":[\n`);
      const bytes = Buffer.from(text);
      expect(sealedLines(bytes)?.starts).toHaveLength(count);
      for (const size of [1, 64, 1000, 1 << 20])
        expect(parsedPeople(bytes, size), `read ${size} bytes at a time`).toHaveLength(count);
    },
  );

  it('is not trusted when one block of many is changed', () => {
    const text = file(many(200)).toString('utf8');
    for (const name of ['Person 0', 'Person 100', 'Person 199']) {
      const edited = Buffer.from(text.replace(`"${name}"`, `"${name}x"`));
      expect(sealedLines(edited), name).toBeUndefined();
      expect(parsedPeople(edited), name).toBeUndefined();
    }
  });

  it('is not trusted under the seal of an earlier cx (one digest of the whole body)', () => {
    const text = file([person('Dana Lee')]).toString('utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const earlier = Buffer.from(
      `{"version":1,"seal":"sha256:${createHash('sha256').update(body).digest('hex')}","people":[\n${body}`,
    );
    expect(sealedLines(earlier)).toBeUndefined();
    expect(parsedPeople(earlier)).toBeUndefined();
  });

  it.each([
    ['a changed letter', (text: string) => text.replace('Dana Lee', 'Dana Lea')],
    ['a changed stage', (text: string) => text.replace('"stage":"buy-in"', '"stage":"nirvana"')],
    ['an added space', (text: string) => text.replace('"name":', '"name": ')],
    ['Windows line ends', (text: string) => text.replace(/\n/g, '\r\n')],
    ['no last newline', (text: string) => text.slice(0, -1)],
    ['a person removed', (text: string) => text.replace(/\n\{"id":"id-Sam Ortiz".*\n/, '\n')],
    [
      'a seal of the wrong length',
      (text: string) => text.replace(/"seal":"sha256-blocks64:([0-9a-f]+)"/, '"seal":"sha256-blocks64:$10"'),
    ],
    ['a seal from before it was named so', (text: string) => text.replace(/"seal":"sha256-blocks64:/, '"sha256":"')],
    ['no seal', (text: string) => text.replace(/"seal":"sha256-blocks64:[0-9a-f]+",/, '')],
  ])('is not trusted after %s', (_, edit) => {
    const text = file([person('Dana Lee'), person('Sam Ortiz')]).toString('utf8');
    expect(sealedLines(Buffer.from(text))).toBeDefined();
    expect(parsedPeople(Buffer.from(text))).toBeDefined();
    expect(sealedLines(Buffer.from(edit(text)))).toBeUndefined();
    expect(parsedPeople(Buffer.from(edit(text)))).toBeUndefined();
  });

  it.each([
    ['an unknown stage', { stage: 'nirvana' }, 'has an unknown stage'],
    ['a history entry without a time', { history: [{ source: 'set', changes: [] }] }, 'has a history entry without'],
    ['a log entry without text', { log: [{ on: '2026-11-03' }] }, 'has a log entry without'],
  ])('is never sealed over a record that is not sound: %s', (_, change, message) => {
    const bad = { ...person('Eve'), ...change } as unknown as Stakeholder;
    expect(() => file([person('A'), bad])).toThrow(RecordProblem);
    expect(() => file([person('A'), bad])).toThrow(`person 2 (Eve) ${message}`);
    // Unsealed, it is written as it is, for its next reader to check in full.
    const unsealed = serializeRoster({ version: 1, people: [bad] }, { seal: false });
    expect(unsealed.toString('utf8').startsWith('{"version":1,"people":[\n')).toBe(true);
    expect(sealedLines(unsealed)).toBeUndefined();
  });

  it('reads the version from the seal line', () => {
    const bytes = Buffer.from(file([]).toString('utf8').replace('"version":1', '"version":7'));
    expect(sealedLines(bytes)?.version).toBe(7);
    expect(readSealed(reader(bytes, 1 << 20))?.version).toBe(7);
  });
});

describe('people read for a change', () => {
  it('give their id and name without parsing the rest of their line', () => {
    // A sealed file whose line is broken after the name: only asking for more shows it.
    const line = '{"id":"x1","name":"Dana Lee","stage":}';
    const [lazy] = lazyPeople(sealed(sealedFile(`${line}\n]}\n`)));
    expect(lazy?.name).toBe('Dana Lee');
    expect(lazy?.id).toBe('x1');
    expect(() => lazy?.stage).toThrow(SyntaxError);
  });

  it('are their records to every reader: fields, spreading, JSON, `in`', () => {
    const people = [person('Zoë Ångström', { role: 'VP', log: [{ on: '2026-11-03', text: 'Coffee' }] })];
    const [lazy] = lazyPeople(sealed(file(people)));
    expect(lazy?.name).toBe('Zoë Ångström');
    expect(lazy?.history).toEqual(people[0]?.history);
    expect({ ...lazy }).toEqual(people[0]);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(people[0]);
    expect('role' in (lazy as object)).toBe(true);
    expect('team' in (lazy as object)).toBe(false);
    // Written with the id and the name first, the rest in the record's order.
    const rest = Object.keys(people[0] as object).filter((key) => key !== 'id' && key !== 'name');
    expect(Object.keys(lazy as object)).toEqual(['id', 'name', ...rest]);
  });

  it('are parsed at once when their line does not start with the id and the name', () => {
    const [read] = lazyPeople(sealed(sealedFile('{"name":"Dana Lee","id":"x1","stage":"buy-in"}\n]}\n')));
    expect(read).toEqual({ name: 'Dana Lee', id: 'x1', stage: 'buy-in' });
  });

  it('are copied byte for byte when unchanged', () => {
    const bytes = file([person('A'), person('B'), person('C')]);
    expect(serializeRoster({ version: 1, people: lazyPeople(sealed(bytes)) }).equals(bytes)).toBe(true);
  });

  it('are copied, not written anew: a line keeps its own spacing until its person changes', () => {
    const spaced = (p: Stakeholder) => JSON.stringify(p).replace('"stage":', '"stage": ');
    const people = lazyPeople(sealed(sealedFile(`${spaced(person('A'))},\n${spaced(person('B'))}\n]}\n`)));
    const text = serializeRoster({
      version: 1,
      people: [people[0] as Stakeholder, { ...(people[1] as Stakeholder), stage: 'commitment' }],
    }).toString('utf8');
    expect(text).toContain(`\n${spaced(person('A'))},\n`);
    expect(text).toContain(`\n${JSON.stringify({ ...person('B'), stage: 'commitment' })}\n]}\n`);
  });

  it('are written anew with their new name when renamed in place', () => {
    const people = lazyPeople(sealed(file([person('A'), person('B')])));
    const first = people[0] as Stakeholder;
    first.name = 'Alma';
    expect(first.name).toBe('Alma');
    expect(parsedPeople(serializeRoster({ version: 1, people }))?.map((p) => p.name)).toEqual(['Alma', 'B']);
  });

  const edits: [string, (people: Stakeholder[]) => Stakeholder[]][] = [
    ['one changed by a new record', (people) => people.map((p) => (p.name === 'B' ? { ...p, stage: 'action' } : p))],
    [
      'one changed in place',
      (people) => {
        (people[1] as { team?: string }).team = 'Ops';
        return people;
      },
    ],
    [
      'a field deleted in place',
      (people) => {
        delete (people[0] as { role?: string }).role;
        return people;
      },
    ],
    ['the first removed', (people) => people.slice(1)],
    ['the middle removed', (people) => people.filter((p) => p.name !== 'B')],
    ['the last removed', (people) => people.slice(0, -1)],
    ['everyone removed', () => []],
    ['one added at the end', (people) => [...people, person('E')]],
    ['one added first', (people) => [person('E'), ...people]],
    ['reversed', (people) => [...people].reverse()],
  ];

  it.each(edits)('write the same file as fully parsed people would: %s', (_, edit) => {
    const start = [person('A', { role: 'VP' }), person('B'), person('C'), person('D')];
    const bytes = file(start);
    const viaLazy = serializeRoster({ version: 1, people: edit(lazyPeople(sealed(bytes))) });
    const viaParsed = serializeRoster({ version: 1, people: edit(parsedPeople(bytes) ?? []) });
    expect(viaLazy.toString('utf8')).toBe(viaParsed.toString('utf8'));
    expect(sealedLines(viaLazy)).toBeDefined();
  });

  it('write the same file as fully parsed people would, whatever is kept, changed and added', () => {
    const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 12 });
    const plan = fc.array(fc.record({ keep: fc.boolean(), change: fc.boolean(), team: fc.string({ maxLength: 8 }) }), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(names, plan, fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }), (all, steps, added) => {
        const bytes = file(all.map((name) => person(name)));
        const edit = (people: Stakeholder[]) => [
          ...people
            .filter((_, i) => steps[i]?.keep !== false)
            .map((p, i) => (steps[i]?.change ? { ...p, team: steps[i]?.team ?? '' } : p)),
          ...added.map((name) => person(name)),
        ];
        const viaLazy = serializeRoster({ version: 1, people: edit(lazyPeople(sealed(bytes))) });
        const viaParsed = serializeRoster({ version: 1, people: edit(parsedPeople(bytes) ?? []) });
        expect(viaLazy.equals(viaParsed)).toBe(true);
        expect(parsedPeople(viaLazy)).toEqual(JSON.parse(JSON.stringify(edit(parsedPeople(bytes) ?? []))));
      }),
    );
  });

  it.each([0, 1, 63, 64, 65, 128, 192, 255, 256, 257, 299, 320, 384])(
    'write the same file, seal and all, when 300 people become %i (the first kept in place)',
    (count) => {
      // The block that ends the shorter list changes its last separator: it must be hashed again.
      const start = many(300);
      const edit = (people: Stakeholder[]) => [
        ...people.slice(0, count),
        ...many(Math.max(0, count - 300)).map((p) => ({ ...p, name: `New ${p.name}`, id: `new-${p.id}` })),
      ];
      const viaLazy = serializeRoster({ version: 1, people: edit(lazyPeople(sealed(file(start)))) });
      const viaParsed = serializeRoster({ version: 1, people: edit(start) });
      expect(viaLazy.toString('latin1')).toBe(viaParsed.toString('latin1'));
      expect(sealedLines(viaLazy)?.starts).toHaveLength(count);
    },
  );

  it('write the same file, seal and all, when many blocks are kept and a few are changed', () => {
    // Blocks whose bytes did not change keep their digests: the seal must still be the one a full
    // rehash gives (viaParsed has no blocks to keep, and sealOf works it out from scratch).
    const start = many(300);
    const bytes = file(start);
    const plan = fc.record({
      changed: fc.uniqueArray(fc.nat(299), { maxLength: 6 }),
      removed: fc.uniqueArray(fc.nat(299), { maxLength: 3 }),
      added: fc.nat(70),
    });
    fc.assert(
      fc.property(plan, ({ changed, removed, added }) => {
        const edit = (people: Stakeholder[]) => [
          ...people.filter((_, i) => !removed.includes(i)).map((p, i) => (changed.includes(i) ? { ...p, team: `Team ${i}` } : p)),
          ...many(added).map((p) => ({ ...p, name: `New ${p.name}`, id: `new-${p.id}` })),
        ];
        const viaLazy = serializeRoster({ version: 1, people: edit(lazyPeople(sealed(bytes))) });
        const viaParsed = serializeRoster({ version: 1, people: edit(start) });
        expect(viaLazy.toString('latin1')).toBe(viaParsed.toString('latin1'));
        const text = viaLazy.toString('latin1');
        expect(text.slice(0, text.indexOf('\n'))).toContain(sealOf(text.slice(text.indexOf('\n') + 1)));
      }),
      { numRuns: 60 },
    );
  });
});
