// The cx program: declares the commands and their options, loads each command's code only when it runs,
// and maps every error to a one-line message and an exit code (see README, "Exit codes").
import { Command, CommanderError } from 'commander';
import { CxError } from './errors.js';
import { configureColor } from './render/color.js';

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
    .option('--no-color', 'print without colour (also: NO_COLOR=1, or when output is not a terminal)')
    .helpOption('-h, --help', 'show help for cx or a command')
    .showHelpAfterError('(run cx --help to see the commands, or cx <command> --help for one)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride()
    .hook('preAction', (_, action) => configureColor({ color: action.optsWithGlobals().color as boolean | undefined }))
    .addHelpText(
      'after',
      `
Examples:
  cx assess "Dana Lee"                 answer a few questions about Dana; see her stage and what to do
  cx assess "Dana Lee" --answers a.json  the same from a file of answers (see cx questions --json)
  cx show "Dana Lee"                   Dana's profile, the reasons, tactics and history
  cx list                              everyone in the roster
  cx tactics buy-in                    the playbook for one stage (or a disposition, or a person)
  cx where                             where the roster file is
${EXIT_CODES}

The roster stays on this machine (cx where). Set CX_CONFIG_DIR to keep it in another folder.`,
    );

  program
    .command('assess')
    .summary('assess one stakeholder with a short questionnaire, and save them')
    .description(
      'Ask a few questions about one stakeholder, then print their engagement stage, their disposition,\n' +
        'why, and the tactics to use with them this week. The person is added to the roster (or updated).\n' +
        'Re-assessing someone starts from their previous answers and shows what moved.',
    )
    .argument('<name>', 'the stakeholder\'s name, e.g. "Dana Lee" (matched ignoring case and spacing)')
    .option('-a, --answers <file>', 'take the answers from a JSON file ("-" for stdin) instead of asking')
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
    .summary("show one stakeholder's profile, advice and history")
    .argument('<name>', "the stakeholder's name")
    .option('--json', 'print the record as JSON')
    .addHelpText('after', '\nExample:\n  cx show "dana lee"')
    .action(async (name: string, options) => (await import('./commands/show.js')).showCommand(name, options));

  program
    .command('list')
    .alias('ls')
    .summary('list everyone in the roster')
    .option('--json', 'print the roster as a JSON array')
    .addHelpText('after', "\nExamples:\n  cx list\n  cx list --json | jq '.[] | select(.stage == \"buy-in\") | .name'")
    .action(async (options) => (await import('./commands/list.js')).listCommand(options));

  program
    .command('tactics')
    .summary('the playbook for a stage, a disposition or a person')
    .argument('<stage|disposition|name>', 'a stage (ignorance, skepticism, buy-in, commitment, action or 1-5), a disposition (advocate, fence-sitter, outlier), or a name in the roster')
    .option('--json', 'print the playbook entry as JSON')
    .addHelpText('after', '\nExamples:\n  cx tactics buy-in\n  cx tactics 4\n  cx tactics outlier\n  cx tactics "Dana Lee"')
    .action(async (subject: string, options) => (await import('./commands/tactics.js')).tacticsCommand(subject, options));

  program
    .command('questions')
    .summary('list the questionnaire, to write answers files for cx assess --answers')
    .option('--json', 'print the questions as JSON')
    .action(async (options) => (await import('./commands/questions.js')).questionsCommand(options));

  program
    .command('where')
    .summary('print the path of the roster file')
    .action(async () => (await import('./commands/where.js')).whereCommand());

  for (const command of program.commands) {
    command.helpOption('-h, --help', 'show help for this command').exitOverride();
  }
  return program;
}

/** Runs cx with the given arguments and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
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
      process.stderr.write(`cx: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`cx: unexpected error: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in cx; please report it with the command you ran.\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
