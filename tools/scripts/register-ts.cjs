/**
 * Runs workspace TypeScript (tool scripts such as the migration generator) in Node: SWC compiles with decorator
 * metadata (tools/tsconfig.json); the `@pagamenti/*` aliases resolve through tsconfig.base.json's paths.
 * Usage: node -r ./tools/scripts/register-ts.cjs some-script.ts
 */
const Module = require('node:module');
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT ??= join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');

const root = join(__dirname, '..', '..');
const paths = require(join(root, 'tsconfig.base.json')).compilerOptions.paths;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const target = paths[request];
  return resolveFilename.call(this, target ? join(root, target[0]) : request, ...rest);
};
