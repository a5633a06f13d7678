// A yes/no question in the terminal (cx rm). Loaded only when a command must ask.
import { confirm } from '@inquirer/prompts';
import { Interrupted } from '../errors.js';
import { io } from '../io.js';

export async function askYesNo(message: string): Promise<boolean> {
  try {
    return await confirm({ message, default: false }, { input: io().stdin, output: io().stdout as NodeJS.WritableStream });
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new Interrupted('Stopped; nothing was removed.');
    }
    throw error;
  }
}
