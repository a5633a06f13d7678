#!/usr/bin/env node
// The `cx` command: the launcher of the built CLI (docs/performance.md, "What start-up costs").
//
// - `cx --version` and `cx --help` are printed from files the build wrote, so the two commonest questions
//   start no more than Node itself.
// - Everything else runs dist/cli.cjs, one CommonJS bundle, compiled with the V8 code cache that the
//   build left beside it (dist/cli.cache): the functions a command runs are then not compiled again
//   on every start. A cache is used only when its header vouches for it: made by this Node (V8 turns
//   down another's), for this bundle (V8 itself checks no more than its length: a cache of an edited
//   bundle would run the old code), with its data whole (Node 20's V8 does not checksum it, and
//   damaged data can crash the process).
// - Without such a cache (a package built under another Node), Node 22 and later keep a compile cache
//   of their own (module.enableCompileCache, in a folder of the system's temporary folder that only
//   this user can write), and the bundle is required as a plain CommonJS file; Node 20 compiles it
//   as usual.
//
// CommonJS on purpose: Node starts an ES module entry, and loads ES module chunks, more slowly.
'use strict';
const { accessSync, constants, lstatSync, mkdirSync, readFileSync, realpathSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');

// Where the package is, even when this file was started through a link kept as a link.
const DIST = join(dirname(realpathSync(__filename)), '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CACHE = join(DIST, 'cli.cache');
/**
 * The name stack traces give the bundle. Node 20 keeps the name a cache was made under, so the build
 * folder's path would show on every machine: a fixed name reads the same with and without the cache.
 */
const NAME = 'cx/dist/cli.cjs';
const DIGEST_BYTES = 32;

const sha256 = (data) => require('node:crypto').createHash('sha256').update(data).digest();
/** Which Node a cache is for. */
const runtime = () => sha256(`node ${process.version} ${process.arch}`);

/**
 * The cache file: the sha256 of the Node it was made by, of the bundle it belongs to, and of V8's
 * data, then the data.
 */
function cacheFile(bundleDigest, data) {
  return Buffer.concat([runtime(), bundleDigest, sha256(data), data]);
}

/** The cache file, when it was made by this Node; undefined otherwise, or without one. */
function cacheForThisNode() {
  let file;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined; // no cache (not built yet, or removed): compiled as usual
  }
  return file.length > 3 * DIGEST_BYTES && file.subarray(0, DIGEST_BYTES).equals(runtime()) ? file : undefined;
}

/** V8's data from a cache file of this Node, when it belongs to the bundle and its data is whole. */
function cachedData(file, bundleDigest) {
  if (!file || !file.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(bundleDigest)) return undefined;
  const data = file.subarray(3 * DIGEST_BYTES);
  return sha256(data).equals(file.subarray(2 * DIGEST_BYTES, 3 * DIGEST_BYTES)) ? data : undefined;
}

/**
 * The bundle as a V8 script, with the code cache when it is sound for this Node and this bundle.
 * `cached` is what was handed to V8 (undefined without a sound cache); `script.cachedDataRejected`
 * says whether V8 took it.
 */
function compile(file = cacheForThisNode()) {
  const source = readFileSync(BUNDLE, 'utf8');
  const digest = sha256(source);
  const cached = cachedData(file, digest);
  const vm = require('node:vm');
  // The same wrapper as Node's own for CommonJS files: the bundle sees exports, require and module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: NAME, cachedData: cached });
  return { script, digest, cached };
}

/**
 * A folder for Node's compile cache that only this user can write: Node's default, one folder in the
 * system's temporary folder for everyone, would run code that another user left there. Undefined
 * (no cache) when it cannot be made, or is not this user's alone.
 */
function privateCacheFolder() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = join(require('node:os').tmpdir(), `cx-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return undefined;
  }
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return undefined;
    // On Windows the temporary folder is the user's own, and modes and owners mean little.
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * How to start the CLI: with the build's cache when it is this Node's, else with Node's own where it
 * has one. Reads what it needs first, so that a missing or unreadable bundle is told apart from
 * anything the CLI itself might throw.
 */
function prepare() {
  const file = cacheForThisNode();
  const { enableCompileCache } = require('node:module');
  if (!file && typeof enableCompileCache === 'function') {
    if (!statSync(BUNDLE).isFile()) throw Object.assign(new Error(`${BUNDLE} is not a file`), { code: 'EISDIR' });
    accessSync(BUNDLE, constants.R_OK);
    return () => {
      const folder = privateCacheFolder();
      if (folder) enableCompileCache(folder);
      require(BUNDLE);
    };
  }
  const { script } = compile(file);
  return () => run(script);
}

/** Runs the bundle (which starts the CLI with process.argv) and returns its exports. */
function run(script) {
  const module = { exports: {} };
  const requireFromBundle = require('node:module').createRequire(BUNDLE);
  script.runInThisContext()(module.exports, requireFromBundle, module, BUNDLE, DIST);
  return module.exports;
}

function quickAnswer(args) {
  const file =
    args.length === 1
      ? { '--version': 'version.txt', '-v': 'version.txt', '--help': 'help.txt', '-h': 'help.txt' }[args[0]]
      : undefined;
  if (!file) return false;
  let text;
  try {
    text = readFileSync(join(DIST, file));
  } catch {
    return false; // not built yet: the CLI says so below
  }
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0); // a reader that stops early is fine
    process.stderr.write(`cx: could not write the output (${error.code || error.message}); it is incomplete\n`);
    process.exit(1);
  });
  process.stdout.write(text);
  return true;
}

if (require.main === module) {
  if (!quickAnswer(process.argv.slice(2))) {
    let launch;
    try {
      launch = prepare();
    } catch (error) {
      if (error && error.code === 'ENOENT') {
        console.error('cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.');
        process.exit(1);
      }
      if (error && error.code) {
        console.error(`cx: cannot read ${BUNDLE} (${error.code}); reinstall cx, or run \`npm run build\` in its folder.`);
        process.exit(1);
      }
      throw error;
    }
    launch();
  }
}

module.exports = { compile, run, cacheFile, BUNDLE, CACHE };
