// The V8 code cache that bin/cx.cjs compiles the bundle with (scripts/code-cache.cjs makes it): taken
// when it was made for this bundle by this Node, and never used for another bundle or another Node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cxEnv, tempDir } from './helpers/cli.js';

/** A copy of the built cx (bin/, dist/ and the cache maker) to change freely. */
function copyOfCx(): string {
  const copy = tempDir();
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  mkdirSync(join(copy, 'scripts'));
  cpSync(join(ROOT, 'scripts', 'code-cache.cjs'), join(copy, 'scripts', 'code-cache.cjs'));
  return copy;
}

/** What bin/cx.cjs makes of the cache in a copy: whether it handed one to V8, and whether V8 took it. */
function probe(copy: string): { handed: boolean; taken: boolean } {
  const code = `const { compile } = require(${JSON.stringify(join(copy, 'bin', 'cx.cjs'))});
    const { cached, script } = compile();
    process.stdout.write(JSON.stringify({ handed: cached !== undefined, taken: cached !== undefined && !script.cachedDataRejected }));`;
  const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { handed: boolean; taken: boolean };
}

const where = (copy: string) =>
  spawnSync(process.execPath, [join(copy, 'bin', 'cx.cjs'), 'help'], { encoding: 'utf8', env: cxEnv(tempDir()) });

let copy: string;
beforeAll(() => {
  copy = copyOfCx();
  // Made again here by the Node that runs the tests (the build's may be another: see test:node-versions).
  const made = spawnSync(process.execPath, [join(copy, 'scripts', 'code-cache.cjs')], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
});

describe('the code cache', () => {
  it('is made for the bundle beside it, and V8 takes it', () => {
    expect(probe(copy)).toEqual({ handed: true, taken: true });
    expect(where(copy).stdout).toContain('print the path of the roster file');
  });

  it('is not used for another bundle, even one of the same length (all V8 itself checks)', () => {
    const changed = copyOfCx();
    cpSync(join(copy, 'dist', 'cli.cache'), join(changed, 'dist', 'cli.cache'));
    const bundle = join(changed, 'dist', 'cli.cjs');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('print the path of the roster file');
    writeFileSync(bundle, text.replace('print the path of the roster file', 'print the PATH of the roster file'));
    expect(probe(changed)).toEqual({ handed: false, taken: false });
    expect(where(changed).stdout).toContain('print the PATH of the roster file');
  });

  it('is not needed: without one, or with a damaged one, cx works the same', () => {
    const without = copyOfCx();
    rmSync(join(without, 'dist', 'cli.cache'));
    expect(probe(without)).toEqual({ handed: false, taken: false });
    expect(where(without)).toMatchObject({ status: 0, stdout: where(copy).stdout });
    // Damaged data: Node 20's V8 does not check it (a flipped byte crashed the process), so the
    // launcher's own digest of the data must.
    const cache = readFileSync(join(copy, 'dist', 'cli.cache'));
    for (const at of [5, 40, 70, 1000, Math.floor(cache.length / 2), cache.length - 1]) {
      const damaged = Buffer.from(cache);
      damaged[at] = (damaged[at] as number) ^ 1;
      writeFileSync(join(without, 'dist', 'cli.cache'), damaged);
      expect(probe(without), `byte ${at}`).toEqual({ handed: false, taken: false });
      expect(where(without), `byte ${at}`).toMatchObject({ status: 0, stdout: where(copy).stdout });
    }
  });

  it('is not handed to another Node, and cx works the same (Node 22 and later with their own cache)', () => {
    const other = copyOfCx();
    const cache = readFileSync(join(copy, 'dist', 'cli.cache'));
    const elsewhere = Buffer.from(cache);
    createHash('sha256').update('node v0.0.0 elsewhere').digest().copy(elsewhere, 0);
    writeFileSync(join(other, 'dist', 'cli.cache'), elsewhere);
    expect(probe(other)).toEqual({ handed: false, taken: false });
    expect(where(other)).toMatchObject({ status: 0, stdout: where(copy).stdout });
  });

  it('is turned down by V8 when V8 did not write its data, and cx works the same', () => {
    const other = copyOfCx();
    // Digests that vouch for data V8 never wrote (as a cache from another Node would be).
    const code = `const { cacheFile, compile } = require(${JSON.stringify(join(other, 'bin', 'cx.cjs'))});
      require('node:fs').writeFileSync(${JSON.stringify(join(other, 'dist', 'cli.cache'))}, cacheFile(compile().digest, Buffer.alloc(4096, 7)));`;
    expect(spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' }).stderr).toBe('');
    expect(probe(other)).toEqual({ handed: true, taken: false });
    expect(where(other)).toMatchObject({ status: 0, stdout: where(copy).stdout });
  });

  it('leaves no build folder in stack traces: the bundle has the same name wherever it runs', () => {
    const code = `const { compile } = require(${JSON.stringify(join(copy, 'bin', 'cx.cjs'))});
      const { script } = compile();
      try { script.runInThisContext()(); } catch (error) { process.stdout.write(String(error.stack)); }`;
    const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    expect(run.stdout).toContain('cx/dist/cli.cjs');
    expect(run.stdout).not.toContain(copy);
  });
});

describe('the launcher', () => {
  it('finds the bundle when started through a link that Node keeps as a link', () => {
    const dir = tempDir();
    const link = join(dir, 'cx');
    symlinkSync(join(copy, 'bin', 'cx.cjs'), link);
    const run = spawnSync(process.execPath, ['--preserve-symlinks-main', link, 'help'], {
      encoding: 'utf8',
      env: cxEnv(tempDir()),
    });
    expect(run).toMatchObject({ status: 0, stdout: where(copy).stdout });
  });
});

// Node 22 and later: `module.enableCompileCache` (this part runs in test:node-versions, and in CI).
describe.skipIf(typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache !== 'function')(
  "Node's own compile cache, under another Node than the build's",
  () => {
    /** A copy of cx whose cache says another Node made it, run with its own temporary folder. */
    const setUp = () => {
      const other = copyOfCx();
      const cache = readFileSync(join(copy, 'dist', 'cli.cache'));
      createHash('sha256').update('node v0.0.0 elsewhere').digest().copy(cache, 0);
      writeFileSync(join(other, 'dist', 'cli.cache'), cache);
      const tmp = tempDir();
      const folder = join(tmp, `cx-compile-cache-${process.getuid?.() ?? ''}`.replace(/-$/, ''));
      const run = () =>
        spawnSync(process.execPath, [join(other, 'bin', 'cx.cjs'), 'help'], {
          encoding: 'utf8',
          env: cxEnv(tempDir(), {
            TMPDIR: tmp,
            TEMP: tmp,
            TMP: tmp,
            NODE_COMPILE_CACHE: undefined,
            NODE_DISABLE_COMPILE_CACHE: undefined,
          }),
        });
      return { folder, run };
    };

    it('is kept in a folder of the temporary folder that only this user can open', () => {
      const { folder, run } = setUp();
      expect(run()).toMatchObject({ status: 0, stdout: where(copy).stdout });
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(0);
    });

    it('is not used in a folder others can write (they could leave code there)', () => {
      const { folder, run } = setUp();
      mkdirSync(folder);
      chmodSync(folder, 0o777);
      expect(run()).toMatchObject({ status: 0, stdout: where(copy).stdout });
      expect(readdirSync(folder)).toEqual([]);
    });
  },
);

describe.skipIf(!existsSync('/dev/full'))('output that cannot be written', () => {
  it.each([[['tactics', 'buy-in']], [['--help']]])('cx %j says so in one line, and exits 1', (args) => {
    const dir = tempDir();
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'cx.cjs')}" ${args.join(' ')} > /dev/full`], {
      encoding: 'utf8',
      env: cxEnv(dir),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('cx: could not write the output (ENOSPC); it is incomplete\n');
  });
});

describe('the launcher, without a bundle it can read', () => {
  const run = (copy: string) =>
    spawnSync(process.execPath, [join(copy, 'bin', 'cx.cjs'), 'list'], { encoding: 'utf8', env: cxEnv(tempDir()) });

  it('says to build when there is none', () => {
    const copy = copyOfCx();
    rmSync(join(copy, 'dist', 'cli.cjs'));
    expect(run(copy)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.\n',
    });
  });

  it('names the file it cannot read, in one line', () => {
    const copy = copyOfCx();
    rmSync(join(copy, 'dist', 'cli.cjs'));
    mkdirSync(join(copy, 'dist', 'cli.cjs'));
    const result = run(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `cx: cannot read ${join(copy, 'dist', 'cli.cjs')} (EISDIR); reinstall cx, or run \`npm run build\` in its folder.\n`,
    );
  });
});
