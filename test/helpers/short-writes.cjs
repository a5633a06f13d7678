// Preloaded into a cx process (node --require) to make the disk misbehave for the roster's files:
// CX_TEST_WRITES=half   every write to a file in the roster folder takes half of what it is given
//                full   a disk with CX_TEST_FREE bytes left: writes past it take what fits, then fail
//                kill   cx is killed (SIGKILL) as it starts to write the new roster, or as it starts
//                       to write a file whose path matches CX_TEST_KILL_AT (a regular expression);
//                       with CX_TEST_KILL_WHEN=after, once that write is done
//                stop   cx stops itself (SIGSTOP, as Ctrl+Z would) where `kill` would kill it, or once
//                       it has made a folder whose path matches CX_TEST_KILL_AT (the lock, say)
// Linux only: a write's file is found through /proc/self/fd.
'use strict';
const fs = require('node:fs');
const mode = process.env.CX_TEST_WRITES;
const folder = process.env.CX_CONFIG_DIR;
let free = Number(process.env.CX_TEST_FREE ?? 0);
const killAt = new RegExp(process.env.CX_TEST_KILL_AT ?? '[\\\\/]roster\\.json\\.tmp');
const original = fs.writeSync;
// Stopped once only: continued, cx goes on as it would after Ctrl+Z and fg.
let stoppedOnce = false;
const stop = () => {
  stoppedOnce = true;
  process.kill(process.pid, mode === 'kill' ? 'SIGKILL' : 'SIGSTOP');
};
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
  if ((mode === 'kill' || mode === 'stop') && killAt.test(pathOf(fd)) && !stoppedOnce) {
    if (process.env.CX_TEST_KILL_WHEN === 'after') original.call(fs, fd, buffer, offset, length, position);
    stop();
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

const mkdir = fs.mkdir;
fs.mkdir = function (path, ...rest) {
  const callback = rest.pop();
  return mkdir.call(fs, path, ...rest, (error, ...results) => {
    callback(error, ...results);
    if (!error && mode === 'stop' && killAt.test(String(path)) && !stoppedOnce) stop();
  });
};
