import { defineConfig } from 'vite';
import { spaConfig } from '../../tools/vite/spa-config.mts';

export default defineConfig(spaConfig({ name: 'citizen', base: '/', port: 4200 }));
