// Preloaded with `node --import` by the start-up test: writes to the file named by CX_TRACE_LOADS the
// URL of every ES module the process loads and, as it exits, of every CommonJS file it required.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, nextLoad) {
      if (process.env.CX_TRACE_LOADS) appendFileSync(process.env.CX_TRACE_LOADS, url + '\\n');
      return nextLoad(url, context);
    }`)}`,
);

// Every require() of the process, whoever called it, lands in this one cache.
const required = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const files = Object.keys(required).map((file) => `${pathToFileURL(file).href}\n`);
  if (process.env.CX_TRACE_LOADS) appendFileSync(process.env.CX_TRACE_LOADS, files.join(''));
});
