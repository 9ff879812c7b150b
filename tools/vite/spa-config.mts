import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { bootstrapItaliaFonts } from './bootstrap-italia-fonts.mts';
import { workspaceAliases, workspaceRoot } from './workspace.mts';

export interface SpaOptions {
  /** Folder name under apps/ and dist/apps/. */
  name: string;
  /** Public path the app is served under, with leading and trailing slash. */
  base: string;
  port: number;
}

const DEFAULT_API_TARGET = 'http://localhost:3000';

/** The Vite config shared by the three SPAs: same plugins, aliases, output layout and API proxy. */
export function spaConfig({ name, base, port }: SpaOptions): UserConfig {
  const proxy = {
    '/api': { target: process.env['API_PROXY_TARGET'] || DEFAULT_API_TARGET, changeOrigin: true },
  };
  return {
    root: resolve(workspaceRoot, 'apps', name),
    base,
    plugins: [react(), bootstrapItaliaFonts()],
    resolve: { alias: workspaceAliases() },
    build: {
      outDir: resolve(workspaceRoot, 'dist/apps', name),
      emptyOutDir: true,
      sourcemap: true,
    },
    server: { port, strictPort: true, proxy, fs: { allow: [workspaceRoot] } },
    preview: { port, strictPort: true, proxy },
  };
}
