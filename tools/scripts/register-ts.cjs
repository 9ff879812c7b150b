/**
 * Runs workspace TypeScript (tools scripts) in Node: SWC for the syntax (tools/tsconfig.json maps the `@pagamenti/*` paths).
 * Usage: node -r ./tools/scripts/register-ts.cjs script.ts
 */
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT ??= join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');

