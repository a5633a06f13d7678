// Checks the README's sample outputs against what cx prints now, and with --write puts the new ones in.
// The samples come from scripts/readme-samples.sh (a sample roster, a pinned clock); a README block is a
// "$ cx ..." line inside a ```text fence, followed by its output up to the fence's end or the next "$ ".
// Usage: npm run build && node scripts/readme-sync.mjs [--write]   (exits 1 when a block differs)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const samples = execFileSync('bash', [fileURLToPath(new URL('readme-samples.sh', import.meta.url))], { encoding: 'utf8' });

/** Each sample command ("$ cx list") with the lines it printed, trailing blank lines dropped. */
const printed = new Map();
let current;
for (const line of samples.split('\n')) {
  if (line.startsWith('$ ')) printed.set((current = line), []);
  else if (current !== undefined) printed.get(current).push(line);
}
const trimmed = (lines) => {
  const copy = [...lines];
  while (copy.length > 0 && copy.at(-1) === '') copy.pop();
  return copy;
};

const lines = readFileSync(readme, 'utf8').split('\n');
const out = [];
const differ = [];
for (let i = 0; i < lines.length;) {
  const line = lines[i];
  if (!line.startsWith('$ ') || !printed.has(line)) {
    out.push(line);
    i++;
    continue;
  }
  let end = i + 1;
  while (end < lines.length && !lines[end].startsWith('```') && !lines[end].startsWith('$ ')) end++;
  const shown = lines.slice(i + 1, end);
  const blank = shown.length - trimmed(shown).length;
  const now = trimmed(printed.get(line));
  if (trimmed(shown).join('\n') !== now.join('\n')) differ.push(line);
  out.push(line, ...now, ...Array(blank).fill(''));
  i = end;
}

if (process.argv.includes('--write')) {
  writeFileSync(readme, out.join('\n'));
  console.log(
    differ.length ? `README: ${differ.length} sample(s) written again: ${differ.join('; ')}` : 'README: samples up to date',
  );
} else if (differ.length) {
  console.error(`README: ${differ.length} sample(s) differ from what cx prints now: ${differ.join('; ')}`);
  console.error('Run: npm run build && node scripts/readme-sync.mjs --write');
  process.exitCode = 1;
} else console.log('README: samples up to date');
