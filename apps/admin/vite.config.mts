import { defineConfig } from 'vite';
import { spaConfig } from '../../tools/vite/spa-config.mts';

export default defineConfig(spaConfig({ name: 'admin', base: '/admin/', port: 4202 }));
