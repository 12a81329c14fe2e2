#!/usr/bin/env node
// The TypeScript runner of `npm start`, the benches and the soak: runs a .ts file without a build step,
// transpiling each .ts file on require (no type check; `npx tsc --noEmit` does that).
// Usage: node scripts/run-ts.js sandbox/main.ts
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const target = process.argv[2];
if (!target) {
  console.error('usage: node scripts/run-ts.js <file.ts>');
  process.exit(2);
}
require(path.resolve(target));
