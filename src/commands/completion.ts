// cx completion bash|zsh: a shell script that completes commands, options, ids and roster names.
// The lists are read from the program itself, so new commands and options complete without edits here.
import type { Command } from 'commander';
import { DISPOSITIONS, INFLUENCES, OUTCOMES, REASONS, STAGES, TACTICS } from '../domain/model.js';
import { SORTS } from '../domain/filter.js';
import { IMPORT_FORMATS } from '../domain/import.js';
import { UsageError } from '../errors.js';
import { RosterStore } from '../store/roster-store.js';
import { io } from '../io.js';
import { inert } from '../render/inert.js';

/** Values each option takes. */
const VALUES: Record<string, readonly string[]> = {
  '--stage': STAGES,
  '--target': STAGES,
  '--disposition': DISPOSITIONS,
  '--reason': [...REASONS, 'none'],
  '--influence': INFLUENCES,
  '--format': IMPORT_FORMATS,
  '--sort': SORTS,
  '--tactic': TACTICS,
  '--outcome': OUTCOMES,
};
/** Options whose value is a file name. */
const FILES = ['--answers', '-a', '--output', '-o'];

/** What each command's arguments are: roster names, a file, or fixed words. */
const ARGUMENTS: Record<string, 'names' | 'first-name' | 'files' | 'commands' | readonly string[]> = {
  assess: 'names',
  show: 'names',
  set: 'names',
  rm: 'names',
  log: 'first-name', // then what happened: free text
  help: 'commands',
  forget: 'names',
  tactics: [...STAGES, ...DISPOSITIONS, ...TACTICS],
  import: 'files',
  completion: ['bash', 'zsh'],
};

interface Spec {
  commands: { name: string; options: string[] }[];
  globalOptions: string[];
  /** Options that take a value of their own words (a note, a day): nothing is offered after them. */
  freeValues: string[];
}

function specOf(program: Command): Spec {
  const longs = (command: Command) => command.options.map((option) => option.long).filter((long): long is string => !!long);
  const taking = [program, ...program.commands]
    .flatMap((command) => command.options)
    .filter((option) => option.required || option.optional)
    .flatMap((option) => [option.long, option.short])
    .filter((flag): flag is string => !!flag && !(flag in VALUES) && !FILES.includes(flag));
  return {
    freeValues: [...new Set(taking)].sort(),
    commands: program.commands
      .filter((command) => !command.name().startsWith('_'))
      .flatMap((command) =>
        [command.name(), ...command.aliases()].map((name) => ({ name, options: [...longs(command), '--help'] })),
      ),
    globalOptions: [...longs(program), '--help'],
  };
}

const words = (values: readonly string[]) => values.join(' ');

function bash(spec: Spec): string {
  const valueCases = [
    ...Object.entries(VALUES).map(
      ([option, values]) => `    ${option}) COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`,
    ),
    `    ${FILES.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`,
    `    ${spec.freeValues.join('|')}) return ;;`,
  ].join('\n');
  const optionCases = spec.commands
    .map((c) => `      ${c.name}) COMPREPLY=($(compgen -W "${words(c.options)}" -- "$cur")) ;;`)
    .join('\n');
  const argumentCases = Object.entries(ARGUMENTS)
    .map(([command, kind]) => {
      if (kind === 'names') return `    ${command}) _cx_names ;;`;
      if (kind === 'first-name') return `    ${command}) (( given == 0 )) && _cx_names ;;`;
      if (kind === 'files') return `    ${command}) COMPREPLY=($(compgen -f -- "$cur")) ;;`;
      const list = kind === 'commands' ? spec.commands.map((c) => c.name) : kind;
      return `    ${command}) COMPREPLY=($(compgen -W "${words(list)}" -- "$cur")); ${command === 'tactics' ? '_cx_names append ;;' : ';;'}`;
    })
    .join('\n');
  return `# cx completion for bash. Load it with:  source <(cx completion bash)
# or keep it:  cx completion bash > ~/.local/share/bash-completion/completions/cx
_cx_names() {
  local line typed="\${cur//\\\\/}"
  typed="\${typed#[\\"\\']}"
  [[ "$1" == append ]] || COMPREPLY=()
  while IFS= read -r line; do
    [[ -n "$line" && "\${line,,}" == "\${typed,,}"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
  done < <(cx __names 2>/dev/null)
}
_cx() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" given=0 i j
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) command="\${COMP_WORDS[i]}"; break ;; esac
  done
  # How many arguments the command has been given already.
  for ((j = i + 1; j < COMP_CWORD; j++)); do [[ "\${COMP_WORDS[j]}" == -* ]] || ((given++)); done
  case "$prev" in
${valueCases}
  esac
  if [[ -z "$command" ]]; then
    COMPREPLY=($(compgen -W "${words(spec.commands.map((c) => c.name))} ${words(spec.globalOptions)}" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$command" in
${optionCases}
    esac
    return
  fi
  case "$command" in
${argumentCases}
  esac
}
complete -F _cx cx
`;
}

function zsh(spec: Spec): string {
  const valueCases = [
    ...Object.entries(VALUES).map(([option, values]) => `    ${option}) compadd -- ${words(values)}; return ;;`),
    `    ${FILES.join('|')}) _files; return ;;`,
    `    ${spec.freeValues.join('|')}) return ;;`,
  ].join('\n');
  const optionCases = spec.commands.map((c) => `      ${c.name}) compadd -- ${words(c.options)} ;;`).join('\n');
  const argumentCases = Object.entries(ARGUMENTS)
    .map(([command, kind]) => {
      if (kind === 'names') return `    ${command}) _cx_names ;;`;
      if (kind === 'first-name') return `    ${command}) (( given == 0 )) && _cx_names ;;`;
      if (kind === 'files') return `    ${command}) _files ;;`;
      const list = kind === 'commands' ? spec.commands.map((c) => c.name) : kind;
      return `    ${command}) compadd -- ${words(list)};${command === 'tactics' ? ' _cx_names;' : ''} ;;`;
    })
    .join('\n');
  return `#compdef cx
# cx completion for zsh. Load it with:  source <(cx completion zsh)
# or keep it as _cx in a folder on your $fpath.
_cx_names() {
  local -a names
  names=("\${(@f)$(cx __names 2>/dev/null)}")
  (( \${#names} )) && compadd -Q -- "\${(@q)names}"
}
_cx() {
  local command="" given=0 i j
  for (( i = 2; i < CURRENT; i++ )); do
    [[ \${words[i]} == -* ]] || { command=\${words[i]}; break }
  done
  for (( j = i + 1; j < CURRENT; j++ )); do [[ \${words[j]} == -* ]] || (( given++ )); done
  case \${words[CURRENT-1]} in
${valueCases}
  esac
  if [[ -z $command ]]; then
    compadd -- ${words(spec.commands.map((c) => c.name))} ${words(spec.globalOptions)}
    return
  fi
  if [[ \${words[CURRENT]} == -* ]]; then
    case $command in
${optionCases}
    esac
    return
  fi
  case $command in
${argumentCases}
  esac
}
compdef _cx cx
`;
}

export function completionCommand(shell: string, program: Command): void {
  const spec = specOf(program);
  if (shell === 'bash') io().stdout.write(bash(spec));
  else if (shell === 'zsh') io().stdout.write(zsh(spec));
  else throw new UsageError(`completion scripts are for bash or zsh, not "${shell}"`);
}

/** The names in the roster, one per line, for completion; nothing at all if the roster cannot be read. */
export function namesCommand(): void {
  try {
    // A name with control or invisible characters is left out: the shell would print them as they are.
    const names = RosterStore.open()
      .read()
      .people.map((person) => person.name)
      .filter((name) => inert(name) === name);
    if (names.length) io().stdout.write(`${names.join('\n')}\n`);
  } catch {
    // Completion must never print errors into the user's command line.
  }
}
