// What a user installing the published package gets: pack it, install the tarball into an empty prefix,
// and run the installed command.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

describe('the packed package', () => {
  it('installs from its tarball and runs', () => {
    const work = tempDir();
    const npm = (args: string[], cwd = ROOT) =>
      execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, npm_config_ignore_scripts: 'true' },
      });
    // Packing runs no build here (scripts are off): it takes the dist/ that `npm test` just built.
    const tarball = join(work, npm(['pack', '--pack-destination', work, '--silent']).trim().split('\n').at(-1) ?? '');
    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    npm(['install', '--global', '--offline', '--prefix', prefix, tarball], work);
    const installed = join(prefix, 'bin', 'cx');
    const env = { ...process.env, CX_CONFIG_DIR: join(work, 'roster') };
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(execFileSync(installed, ['--version'], { env, encoding: 'utf8' })).toBe(`${version}\n`);
    const run = spawnSync(installed, ['assess', 'Dana Lee', '--answers', '-', '--json'], {
      env,
      input: JSON.stringify({ understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen' }),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'Dana Lee', stage: 'buy-in', disposition: 'advocate' });
    expect(spawnSync(installed, ['list', '--json'], { env, encoding: 'utf8' }).stdout).toContain('"Dana Lee"');
    // What it runs, and no more: no source maps, no build records.
    const files = readdirSync(join(prefix, 'lib', 'node_modules', 'cx-coach', 'dist')).sort();
    expect(files).toEqual(['cli.cjs', 'prompts.cjs']);
  });
});
