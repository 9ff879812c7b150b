import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testConfig } from '../../tools/vite/test-config.mts';

export default defineConfig(testConfig(fileURLToPath(new URL('.', import.meta.url))));
