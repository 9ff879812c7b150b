import { defineConfig } from 'vite';
import { spaConfig } from '../../tools/vite/spa-config.mts';

export default defineConfig(spaConfig({ name: 'backoffice', base: '/backoffice/', port: 4201 }));
