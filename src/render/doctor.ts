// cx doctor's findings on the screen: a tick or a cross each, and what to do next.
import { paint } from './color.js';
import { inert } from './text.js';

/** One thing cx doctor looked at, and what it found. */
export interface Finding {
  ok: boolean;
  text: string;
}

/** The findings, a line each; they quote file names, paths and pieces of broken files: inert. */
export function renderFindings(findings: readonly Finding[], restoreHint = false): string {
  const c = paint();
  const lines = findings.map((finding) => `${finding.ok ? c.green('✓') : c.red('✗')} ${inert(finding.text)}`);
  if (restoreHint) lines.push('', 'To put back the newest good backup (the broken file is kept beside it): cx doctor --restore');
  return `${lines.join('\n')}\n`;
}
