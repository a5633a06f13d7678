// The cx program: declares the commands and their options, loads each command's code only when it runs,
// and maps every error to a one-line message and an exit code (see README, "Exit codes").
import { Command, CommanderError, Option } from 'commander';
import { CxError, UsageError } from './errors.js';
import { type Io, io, processIo, withIo } from './io.js';
import { inert } from './render/inert.js';
import { FOLLOW_UP_DAYS } from './domain/model.js';
import {
  countOption,
  dayOption,
  daysOption,
  dispositionOption,
  inputFileOption,
  nonEmptyOption,
  outputFileOption,
  influenceOption,
  influenceOrClearOption,
  many,
  monthsOption,
  outcomeOption,
  reasonsOption,
  stageOption,
  tacticOption,
} from './options.js';

declare const __CX_VERSION__: string;

const EXIT_CODES = `
Exit codes:
  0    success
  1    failure (for example a roster file cx cannot read)
  2    usage or validation error: a bad option, name, value or answers file
  130  interrupted (Ctrl+C); nothing is saved`;

function buildProgram(): Command {
  const program = new Command('cx')
    .description('Coach your CX stakeholders: where each one stands, and what to do next with them.')
    .version(__CX_VERSION__, '-v, --version', 'print the version of cx')
    .option('--no-color', 'print without colour (or --no-colour; also NO_COLOR=1; off when piped)')
    .addOption(new Option('--no-colour').hideHelp())
    .helpOption('-h, --help', 'show help for cx or a command')
    .configureOutput(output())
    .helpCommand(false)
    // Help is laid out for 80 columns on any terminal, so the overview can be written at build time.
    .configureHelp({ sortSubcommands: false, helpWidth: 80 })
    .exitOverride()
    // Colour is decided before a command runs (and chalk loaded only then: --version needs none).
    .hook('preAction', async (_, action) =>
      (await import('./render/color.js')).configureColor({
        color: action.optsWithGlobals().colour === false ? false : (action.optsWithGlobals().color as boolean | undefined),
      }),
    )
    .addHelpText(
      'after',
      `
Examples:
  cx assess "Dana Lee"            # assess Dana; see her stage and what to do
  cx assess "Dana Lee" -a a.json  # the same from an answers file (cx questions)
  cx show "Dana Lee"              # her profile, reasons, tactics and history
  cx todo                         # this week's list: who needs you, and how
  cx log "Dana Lee" "Offered co-lead" --tactic co-lead --outcome waiting
                                  # record a step and how it went (worked,
                                  # waiting or declined): it decides the next
  cx set "Lee Chan" --target buy-in
                                  # Buy-in is all you need of Lee: keep him warm
  cx board                        # the whole program at a glance
  cx report --open                # a one-page report for your sponsor (names
                                  # nobody unless --names)
  cx list --stage buy-in          # everyone at Buy-in (cx list --help: filters)
  cx set "Sam Ortiz" --stage 4    # record your own judgement of his stage
  cx import people.csv --dry-run  # see what a spreadsheet would change
  cx tactics buy-in               # the playbook for a stage or a disposition
${EXIT_CODES}

The roster stays on this machine: cx where prints its path, and CX_CONFIG_DIR
moves it. cx undo takes back the last change.`,
    );

  program
    .command('assess')
    .summary('ask a few questions about someone; save them')
    .description(
      'Ask a few questions about one stakeholder, then print their engagement stage, their disposition, why, and the tactics to use with them this week. The person is added to the roster (or updated). Re-assessing someone starts from their previous answers and shows what moved.',
    )
    .argument('<name>', 'the stakeholder\'s name, e.g. "Dana Lee" (matched ignoring case and spacing)')
    .option('-a, --answers <file>', 'take the answers from a JSON file ("-" for stdin) instead of asking', inputFileOption)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  cx assess "Dana Lee"
  cx assess "Dana Lee" --answers dana.json
  echo '{"understands":"yes","relevant":"no","doubt-reason":"roi-unclear"}' | cx assess "Sam Ortiz" --answers -

An answers file is one JSON object of { "questionId": "choice" }; cx questions lists both.
A question left out counts as "don't know". Interactive use needs a terminal.`,
    )
    .action(async (name: string, options) => (await import('./commands/assess.js')).assessCommand(name, options));

  program
    .command('show')
    .summary("one person's profile, advice and history")
    .description(
      'One person as cx sees them: stage, disposition and why, what is still to find out, their reasons, the next step (the same one cx todo gives) and the plan move by move, the signs they have moved, and their history and log. A name is found whatever its letter case or spacing.',
    )
    .argument('<name>', "the stakeholder's name")
    .option('--json', 'print the record as JSON, with the next step and tactics')
    .addHelpText('after', '\nExamples:\n  cx show "Dana Lee"\n  cx show "dana lee" --json | jq .nextStep')
    .action(async (name: string, options) => (await import('./commands/show.js')).showCommand(name, options));

  program
    .command('list')
    .alias('ls')
    .summary('everyone, or those matching filters')
    .option('--stage <stage...>', 'only these stages (ids, names or 1-5)', many(stageOption))
    .option('--disposition <disposition...>', 'only these dispositions', many(dispositionOption))
    .option('--team <team>', 'only this team (ignoring case and spacing)', nonEmptyOption)
    .option('--influence <level...>', 'only these influence levels: low, medium, high', many(influenceOption))
    .option(
      '--stuck <days>',
      'only people whose stage has not changed for at least this many days (short of their target stage)',
      daysOption,
    )
    .addOption(
      new Option('--sort <key>', 'order by').choices(['name', 'stage', 'disposition', 'updated', 'stuck']).default('name'),
    )
    .option('--json', 'print the people as a JSON array')
    .addHelpText(
      'after',
      `
Examples:
  cx list
  cx list --stage buy-in commitment --sort stuck
  cx list --disposition outlier --influence high
  cx list --stuck 28                   # no stage change in four weeks
  cx list --json | jq -r '.[] | select(.stage == "buy-in") | .name'`,
    )
    .action(async (options) => (await import('./commands/list.js')).listCommand(options));

  program
    .command('set')
    .summary('change stage, disposition or details of people')
    .description(
      'Record your own judgement or details for one or many people at once. The assessed stage stays visible beside a stage you set. Every name must already be in the roster, unless --add is given.',
    )
    .argument('<name...>', 'one or more names (quote names with spaces)')
    .option('--stage <stage>', 'the stage: ignorance, skepticism, buy-in, commitment, action, or 1-5', stageOption)
    .option('--target <stage>', 'the stage you need them at (default: action); at or past it, cx keeps them warm', stageOption)
    .option('--disposition <disposition>', 'advocate, fence-sitter or outlier', dispositionOption)
    .option('--reason <reason...>', 'the reasons (replacing the old ones), or none', reasonsOption)
    .option('--role <role>', 'their role ("" clears it)')
    .option('--team <team>', 'their team ("" clears it)')
    .option('--influence <level>', 'low, medium or high ("" clears it)', influenceOrClearOption)
    .option('--note <text>', 'a note about them ("" clears it)')
    .option('--add', 'add names that are not in the roster yet, instead of refusing them')
    .option('--json', 'print the changed people as JSON')
    .addHelpText(
      'after',
      `
Examples:
  cx set "Dana Lee" --stage commitment
  cx set "Dana Lee" "Sam Ortiz" "Kim Park" --team "Contact centre" --influence high
  cx set "Ravi Shah" --disposition outlier --reason financial operational
  cx set "Lee Chan" --target buy-in          # Buy-in is all the program needs of Lee
  cx set "Mo Haddad" --reason conflicting-priorities
  cx set "New Person" --add --stage buy-in --role "Head of Finance"`,
    )
    .action(async (names: string[], options) => (await import('./commands/set.js')).setCommand(names, options));

  program
    .command('rm')
    .summary('remove people from the roster')
    .description(
      'Take people off the roster: they leave cx list, cx todo and the board. Their records stay in the backups, so cx undo can bring them back; cx forget erases them from the backups too.',
    )
    .argument('<name...>', 'one or more names')
    .option('-y, --yes', 'remove without asking (needed when not in a terminal)')
    .addHelpText('after', '\nExamples:\n  cx rm "Dana Lee"\n  cx rm "Dana Lee" "Sam Ortiz" --yes')
    .action(async (names: string[], options) => (await import('./commands/rm.js')).rmCommand(names, options));

  program
    .command('import')
    .summary('add and update people from CSV or JSON')
    .description(
      'Add new people and update known ones from CSV (a header row with columns name, stage, disposition, reasons, role, team, influence, target, notes) or JSON (an array of objects, one object per line, one object such as cx show --json prints, or a roster file such as a backup). Every row is checked first: if any row is wrong, nothing changes. An empty cell leaves a field as it is.',
    )
    .argument('<file>', 'the file to read, or - for stdin', inputFileOption)
    .addOption(new Option('--format <format>', 'the file format (default: detected from the content)').choices(['csv', 'json']))
    .option('-n, --dry-run', 'show what would change, and change nothing')
    .option('--json', 'print the outcome as JSON')
    .addHelpText(
      'after',
      `
Examples:
  cx import stakeholders.csv --dry-run
  cx import stakeholders.csv
  cx export --format json | cx import -        # the same people, unchanged`,
    )
    .action(async (file: string, options) => (await import('./commands/import.js')).importCommand(file, options));

  program
    .command('export')
    .summary('the whole roster with history, as JSON or CSV')
    .addOption(
      new Option('--format <format>', 'json or csv (default: json, or csv for an --output ending .csv)').choices(['json', 'csv']),
    )
    .option('-o, --output <file>', 'write to this file (private to you) instead of stdout', outputFileOption)
    .addOption(new Option('--json', 'the same as --format json').conflicts('format'))
    .addHelpText('after', '\nExamples:\n  cx export > roster.json\n  cx export --output roster.csv\n  cx export | jq length')
    .action(async (options) => (await import('./commands/export.js')).exportCommand(options));

  program
    .command('todo')
    .summary("this week's list: who needs you, and how")
    .description(
      'Everyone due for attention this week (today and the six days after it), highest priority first, with one action from the playbook and why it is due, and on which day if later in the week. How often each person is due depends on their stage, disposition and influence, and nobody more than once a week; cx log restarts it. The README explains the ranking ("How cx todo ranks").',
    )
    .option('--date <day>', 'plan the week that starts on this day (YYYY-MM-DD)', dayOption)
    .option('--limit <n>', 'at most this many people', countOption, 10)
    .option('--json', 'print the items as JSON')
    .option('--markdown', 'print a checklist to paste into a note or an email')
    .addHelpText('after', '\nExamples:\n  cx todo\n  cx todo --limit 5 --markdown | pbcopy\n  cx todo --date 2026-12-01 --json')
    .action(async (options) => (await import('./commands/todo.js')).todoCommand(options));

  program
    .command('log')
    .summary('record an interaction and how it went (restarts their cadence)')
    .description(
      'Record a conversation, a note sent or a win shared, with the playbook tactic you used and how it went. The outcome decides the next step: worked moves the plan on (and cx asks whether their stage moved), waiting brings the same step back as a follow-up a week later, declined makes cx pick a different approach. A "find out" step, once logged, leads to re-assessing them with what you learned.',
    )
    .argument('<name>', "the person's name")
    .argument('<what>', 'what happened, in a few words')
    .option('--tactic <id>', 'the playbook tactic you used (cx tactics lists them)', tacticOption)
    .addOption(
      new Option(
        '--outcome <outcome>',
        'how it went: worked, waiting (no answer yet), declined, or requested (they asked you for something first)',
      ).argParser(outcomeOption),
    )
    .option('--date <day>', 'when it happened (YYYY-MM-DD; default today)', dayOption)
    .option('--until <day>', 'they asked you to come back on this day: nothing is due with them before it', dayOption)
    .option('--json', 'print the entry as JSON')
    .addHelpText(
      'after',
      `
Examples:
  cx log "Dana Lee" "Offered to co-lead the complaints review" --tactic co-lead --outcome waiting
  cx log "Sam Ortiz" "He wants the repeat-call figures by team first" --tactic business-case --outcome requested
  cx log "Rob Chen" "Not before the quarter closes" --tactic scarcity --outcome declined --until 2027-01-05
  cx log "Dana Lee" "Said yes to co-leading; first session booked" --tactic co-lead --outcome worked
  cx log "Ravi Shah" "Turned down the pilot: no one to spare" --tactic pilot --outcome declined
  cx log "Sam Ortiz" "Coffee; walked through the cost of repeat calls" --date 2026-11-20

Outcomes:
  worked     the plan moves on: the move's next step, or the signs that their
             stage moved
  waiting    no answer yet: the same step comes back as a follow-up in ${FOLLOW_UP_DAYS} days
             (after two follow-ups with no answer, a different approach)
  declined   cx picks a different approach, and says why (never the next move
             as if it had worked); with --until, "not now": the same step
             comes back on that day
  requested  they asked you for something first ("send me the numbers"): cx
             lists it for the next working day; once sent, log it as waiting
A meeting booked is not yet a step: log it once it has happened.
--until <day> says when they asked you to come back: nothing is due with them
before it. An entry without --outcome restarts the cadence: a reason's move or
co-leading, used once, counts as done; the stage's own moves take turns.`,
    )
    .action(async (name: string, what: string, options) => (await import('./commands/log.js')).logCommand(name, what, options));

  program
    .command('board')
    .summary('the program at a glance: funnel, grid, moves')
    .option('--since <day>', 'show movement since this day (YYYY-MM-DD; default 7 days ago)', dayOption)
    .option('--date <day>', 'the board as it stood on this day (YYYY-MM-DD; default today)', dayOption)
    .option('--months <n>', 'add people per stage at the end of each of the last n months (1-24), from history', monthsOption)
    .option('--json', 'print the board as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  cx board\n  cx board --since 2026-10-01  # what moved since October\n  cx board --date 2026-11-02   # the board as it stood on 2 November\n  cx board --months 6          # month by month: the figures cx report charts',
    )
    .action(async (options) => (await import('./commands/board.js')).boardCommand(options));

  program
    .command('report')
    .summary('a one-page web page for your sponsor: figures, movement, wins (names nobody)')
    .description(
      "Write the program report for your sponsor and steering group: one web page with the headline figures, the funnel, movement month by month, the stage × disposition grid, who moved and who is stuck, the outliers and what is being done about them, the quick wins to share and the coming week's top actions. The page is self-contained (no network, no scripts, no fonts to fetch), prints on one or two A4 or Letter pages, reads on a phone, and is private to you (mode 0600). cx prints its path.",
    )
    .option(
      '-o, --output <file>',
      'write the page here (default: cx-report-<date>.html in this folder, cx-report-<date>-names.html with --names; - for stdout)',
      outputFileOption,
    )
    .option('--since <day>', 'count moves and wins from this day on (YYYY-MM-DD; default a month before the report)', dayOption)
    .option('--months <n>', 'months of movement to chart, 1-24 (default 6)', monthsOption)
    .option('--names', 'name people (for your own use: the page says so); without it the report names nobody')
    .option('--date <day>', 'the report as it stood on this day (YYYY-MM-DD; default today)', dayOption)
    .option('--open', 'open the page in your browser (BROWSER, if set, names the program)')
    .option('--json', 'print the same figures as JSON instead of writing the page')
    .addHelpText(
      'after',
      `
Privacy: a report is shared, and the roster holds your opinions of colleagues.
Without --names it names nobody: people are described by role and team, as you
recorded them ("Finance partner, Finance", or "A colleague"); nothing from notes
or the log appears except the text of the wins, and any name in that text is
replaced by the person's role in brackets ("[Head of Digital]'s results"); a
name cx does not know (someone not in the roster) stays as you logged it. A
role can be as telling as a name: record roles with that in mind. --names names
people, and the page says at the top that it is for your own use. --json follows
the same rule.

Examples:
  cx report                                 # cx-report-<today>.html, no names
  cx report --open                          # the same, opened in your browser
  cx report --since 2026-11-01 --months 12  # moves since 1 November; a year
  cx report --names -o for-me.html          # names people: for your eyes only
  cx report --date 2026-10-31               # the report as it was on 31 October
  cx report --json | jq .headline           # the headline figures as data
  cx board --months 6                       # the same movement in the terminal`,
    )
    .action(async (options) => (await import('./commands/report.js')).reportCommand(options));

  program
    .command('tactics')
    .summary('the playbook for a stage, disposition, tactic or person; every tactic without one')
    .argument(
      '[subject]',
      'a stage (ignorance, skepticism, buy-in, commitment, action or 1-5), a disposition (advocate, fence-sitter, outlier), a tactic id, or a name in the roster',
    )
    .option('--json', 'print the playbook entry as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  cx tactics                      # every tactic, with its id\n  cx tactics buy-in\n  cx tactics 4\n  cx tactics outlier\n  cx tactics co-lead\n  cx tactics "Dana Lee"',
    )
    .action(async (subject: string | undefined, options) =>
      (await import('./commands/tactics.js')).tacticsCommand(subject, options),
    );

  program
    .command('questions')
    .summary('the questionnaire, for answers files')
    .description(
      'Every question cx assess asks, with the id and the choice values an answers file uses (cx assess --answers), and when each follow-up is asked. Ids and values never change meaning.',
    )
    .option('--json', 'print the questions as JSON')
    .addHelpText('after', "\nExamples:\n  cx questions\n  cx questions --json | jq -r '.[].id'")
    .action(async (options) => (await import('./commands/questions.js')).questionsCommand(options));

  program
    .command('where')
    .summary('print the path of the roster file')
    .description(
      'Print the path of the roster file (it may not exist yet: the first change makes it). CX_CONFIG_DIR moves the roster to another folder.',
    )
    .addHelpText('after', '\nExamples:\n  cx where\n  CX_CONFIG_DIR=~/work-roster cx where')
    .action(async () => (await import('./commands/where.js')).whereCommand());

  program
    .command('undo')
    .summary('take back the last change')
    .description(
      'Restores the roster from the backup kept before the last change (assess, set, import, log, rm). Run it again to go further back; cx keeps the last 10 versions.\n\nAfter cx forget, or an edit of the roster by hand, it refuses rather than take back the change before it unasked: cx forget cannot be undone, and a hand edit would be lost. --force goes ahead.',
    )
    .option('--force', 'undo the last change even after cx forget or an edit by hand')
    .addHelpText('after', '\nExamples:\n  cx undo\n  cx undo --force          # after an edit by hand you mean to lose')
    .action(async (options) => (await import('./commands/undo.js')).undoCommand(options));

  program
    .command('forget')
    .summary('erase people: roster, history, log, backups')
    .description(
      'Erase people completely: from the roster, with their history and log, and from every backup, so that nothing of what you recorded about them is left on this machine. It cannot be undone (cx rm only takes them off the roster, and cx undo brings them back). It also erases records of someone removed earlier under the same name.',
    )
    .argument('<name...>', 'one or more names')
    .option('-y, --yes', 'erase without asking (needed when not in a terminal)')
    .addHelpText('after', '\nExamples:\n  cx forget "Dana Lee"\n  cx forget "Dana Lee" "Sam Ortiz" --yes')
    .action(async (names: string[], options) => (await import('./commands/forget.js')).forgetCommand(names, options));

  program
    .command('doctor')
    .summary('check the roster and backups; restore one')
    .description(
      'Check the roster file and its backups: whether cx can read them (and if not, why, with the line), the folder and file permissions, and what an interrupted command left (a forget it finishes, temporary files it removes). It exits 1 when something needs you. --restore puts the newest backup cx can read in place of a roster it cannot, keeping the old file beside it.',
    )
    .option('--restore', 'replace the roster with the newest good backup (the old file is kept)')
    .option('-y, --yes', 'with --restore: do not ask first')
    .addHelpText('after', '\nExamples:\n  cx doctor\n  cx doctor --restore')
    .action(async (options) => (await import('./commands/doctor.js')).doctorCommand(options));

  program
    .command('completion')
    .summary('a bash or zsh completion script')
    .argument('<shell>', 'bash or zsh')
    .addHelpText(
      'after',
      '\nExamples:\n  source <(cx completion bash)      # in ~/.bashrc\n  source <(cx completion zsh)       # in ~/.zshrc',
    )
    .action(async (shell: string) => (await import('./commands/completion.js')).completionCommand(shell, program));

  program
    .command('help')
    .summary('show help for cx or a command')
    .argument('[command]', 'the command to explain')
    .action((name?: string) => {
      if (!name) return program.help();
      const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!command || name.startsWith('_')) {
        const names = program.commands.filter((c) => !c.name().startsWith('_')).map((c) => c.name());
        throw new UsageError(`there is no command "${name}"; the commands are: ${names.join(', ')}`);
      }
      command.help();
    });

  program.command('__names', { hidden: true }).action(async () => (await import('./commands/completion.js')).namesCommand());

  for (const command of program.commands) {
    command.helpOption('-h, --help', 'show help for this command').exitOverride().configureOutput(output(command.name()));
  }
  return program;
}

/** Commander's output goes where cx's does; its errors read like ours (see commanderError). */
function output(command?: string) {
  return {
    writeOut: (text: string) => void io().stdout.write(text),
    writeErr: (text: string) => void io().stderr.write(text),
    outputError: commanderError(command),
  };
}

/** The commands whose arguments end with one person's name (and a text, for log): a second word is a name unquoted. */
const NAMED = new Set(['assess', 'show', 'log', 'tactics']);

/**
 * Commander's own errors, read like ours: one line, starting "cx:", saying where to look next (the
 * commands, or the command's own help and its examples).
 */
function commanderError(command?: string): (text: string, write: (text: string) => void) => void {
  return (text, write) => {
    const line = text
      .replace(/^error: /, 'cx: ')
      .trimEnd()
      .replace(/\s*\n\s*/g, ' ');
    const hint = /unknown command/.test(line)
      ? '; cx --help lists the commands'
      : command && /too many arguments/.test(line) && NAMED.has(command)
        ? `; a name with a space goes in quotes (cx ${command} "Dana Lee"${command === 'log' ? ' "Coffee"' : ''}), and cx ${command} --help shows how`
        : command === 'log' && /unknown option '-[^']*\s[^']*'/.test(line)
          ? '; text that starts with "-" goes after -- (cx log "Dana Lee" -- "-1 on the NPS")'
          : command && /missing required argument|too many arguments|argument missing/.test(line)
            ? `; cx ${command} --help shows how, with examples`
            : '';
    // What the user typed is quoted back: printed inert.
    write(`${inert(hint ? line.replace(/\.$/, '') : line)}${hint}\n`);
  };
}

/**
 * Runs cx with the given arguments, reading and writing `streams` (the process's own by default), and
 * returns the exit code; never throws.
 */
export async function main(argv: string[], streams: Io = processIo()): Promise<number> {
  return withIo(streams, async () => {
    const program = buildProgram();
    try {
      await program.parseAsync(argv, { from: 'user' });
      return 0;
    } catch (error) {
      if (error instanceof CommanderError) {
        // Commander has already printed the message, or the help or version asked for (exit code 0).
        return error.exitCode === 0 ? 0 : 2;
      }
      if (error instanceof CxError) {
        // Messages quote files and names: printed inert, like everything else cx prints from outside.
        io().stderr.write(`cx: ${inert(error.message)}\n`);
        return error.exitCode;
      }
      io().stderr.write(
        `cx: unexpected error: ${String((error as Error)?.stack ?? error)
          .split('\n')
          .map(inert)
          .join('\n')}\nThis is a bug in cx; please report it with the command you ran.\n`,
      );
      return 1;
    }
  });
}
