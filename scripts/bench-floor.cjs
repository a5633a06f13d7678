// The least work two of the benchmark's jobs take in Node, for comparison with cx (scripts/bench.mjs
// runs it beside cx on the same rosters). Each does only what any program keeping cx's file must do,
// and nothing that cx adds for its users: no check of a value, a name or a record, no lock, no
// command-line parsing, no library to load, no messages. If these take longer than a target allows,
// no version of cx can meet it on that machine.
//
//   node scripts/bench-floor.cjs export          < nothing >   prints the roster as sorted, pretty JSON
//   node scripts/bench-floor.cjs import          < CSV         adds and updates people from CSV rows
//
// Both read the roster of CX_CONFIG_DIR, as cx writes it (src/store/roster-file.ts), and verify its
// seal first; import writes the file anew (a new file renamed into place, after fsync), re-sealed,
// with the previous one kept as a hard link, as cx does. The CSV is read by one regular expression:
// enough for well-formed files such as the benchmark's, which is all a floor needs.
'use strict';
const { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } = require('node:fs');
const { createHash, randomUUID } = require('node:crypto');
const { join } = require('node:path');

const dir = process.env.CX_CONFIG_DIR;
const path = join(dir, 'roster.json');
const BLOCK_LINES = 64;
const NEWLINE = 0x0a;
const digest = (bytes) => createHash('sha256').update(bytes).digest();

/** The file's people lines and block digests; exits when the seal does not match. */
function readRoster() {
  const bytes = readFileSync(path);
  const first = bytes.indexOf(NEWLINE);
  const seal = /"seal":"sha256-blocks64:([0-9a-f]{64})"/.exec(bytes.latin1Slice(0, first))?.[1];
  const starts = [];
  const ends = [];
  const blockStarts = [];
  let lines = 0;
  let at = first + 1;
  for (; at < bytes.length; lines++) {
    if (lines % BLOCK_LINES === 0) blockStarts.push(at);
    const next = bytes.indexOf(NEWLINE, at);
    if (bytes[at] === 0x7b) {
      starts.push(at);
      ends.push(bytes[next - 1] === 0x2c ? next - 1 : next);
    }
    at = next + 1;
  }
  const blocks = blockStarts.map((start, k) => digest(bytes.subarray(start, blockStarts[k + 1] ?? bytes.length)));
  if (createHash('sha256').update(Buffer.concat(blocks)).digest('hex') !== seal) {
    process.stderr.write('the roster is not sealed as cx writes it\n');
    process.exit(1);
  }
  return { bytes, first, starts, ends, blocks };
}

/** The order of a record's keys in an export: RECORD_KEYS of src/domain/model.ts (the bench checks). */
const KEYS = [
  'name',
  'stage',
  'disposition',
  'reasons',
  'confidence',
  'stageSource',
  'role',
  'team',
  'influence',
  'notes',
  'id',
  'createdAt',
  'updatedAt',
  'assessment',
  'history',
  'log',
];

/** The same bytes as `cx export` of a roster that cx wrote: sorted by name, keys in order, pretty. */
function exportJson() {
  const { bytes, starts, ends } = readRoster();
  const people = starts.map((start, i) => {
    const person = JSON.parse(bytes.latin1Slice(start, ends[i]));
    return { key: person.name.toLowerCase(), id: person.id, person };
  });
  people.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Each record's keys put in order as it is printed (the ordered copy dies young).
  const ordered = ({ person }) => {
    const copy = {};
    for (const key of KEYS) if (person[key] !== undefined) copy[key] = person[key];
    return copy;
  };
  // Written a piece at a time: one 16 MB string would cost more, in time and memory.
  const write = (text) => {
    const out = Buffer.from(text);
    for (let at = 0; at < out.length;) at += writeSync(1, out, at);
  };
  let piece = '[\n';
  people.forEach((person, i) => {
    piece += `  ${JSON.stringify(ordered(person), null, 2).replace(/\n/g, '\n  ')}${i < people.length - 1 ? ',' : ''}\n`;
    if (piece.length > 1 << 16) {
      write(piece);
      piece = '';
    }
  });
  write(`${piece}]\n`);
}

function readStdin() {
  const pieces = [];
  const piece = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    let count;
    try {
      count = readSync(0, piece, 0, piece.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      if (error.code === 'EOF') break;
      throw error;
    }
    if (count === 0) break;
    pieces.push(Buffer.from(piece.subarray(0, count)));
  }
  return Buffer.concat(pieces).toString('utf8');
}

/** Rows of a well-formed CSV text, as arrays of cells. */
function csvRows(text) {
  const rows = [];
  let row = [];
  const cell = /(?:"((?:[^"]|"")*)"|([^,\n]*))(,|\n|$)/y;
  while (cell.lastIndex < text.length) {
    const match = cell.exec(text);
    row.push(match[1] === undefined ? match[2] : match[1].replace(/""/g, '"'));
    if (match[3] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

function importCsv() {
  const [header, ...rows] = csvRows(readStdin());
  const { bytes, first, starts, ends, blocks } = readRoster();
  const FIELDS = ['stage', 'disposition', 'role', 'team', 'influence', 'notes'].filter((field) => header.includes(field));
  const lineOf = new Map();
  for (let i = 0; i < starts.length; i++) {
    // {"id":"<36 characters>","name":"<name>",...
    const nameStart = starts[i] + 7 + 36 + 10;
    const raw = bytes.latin1Slice(nameStart, bytes.indexOf(0x22, nameStart));
    lineOf.set(raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw, i);
  }
  const at = new Date().toISOString();
  const changed = new Map();
  const added = [];
  for (const cells of rows) {
    const row = {};
    header.forEach((column, k) => (row[column] = cells[k]));
    const i = lineOf.get(row.name);
    if (i === undefined) {
      const changes = [
        { field: 'name', from: null, to: row.name },
        ...FIELDS.map((field) => ({ field, from: null, to: row[field] })),
      ];
      const person = {
        id: randomUUID(),
        name: row.name,
        stage: row.stage,
        disposition: row.disposition,
        reasons: [],
        confidence: null,
        createdAt: at,
        updatedAt: at,
        history: [{ at, source: 'import', changes }],
        stageSource: 'import',
      };
      for (const field of FIELDS.slice(2)) person[field] = row[field];
      added.push(JSON.stringify(person));
      continue;
    }
    const person = JSON.parse(bytes.latin1Slice(starts[i], ends[i]));
    const changes = [];
    for (const field of FIELDS) {
      if (person[field] === row[field]) continue;
      changes.push({ field, from: person[field] ?? null, to: row[field] });
      person[field] = row[field];
    }
    person.updatedAt = at;
    person.history.push({ at, source: 'import', changes });
    changed.set(i, JSON.stringify(person));
  }
  // The new file: unchanged lines copied, the others written anew, then re-sealed (blocks before the
  // first change keep their digests).
  const out = Buffer.allocUnsafe(bytes.length * 2 + added.length * 2000);
  let size = first + 1;
  const write = (text) => (size += out.utf8Write(text, size));
  const lines = starts.length + added.length;
  let firstChanged = lines;
  for (let i = 0; i < lines; i++) {
    const text = i < starts.length ? changed.get(i) : added[i - starts.length];
    if (text === undefined) size += bytes.copy(out, size, starts[i], ends[i]);
    else {
      firstChanged = Math.min(firstChanged, i);
      write(text);
    }
    write(i < lines - 1 ? ',\n' : '\n');
  }
  write(']}\n');
  const digests = [];
  let from = first + 1;
  for (let k = 0; from < size; k++) {
    let to = from;
    for (let line = 0; line < BLOCK_LINES && to < size; line++) to = out.indexOf(NEWLINE, to) + 1 || size;
    digests.push((k + 1) * BLOCK_LINES <= firstChanged ? blocks[k] : digest(out.subarray(from, to)));
    from = to;
  }
  const header1 = `{"version":1,"seal":"sha256-blocks64:${createHash('sha256').update(Buffer.concat(digests)).digest('hex')}","people":[\n`;
  out.latin1Write(header1, 0);
  mkdirSync(join(dir, 'backups'), { recursive: true });
  linkSync(path, join(dir, 'backups', `roster-${Date.now()}-${process.pid}.json`));
  const fd = openSync(`${path}.new`, 'w', 0o600);
  for (let done = 0; done < size;) done += writeSync(fd, out, done, size - done);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(`${path}.new`, path);
  process.stdout.write(`${added.length} added, ${changed.size} updated\n`);
}

if (process.argv[2] === 'export') exportJson();
else if (process.argv[2] === 'import') importCsv();
else {
  process.stderr.write('usage: node scripts/bench-floor.cjs export|import\n');
  process.exit(2);
}
