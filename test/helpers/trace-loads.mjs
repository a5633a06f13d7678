// Preloaded with `node --import` by the start-up test: writes the URL of every ES module the process
// loads to the file named by CX_TRACE_LOADS.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, nextLoad) {
      if (process.env.CX_TRACE_LOADS) appendFileSync(process.env.CX_TRACE_LOADS, url + '\\n');
      return nextLoad(url, context);
    }`)}`,
);
