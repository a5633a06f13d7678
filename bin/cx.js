#!/usr/bin/env node
// The `cx` command: all of it lives in the built bundle.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    console.error('cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.');
    process.exit(1);
  }
  throw error;
});
