// The roster file's text, and how cx reads a large one quickly.
//
//   {"version":1,"seal":"sha256-blocks64:<64 hex digits>","people":[
//   {"id":"…","name":"…",…},
//   {"id":"…","name":"…",…}
//   ]}
//
// One person per line, characters beyond ASCII as \u escapes (the same JSON, one byte per character).
// The first line seals the rest: "seal" is a sha256 digest of every byte after that line, taken in
// blocks of 64 lines (the digest of the blocks' digests), so that a change rehashes only the blocks it
// changed. Every record written anew is checked first (personProblem), and a file is sealed only when
// all of them pass, so a file whose seal still matches holds exactly what cx wrote and checked. It is
// read without a second check, as one-byte text, and a change parses only the lines it needs and
// copies the others byte for byte. A file edited by hand (or written by an older cx, with another
// seal or none) no longer matches, and is read the careful way: parsed whole and checked person by
// person.
// No I/O here: the store reads and writes the bytes.

import { createHash } from 'node:crypto';
import type { Stakeholder } from '../domain/model.js';
import { isObject, personProblem } from '../domain/records.js';

/** The first line of a sealed file; the version is checked by the store. */
const SEAL = /^\{"version":(\d+),"seal":"sha256-blocks64:([0-9a-f]{64})","people":\[\n/;
/**
 * Lines to a block of the seal. The blocks of a file are its lines after the first, BLOCK_LINES at a
 * time, the last block holding what is left; the seal is the sha256 of the blocks' sha256 digests.
 */
const BLOCK_LINES = 64;
/** How a line as cx writes it starts: the id, then the name. */
const ID_FIELD = Buffer.from('{"id":"');
const NAME_FIELD = Buffer.from(',"name":"');
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;

/** Where each person's line is in a sealed file's bytes, and the digests of its blocks. */
export interface SealedLines {
  version: number;
  bytes: Buffer;
  starts: number[];
  ends: number[];
  /** Where each block starts; the last block ends where the file does. */
  blockStarts: number[];
  blockDigests: Buffer[];
}

/**
 * Bytes as one-byte text. Buffer's own latin1Slice where Node has it (every version cx supports):
 * toString's argument handling costs about three times as much on cold code, and a large roster reads
 * a line this way per person.
 */
const latin1: (bytes: Buffer, start: number, end: number) => string =
  typeof (Buffer.prototype as { latin1Slice?: unknown }).latin1Slice === 'function'
    ? (bytes, start, end) => (bytes as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(start, end)
    : (bytes, start, end) => bytes.toString('latin1', start, end);

const digest = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();
const sealOf = (blockDigests: readonly Buffer[]): string =>
  createHash('sha256').update(Buffer.concat(blockDigests)).digest('hex');

/**
 * The seal a file's first line names (its digest, as the header writes it), whether or not the content
 * still matches it; undefined without one.
 */
export function sealNamed(start: Buffer): string | undefined {
  const first = start.indexOf(NEWLINE);
  return first < 0 ? undefined : SEAL.exec(start.toString('latin1', 0, first + 1))?.[2];
}

/** The lines of a file whose seal matches its content; undefined for any other file. */
export function sealedLines(bytes: Buffer): SealedLines | undefined {
  const first = bytes.indexOf(NEWLINE);
  if (first < 0) return undefined;
  const seal = SEAL.exec(bytes.toString('latin1', 0, first + 1));
  if (!seal) return undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  const blockStarts: number[] = [];
  let lines = 0;
  let at = first + 1;
  // A block starts at every BLOCK_LINES-th line that has bytes, counting the lines after the people too.
  const line = (start: number): void => {
    if (lines++ % BLOCK_LINES === 0) blockStarts.push(start);
  };
  while (at < bytes.length && bytes[at] === OPEN_BRACE) {
    const next = bytes.indexOf(NEWLINE, at);
    if (next < 0) return undefined;
    line(at);
    starts.push(at);
    ends.push(bytes[next - 1] === COMMA ? next - 1 : next);
    at = next + 1;
  }
  for (; at < bytes.length; at = bytes.indexOf(NEWLINE, at) + 1 || bytes.length) line(at);
  const blockDigests = blockStarts.map((start, k) => digest(bytes.subarray(start, blockStarts[k + 1] ?? bytes.length)));
  if (sealOf(blockDigests) !== seal[2]) return undefined;
  return { version: Number(seal[1]), bytes, starts, ends, blockStarts, blockDigests };
}

/** How much of the file a read holds at once (plus the line that straddles two pieces). */
const PIECE = 1 << 20;

/**
 * Every person of a sealed file, read a piece at a time from `read` (which fills a buffer and returns
 * how many bytes it put there, 0 at the end), so a large file is never whole in memory beside its
 * people. Undefined when the file is not sealed, or its seal does not match what was read.
 */
export function readSealed(read: (into: Buffer) => number): { version: number; people: Stakeholder[] } | undefined {
  const piece = Buffer.allocUnsafe(PIECE);
  let filled = 0;
  let first = -1;
  // The first line, whole (a read may return less than was asked for).
  for (let count = 1; first < 0 && filled < PIECE && count > 0; filled += count) {
    count = read(piece.subarray(filled));
    first = piece.subarray(0, filled + count).indexOf(NEWLINE);
  }
  const seal = first < 0 ? null : SEAL.exec(piece.toString('latin1', 0, first + 1));
  if (!seal) return undefined;
  // The block being hashed: how many of its lines have ended, and whether it has any bytes yet.
  const blockDigests: Buffer[] = [];
  let block = createHash('sha256');
  let blockLines = 0;
  let blockBytes = 0;
  const people: Stakeholder[] = [];
  let rest: Buffer | undefined; // the start of a line that the next piece ends
  let from = first + 1;
  try {
    while (filled > 0) {
      const bytes = piece.subarray(0, filled);
      let blockFrom = from;
      for (let at = from; at < filled;) {
        const next = bytes.indexOf(NEWLINE, at);
        if (next < 0) {
          rest = rest ? Buffer.concat([rest, bytes.subarray(at)]) : Buffer.from(bytes.subarray(at));
          break;
        }
        if (++blockLines === BLOCK_LINES) {
          block.update(bytes.subarray(blockFrom, next + 1));
          blockDigests.push(block.digest());
          block = createHash('sha256');
          blockFrom = next + 1;
          blockLines = 0;
          blockBytes = 0;
        }
        const line = rest ? Buffer.concat([rest, bytes.subarray(at, next)]) : bytes.subarray(at, next);
        rest = undefined;
        if (line[0] === OPEN_BRACE) {
          const end = line[line.length - 1] === COMMA ? line.length - 1 : line.length;
          people.push(JSON.parse(latin1(line, 0, end)) as Stakeholder);
        }
        at = next + 1;
      }
      block.update(bytes.subarray(blockFrom));
      blockBytes += filled - blockFrom;
      from = 0;
      filled = read(piece);
    }
  } catch {
    return undefined; // a line that is not JSON: not what cx wrote, whatever the seal says
  }
  if (blockBytes > 0) blockDigests.push(block.digest());
  return sealOf(blockDigests) === seal[2] ? { version: Number(seal[1]), people } : undefined;
}

/** A person read for a change: the line it came from, and the record once something asks for it. */
interface LazyLine {
  /** The file it was read from, and which of its people it was. */
  source: SealedLines;
  index: number;
  bytes: Buffer;
  start: number;
  end: number;
  /** Where the id's text ends (it starts right after `{"id":"`): read when asked for. */
  idEnd: number;
  name: string;
  record?: Stakeholder;
  /** Set when the record was changed in place: its line no longer says what it holds. */
  changed?: boolean;
}

/** What a lazily read person answers with its line (to the serializer; no record has this key). */
const LINE = Symbol('line');
const recordOf = (line: LazyLine): Stakeholder =>
  (line.record ??= JSON.parse(latin1(line.bytes, line.start, line.end)) as Stakeholder);

/**
 * A person whose record is parsed only when something other than the id or the name is read: a change
 * to a few people in a large roster looks up everyone by name, and parses only those it changes. To
 * every reader it is the record itself (spreading, JSON.stringify and `in` see all its fields).
 */
const lazyHandler: ProxyHandler<LazyLine> = {
  // Once parsed, the record answers everything (its name may have been changed in place).
  get: (line, key) =>
    key === LINE
      ? line
      : key === 'name' && !line.record
        ? line.name
        : key === 'id' && !line.record
          ? textOf(line.bytes, line.start + ID_FIELD.length, line.idEnd)
          : Reflect.get(recordOf(line), key),
  has: (line, key) => key in recordOf(line),
  ownKeys: (line) => Reflect.ownKeys(recordOf(line)),
  // A parsed record's fields are plain, configurable data properties: reported as they are.
  getOwnPropertyDescriptor: (line, key) => Reflect.getOwnPropertyDescriptor(recordOf(line), key),
  set: (line, key, value) => {
    line.changed = true;
    return Reflect.set(recordOf(line), key, value);
  },
  deleteProperty: (line, key) => {
    line.changed = true;
    return Reflect.deleteProperty(recordOf(line), key);
  },
  defineProperty: (line, key, descriptor) => {
    line.changed = true;
    return Reflect.defineProperty(recordOf(line), key, descriptor);
  },
};

/**
 * The people of a sealed file as records parsed on first use. Those `parseNow` picks by name (the ones
 * a change is about to change: a lazy record is slow to copy) and lines whose id and name cannot be
 * read from their start (not written by this cx, say) are parsed at once.
 */
export function lazyPeople(source: SealedLines, parseNow?: (name: string) => boolean): Stakeholder[] {
  const { bytes, starts, ends } = source;
  const people = new Array<Stakeholder>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    const idEnd = fieldEnd(bytes, ID_FIELD, start, end);
    const nameEnd = idEnd < 0 ? -1 : fieldEnd(bytes, NAME_FIELD, idEnd + 1, end);
    if (nameEnd < 0) {
      people[i] = JSON.parse(latin1(bytes, start, end)) as Stakeholder;
      continue;
    }
    const name = textOf(bytes, idEnd + 1 + NAME_FIELD.length, nameEnd);
    if (parseNow?.(name)) {
      people[i] = JSON.parse(latin1(bytes, start, end)) as Stakeholder;
      continue;
    }
    const line: LazyLine = { source, index: i, bytes, start, end, idEnd, name };
    const person = new Proxy(line, lazyHandler) as unknown as Stakeholder;
    people[i] = person;
  }
  return people;
}

/**
 * Where the JSON string that follows `field` (which ends with its opening quote) ends: the offset of its
 * closing quote, or -1 when the bytes at `at` are not `field`.
 */
function fieldEnd(bytes: Buffer, field: Buffer, at: number, end: number): number {
  for (let k = 0; k < field.length; k++) if (bytes[at + k] !== field[k]) return -1;
  for (let j = at + field.length; j < end; j++) {
    if (bytes[j] === BACKSLASH)
      j++; // an escape: the next byte is part of it
    else if (bytes[j] === QUOTE) return j;
  }
  return -1;
}

/** The text of a JSON string's content in a sealed (ASCII) file, escapes read. */
function textOf(bytes: Buffer, start: number, end: number): string {
  const raw = latin1(bytes, start, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/**
 * A person's line as JSON: the id and name first (so a change can find people without parsing them).
 * Not yet ASCII: Output.json escapes what is not.
 */
function personLine(person: Stakeholder): string {
  let first: string | undefined;
  let second: string | undefined;
  for (const key in person) {
    if (first === undefined) first = key;
    else {
      second = key;
      break;
    }
  }
  // Records are made with the id and the name first; copying one into that order is the rare case.
  const ordered = first === 'id' && second === 'name' ? person : (({ id, name, ...rest }) => ({ id, name, ...rest }))(person);
  return JSON.stringify(ordered);
}

/** JSON text with every character beyond ASCII as a \u escape: the same JSON, one byte per character. */
export const asciiJson = (json: string): string =>
  /[^\x00-\x7f]/.test(json)
    ? json.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;

/** A record that is not as cx writes them: cx must not save it (a bug, or input that escaped a check). */
export class RecordProblem extends Error {}

/**
 * The file's bytes. People read lazily and left unchanged are copied from the file they came from, a
 * run of neighbours at a time; everyone else is written anew, after the check that sealing vouches for.
 * `seal: false` writes a file without a seal and without that check (a copy of something never
 * checked, which its next reader will check in full).
 *
 * Lines go straight into one growing buffer (a large import's new lines are not all kept as strings
 * until the end), and a block that holds the same lines as the file's block in the same place keeps
 * that block's digest: a change to a few people rehashes a few blocks, not the whole file.
 */
export function serializeRoster(value: { version: number; people: readonly Stakeholder[] }, { seal = true } = {}): Buffer {
  const { people } = value;
  // The header's length does not depend on the digest: the body is written after room for it.
  const header = (digest: string): string =>
    `{"version":${value.version},${seal ? `"seal":"sha256-blocks64:${digest}",` : ''}"people":[\n`;
  const headerSize = header('0'.repeat(64)).length;
  const out = new Output(headerSize, people.length);
  const blockStarts: number[] = [];
  let source: SealedLines | undefined; // the file the first unchanged line came from
  // Whether each block holds the same people, unchanged, as the source's block in the same place.
  const kept: boolean[] = [];
  // Unchanged neighbours in the file they came from are copied together, separators included.
  let run: { bytes: Buffer; start: number; end: number } | undefined;
  const flush = (): void => {
    if (run) out.copy(run.bytes, run.start, run.end);
    run = undefined;
  };
  for (let i = 0; i < people.length; i++) {
    const person = people[i] as Stakeholder;
    const line = isObject(person) ? (person as unknown as { [LINE]?: LazyLine })[LINE] : undefined;
    const unchanged = line !== undefined && !line.changed;
    if (unchanged) source ??= line.source;
    const block = Math.floor(i / BLOCK_LINES);
    kept[block] = (i % BLOCK_LINES === 0 || kept[block] === true) && unchanged && line.source === source && line.index === i;
    if (unchanged && run && run.bytes === line.bytes && run.end + 2 === line.start) {
      if (i % BLOCK_LINES === 0) blockStarts.push(out.size + line.start - run.start);
      run.end = line.end;
      continue;
    }
    flush();
    if (i > 0) out.text(',\n');
    if (i % BLOCK_LINES === 0) blockStarts.push(out.size);
    if (unchanged) {
      run = { bytes: line.bytes, start: line.start, end: line.end };
      continue;
    }
    const problem = seal ? personProblem(person) : undefined;
    if (problem) throw new RecordProblem(`person ${i + 1} (${String(person.name)}) ${problem}`);
    // Anything else in the list (only in an unsealed copy of a broken file) is written as it is.
    out.json(isObject(person) ? personLine(person) : JSON.stringify(person));
  }
  flush();
  if (people.length > 0) out.text('\n');
  if (people.length % BLOCK_LINES === 0) blockStarts.push(out.size);
  out.text(']}\n');
  const bytes = out.bytes();
  if (seal) {
    // A block keeps its old digest when it holds the source's lines of the same block, unchanged, and
    // more people follow it in both files: its bytes are then the old block's, separators and all. (The
    // last blocks, which end the list, are hashed.) Every other block is hashed.
    const followed = Math.min(people.length, source?.starts.length ?? 0);
    const digests = blockStarts.map((start, k) => {
      const old = source?.blockDigests[k];
      if (old && kept[k] && (k + 1) * BLOCK_LINES < followed) return old;
      return digest(bytes.subarray(start, blockStarts[k + 1] ?? bytes.length));
    });
    bytes.write(header(sealOf(digests)), 0, 'latin1');
  } else bytes.write(header(''), 0, 'latin1');
  return bytes;
}

/** A buffer that grows as lines are written into it, with room for the header at its start. */
class Output {
  #bytes: Buffer;
  size: number;

  constructor(headerSize: number, people: number) {
    this.#bytes = Buffer.allocUnsafe(headerSize + people * 1200 + 64);
    this.size = headerSize;
  }

  #room(more: number): void {
    if (this.size + more <= this.#bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.size + more, Math.ceil(this.#bytes.length * 1.5)));
    this.#bytes.copy(bigger, 0, 0, this.size);
    this.#bytes = bigger;
  }

  /** ASCII text: one byte per character. */
  text(text: string): void {
    this.#room(text.length);
    this.size += this.#bytes.write(text, this.size, 'latin1');
  }

  /**
   * JSON text, with any character beyond ASCII as a \u escape. Written as UTF-8 first: when that takes
   * one byte a character, the text was ASCII (the common case, found without a second pass over it).
   */
  json(json: string): void {
    this.#room(json.length * 3); // the most UTF-8 needs for a UTF-16 unit
    const written = this.#bytes.write(json, this.size, 'utf8');
    if (written === json.length) this.size += written;
    else this.text(asciiJson(json));
  }

  copy(from: Buffer, start: number, end: number): void {
    this.#room(end - start);
    this.size += from.copy(this.#bytes, this.size, start, end);
  }

  bytes(): Buffer {
    return this.#bytes.subarray(0, this.size);
  }
}
