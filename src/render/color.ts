// The one place that decides whether cx prints colour. Off when NO_COLOR is set (to anything but an
// empty string), with --no-color, or when stdout is not a terminal; FORCE_COLOR turns it on anyway.
import { Chalk, type ChalkInstance, supportsColor } from 'chalk';
import { io } from '../io.js';

let palette: ChalkInstance = new Chalk({ level: 0 });

export function configureColor(options: { color?: boolean }): void {
  const env = io().env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const off = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || options.color === false || (!forced && !io().stdout.isTTY);
  palette = new Chalk({ level: off ? 0 : supportsColor ? supportsColor.level : forced ? 1 : 0 });
  // The prompt library colours its own text; it follows NO_COLOR, so --no-color sets it.
  if (options.color === false) env.NO_COLOR = '1';
}

/** The chalk instance every renderer uses. */
export const paint = (): ChalkInstance => palette;
