// The roster store (src/store/roster-store.ts) on its own: conf reads and writes the file, every read is
// checked, changes keep backups, and undo and forget follow the file's sha256.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../src/domain/model.js';
import { RosterStore } from '../src/store/roster-store.js';
import { tempDir } from './helpers/cli.js';

const person = (name: string, extra: Partial<Stakeholder> = {}): Stakeholder => ({
  id: `id-${name.replace(/\p{Cc}/gu, '_')}`, // an id holds no control characters
  name,
  stage: 'buy-in',
  disposition: null,
  reasons: [],
  confidence: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  history: [],
  ...extra,
});

/** A store in a fresh folder, holding these people (written by the store itself). */
async function storeWith(...names: string[]): Promise<RosterStore> {
  const store = RosterStore.open(join(tempDir(), 'cx'));
  if (names.length > 0) await store.update('set', () => ({ roster: { people: names.map((name) => person(name)) }, result: 0 }));
  return store;
}
const text = (store: RosterStore): string => readFileSync(store.path, 'utf8');
const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');
const addLog = (store: RosterStore, name: string, what: string) =>
  store.update('log', (roster) => {
    const found = roster.people.find((p) => p.name === name) as Stakeholder;
    (found.log ??= []).push({ on: '2026-11-02', text: what });
    return { roster, names: [name], result: undefined };
  });

describe('reading', () => {
  it('finds no one, and makes nothing, where there is no roster yet', () => {
    const store = RosterStore.open(join(tempDir(), 'not', 'yet'));
    expect(store.read()).toEqual({ people: [] });
    expect(existsSync(store.dir)).toBe(false);
  });

  it.each([
    ['null', 'null'],
    ['a list', '[]'],
    ['a number', '42'],
    ['text', '"Dana Lee"'],
  ])('refuses a file that holds %s: it is not a JSON object', async (_, content) => {
    const store = await storeWith();
    await store.update('set', () => ({ roster: { people: [] }, result: 0 }));
    writeFileSync(store.path, content);
    expect(() => store.read()).toThrow(`the roster ${store.path} is not in the shape cx expects (it is not a JSON object)`);
  });

  it('says where a file stops being JSON, by line and column', async () => {
    const store = await storeWith('Dana Lee');
    writeFileSync(store.path, '{\n  "version": 1,\n  "people": [\n    { "name": "Dana Lee" "id": "x" }\n  ]\n}\n');
    expect(() => store.read()).toThrow(/is not valid JSON \(.* \(line 4, column 26\)\); it was left untouched: fix it by hand/);
  });

  it('checks every record, with the checker of src/domain/records.ts', async () => {
    const store = await storeWith('Dana Lee', 'Sam Ortiz');
    writeFileSync(store.path, text(store).replace('"stage": "buy-in"', '"stage": "nirvana"'));
    expect(() => store.read()).toThrow('is not in the shape cx expects (person 1 (Dana Lee) has an unknown stage)');
  });

  it('reads a file without a version as format 0, and refuses one from a newer cx', async () => {
    const store = await storeWith();
    await store.update('set', () => ({ roster: { people: [] }, result: 0 }));
    writeFileSync(store.path, JSON.stringify({ people: [person('Dana Lee')] }));
    expect(store.read().people.map((p) => p.name)).toEqual(['Dana Lee']);
    writeFileSync(store.path, '{"version":2,"people":[]}');
    expect(() => store.read()).toThrow(
      'was written by a newer cx (format 2; this cx reads up to 1); it was left untouched: upgrade cx to use it',
    );
  });
});

describe('changing', () => {
  it('writes the roster through conf: pretty JSON of the version and the people, private to the user', async () => {
    const store = await storeWith('Dana Lee');
    expect(JSON.parse(text(store))).toEqual({ version: 1, people: [person('Dana Lee')] });
    expect(text(store)).toBe(JSON.stringify({ version: 1, people: [person('Dana Lee')] }, null, 2));
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(store.dir).mode & 0o777).toBe(0o700);
  });

  it('writes a change made in place, inside a record as well as to it', async () => {
    const store = await storeWith();
    const dana = person('Dana Lee', { log: [{ on: '2026-11-01', text: 'first' }] });
    await store.update('set', () => ({ roster: { people: [dana, person('Sam Ortiz')] }, result: 0 }));
    await store.update('log', (roster) => {
      const [first, second] = roster.people as [Stakeholder, Stakeholder];
      first.log?.push({ on: '2026-11-02', text: 'Coffee' }); // the list it had, changed in place
      first.history.push({ at: '2026-11-02T09:00:00.000Z', source: 'set', changes: [{ field: 'team', from: null, to: 'Ops' }] });
      second.team = 'Ops';
      return { roster, names: [first.name], result: undefined };
    });
    const [first, second] = store.read().people;
    expect(first?.log?.map((entry) => entry.text)).toEqual(['first', 'Coffee']);
    expect(first?.history).toHaveLength(1);
    expect(second?.team).toBe('Ops');
  });

  it('writes nothing, and keeps no backup, when the change returns no roster', async () => {
    const store = await storeWith('Dana Lee');
    const before = text(store);
    expect(await store.update('set', () => ({ result: 'nothing' }))).toBe('nothing');
    expect(text(store)).toBe(before);
    expect(store.backups()).toEqual([]);
  });

  it('keeps names as values, never as key paths, whatever characters they hold', async () => {
    const names = ['j.smith', '__proto__', 'constructor', 'a.b.c', 'Zoë Ångström', '李小龙', 'Ali 👋🏽', '"quoted", \\ and\ttab'];
    const store = await storeWith(...names);
    expect(Object.keys(JSON.parse(text(store)))).toEqual(['version', 'people']);
    expect(store.read().people.map((p) => p.name)).toEqual(names);
  });

  it('never calls the change, or writes, when the roster cannot be read', async () => {
    const store = await storeWith('Dana Lee');
    writeFileSync(store.path, '{"version":1,"people":[');
    let called = false;
    const change = () => {
      called = true;
      return { roster: { people: [] }, result: 0 };
    };
    await expect(store.update('set', change)).rejects.toThrow(
      'is not valid JSON (Unexpected end of JSON input (line 1, column 24))',
    );
    expect(called).toBe(false);
    expect(text(store)).toBe('{"version":1,"people":[');
    expect(store.backups()).toEqual([]);
  });

  it('refuses to write a record it would refuse to read, and keeps the backups as they were', async () => {
    const store = await storeWith('Dana Lee');
    await addLog(store, 'Dana Lee', 'Coffee');
    const [before, backups] = [text(store), readdirSync(store.backupsDir).sort()];
    const bad = { ...person('Sam Ortiz'), stage: 'nirvana' } as unknown as Stakeholder;
    await expect(store.update('set', (roster) => ({ roster: { people: [...roster.people, bad] }, result: 0 }))).rejects.toThrow(
      `could not save the roster to ${store.path}: person 2 (Sam Ortiz) has an unknown stage`,
    );
    expect(text(store)).toBe(before);
    expect(readdirSync(store.backupsDir).sort()).toEqual(backups);
  });

  it('upgrades a file of format 0 when it changes it, keeping the original as a backup', async () => {
    const store = await storeWith('Dana Lee');
    const original = JSON.stringify({ people: [person('Dana Lee')] });
    writeFileSync(store.path, original);
    await addLog(store, 'Dana Lee', 'Coffee');
    expect(JSON.parse(text(store)).version).toBe(1);
    const [backup] = store.backups();
    expect(backup?.file).toMatch(/-format0\.json$/);
    expect(readFileSync(join(store.backupsDir, backup?.file ?? ''), 'utf8')).toBe(original);
  });

  it('loses none of many changes made at once, one after another under the lock', async () => {
    const store = await storeWith('Dana Lee');
    await Promise.all(Array.from({ length: 10 }, (_, i) => addLog(store, 'Dana Lee', `entry ${i}`)));
    expect(store.read().people[0]?.log).toHaveLength(10);
  });
});

describe('backups, undo and forget', () => {
  it('keeps the file each change replaced, the newest ten, with the sha256 of the file it wrote', async () => {
    const store = await storeWith('Dana Lee');
    const written = [text(store)];
    for (let i = 0; i < 12; i++) {
      await addLog(store, 'Dana Lee', `entry ${i}`);
      written.push(text(store));
    }
    const backups = store.backups();
    expect(backups).toHaveLength(10);
    expect(readdirSync(store.backupsDir).filter((file) => file.startsWith('roster-'))).toHaveLength(10);
    backups.forEach((backup, k) => {
      expect(readFileSync(join(store.backupsDir, backup.file), 'utf8')).toBe(written[k + 2]);
      expect(backup).toMatchObject({ command: 'log', names: ['Dana Lee'], wrote: sha256(written[k + 3] as string) });
    });
  });

  it('undo puts back each earlier file as it was, byte for byte', async () => {
    const store = await storeWith('Dana Lee');
    const written = [text(store)];
    for (const what of ['one', 'two']) {
      await addLog(store, 'Dana Lee', what);
      written.push(text(store));
    }
    expect(await store.undo()).toMatchObject({ undone: { command: 'log' }, left: 1 });
    expect(text(store)).toBe(written[1]);
    expect(await store.undo()).toMatchObject({ left: 0 });
    expect(text(store)).toBe(written[0]);
    expect(await store.undo()).toBeUndefined();
  });

  it('undo refuses after an edit by hand, unless forced', async () => {
    const store = await storeWith('Dana Lee');
    await addLog(store, 'Dana Lee', 'one');
    writeFileSync(store.path, text(store).replace('"one"', '"by hand"'));
    expect(await store.undo()).toMatchObject({ changedSince: { command: 'log' } });
    expect(text(store)).toContain('by hand');
    expect(await store.undo({ force: true })).toMatchObject({ left: 0 });
    expect(store.read().people[0]?.log).toBeUndefined();
  });

  it('forget erases people from the roster and every backup; undo names it, and goes on past it when forced', async () => {
    const store = await storeWith('Dana Lee', 'Sam Ortiz');
    await addLog(store, 'Dana Lee', 'one');
    await addLog(store, 'Sam Ortiz', 'two');
    const result = await store.forget(new Set(['id-Sam Ortiz']), ['Sam Ortiz']);
    expect(result).toEqual({ scrubbed: 2, unreadable: [] });
    for (const file of readdirSync(store.backupsDir))
      expect(readFileSync(join(store.backupsDir, file), 'utf8')).not.toContain('Sam');
    expect(await store.undo()).toMatchObject({ forgotten: { command: 'log', names: [] } });
    expect(await store.undo({ force: true })).toMatchObject({ undone: { command: 'log' }, left: 1 });
    // The change before: its backup was scrubbed, and the index followed, so undo goes on unforced.
    expect(await store.undo()).toMatchObject({ undone: { command: 'log', names: ['Dana Lee'] }, left: 0 });
    expect(store.read().people.map((p) => [p.name, p.log])).toEqual([['Dana Lee', undefined]]);
  });

  it('undo refuses a backup it cannot read, and says what is wrong with it', async () => {
    const store = await storeWith('Dana Lee');
    await addLog(store, 'Dana Lee', 'one');
    const [backup] = store.backups();
    writeFileSync(join(store.backupsDir, backup?.file ?? ''), '{"version":1,"people":[{"x":1}]}');
    expect(store.backupProblem(backup as never)).toBe('is not in the shape cx expects (person 1 has no id or name)');
    await expect(store.undo()).rejects.toThrow(/^the version before the last change \(.*\) is not in the shape cx expects/);
    expect(store.read().people[0]?.log).toHaveLength(1);
  });
});

describe('a change whose lock was taken over', () => {
  // A lock not refreshed for 10 s is taken over: its cx may only have been paused (Ctrl+Z, a busy
  // machine). Here the other cx saves its change while this one works, as it would with the lock.
  const intrude = (store: RosterStore, name: string) => {
    const data = JSON.parse(text(store));
    data.people.push(person(name));
    writeFileSync(store.path, JSON.stringify(data, null, 2));
  };

  it('is done again on the roster the other cx saved: neither change is lost', async () => {
    const store = await storeWith('Dana Lee');
    let calls = 0;
    await store.update('set', (roster) => {
      if (++calls === 1) intrude(store, 'Intruder');
      return { roster: { people: [...roster.people, person('Sam Ortiz')] }, names: ['Sam Ortiz'], result: 0 };
    });
    expect(calls).toBe(2);
    expect(store.read().people.map((p) => p.name)).toEqual(['Dana Lee', 'Intruder', 'Sam Ortiz']);
    // Its backup is of the roster it replaced: the one with the intruder.
    expect(readFileSync(join(store.backupsDir, store.backups().at(-1)?.file ?? ''), 'utf8')).toContain('Intruder');
  });

  it('fails without writing, in one line, when the roster keeps changing under it', async () => {
    const store = await storeWith('Dana Lee');
    let calls = 0;
    const change = store.update('set', (roster) => {
      intrude(store, `Intruder ${++calls}`);
      return { roster: { people: [...roster.people, person('Sam Ortiz')] }, result: 0 };
    });
    await expect(change).rejects.toThrow(
      'the roster kept changing while this cx worked on it (other cx commands took its lock over); nothing was saved: try again',
    );
    expect(store.read().people.map((p) => p.name)).toEqual(['Dana Lee', 'Intruder 1', 'Intruder 2', 'Intruder 3']);
    expect(store.backups()).toEqual([]);
    expect(readdirSync(store.dir).filter((file) => file.includes('.tmp'))).toEqual([]);
  });
});

describe('the lock', () => {
  it('is a folder private to the user', async () => {
    const store = await storeWith('Dana Lee');
    let mode = 0;
    await store.update('set', () => {
      mode = statSync(join(store.dir, 'roster.lock')).mode & 0o777;
      return { result: 0 };
    });
    expect(mode).toBe(0o700);
  });
});
