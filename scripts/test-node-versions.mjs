// Runs the whole test suite again on other Node.js majors (default: 22 and 24), as CI does.
// The `node` package on the npm registry provides each major's binary; it is installed once into
// node_modules/.cache/cx-node/<major>. Build first (npm test does): the tests run the built CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors = process.argv.length > 2 ? process.argv.slice(2) : ['22', '24'];
const failed = [];
for (const major of majors) {
  const prefix = join(root, 'node_modules', '.cache', 'cx-node', major);
  const node = join(prefix, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node@${major}`], {
      stdio: 'inherit',
    });
  }
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\n== The test suite on Node.js ${version}`);
  const run = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(version);
}
if (failed.length > 0) {
  console.error(`\nThe tests failed on Node.js ${failed.join(', ')}.`);
  process.exit(1);
}
