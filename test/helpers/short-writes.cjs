// Preloaded into a cx process (node --require) to make the disk misbehave for the roster's files:
// CX_TEST_WRITES=half   every write to a file in the roster folder takes half of what it is given
//                full   a disk with CX_TEST_FREE bytes left: writes past it take what fits, then fail
//                kill   cx is killed (SIGKILL) as it starts to write the new roster, or as it starts
//                       to write a file whose path matches CX_TEST_KILL_AT (a regular expression);
//                       with CX_TEST_KILL_WHEN=after, once that write is done
// Linux only: a write's file is found through /proc/self/fd.
'use strict';
const fs = require('node:fs');
const mode = process.env.CX_TEST_WRITES;
const folder = process.env.CX_CONFIG_DIR;
let free = Number(process.env.CX_TEST_FREE ?? 0);
const killAt = new RegExp(process.env.CX_TEST_KILL_AT ?? '[\\\\/]roster\\.json\\.tmp');
const original = fs.writeSync;
const pathOf = (fd) => {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return '';
  }
};
const inRoster = (fd) => pathOf(fd).startsWith(folder);
fs.writeSync = function writeSync(fd, buffer, ...rest) {
  if (typeof fd !== 'number' || !inRoster(fd)) return original.call(fs, fd, buffer, ...rest);
  if (typeof buffer === 'string') {
    // writeSync(fd, text, position, encoding)
    const [at, encoding] = rest;
    return writeSync(fd, Buffer.from(buffer, encoding ?? 'utf8'), 0, undefined, at ?? null);
  }
  const [offset = 0, given, position] = rest;
  const length = given ?? buffer.length - offset;
  if (mode === 'kill' && killAt.test(pathOf(fd))) {
    if (process.env.CX_TEST_KILL_WHEN === 'after') original.call(fs, fd, buffer, offset, length, position);
    process.kill(process.pid, 'SIGKILL');
  }
  if (mode === 'half') return original.call(fs, fd, buffer, offset, Math.max(1, Math.floor(length / 2)), position);
  if (mode === 'full') {
    if (free <= 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const taken = Math.min(length, free);
    free -= taken;
    return original.call(fs, fd, buffer, offset, taken, position);
  }
  return original.call(fs, fd, buffer, ...rest);
};
