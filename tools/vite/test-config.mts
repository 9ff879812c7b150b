import react from '@vitejs/plugin-react';
import { basename, resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';
import { workspaceAliases, workspaceRoot } from './workspace.mts';

/**
 * design-react-kit only declares `module`/`main` export conditions, which Node's resolver in Vitest ignores,
 * and imports `bootstrap-italia` bare: point both at their ESM builds and let Vite transform them.
 */
export function testConfig(projectRoot: string, environment: 'jsdom' | 'node' = 'jsdom'): ViteUserConfig {
  const modules = resolve(workspaceRoot, 'node_modules');
  return {
    root: projectRoot,
    plugins: [react()],
    resolve: {
      alias: [
        ...workspaceAliases(),
        { find: /^design-react-kit$/, replacement: resolve(modules, 'design-react-kit/dist/index.js') },
        {
          find: /^bootstrap-italia$/,
          replacement: resolve(modules, 'bootstrap-italia/dist/bootstrap-italia.esm.js'),
        },
      ],
    },
    test: {
      environment,
      include: ['src/**/*.spec.{ts,tsx}'],
      server: { deps: { inline: ['design-react-kit', 'bootstrap-italia'] } },
      restoreMocks: true,
      unstubGlobals: true,
      // `npm test` collects every runner's counts for its closing `N passed, N failed` line.
      ...(process.env['TEST_RESULTS_DIR']
        ? {
            reporters: ['default', 'json'],
            outputFile: {
              json: resolve(
                process.env['TEST_RESULTS_DIR'],
                `vitest-${basename(projectRoot)}-${process.pid}.json`,
              ),
            },
          }
        : {}),
    },
  };
}
