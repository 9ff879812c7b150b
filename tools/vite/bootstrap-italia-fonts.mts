import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { workspaceRoot } from './workspace.mts';

const FONTS_DIR = resolve(workspaceRoot, 'node_modules/bootstrap-italia/dist/fonts');
const STYLESHEET = 'bootstrap-italia-fonts.css';
const FAMILIES: Record<string, string> = {
  Titillium_Web: 'Titillium Web',
  Lora: 'Lora',
  Roboto_Mono: 'Roboto Mono',
};
const SHIPPED = new Set(['.woff2', '.woff', '.txt']);
const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface FontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Path without extension, relative to the fonts folder. */
  file: string;
}

/** Reads weight and style from names like `titillium-web-v10-latin-ext_latin-600italic.woff2`. */
function parseFace(folder: string, fileName: string): FontFace | null {
  const match = /-(\d{3})?(regular|italic)?\.woff2$/.exec(fileName);
  const family = FAMILIES[folder];
  if (!match || !family || (!match[1] && !match[2])) return null;
  return {
    family,
    weight: match[1] ? Number(match[1]) : 400,
    style: match[2] === 'italic' ? 'italic' : 'normal',
    file: `${folder}/${fileName.slice(0, -'.woff2'.length)}`,
  };
}

function listFaces(): FontFace[] {
  return Object.keys(FAMILIES).flatMap((folder) =>
    readdirSync(join(FONTS_DIR, folder))
      .map((fileName) => parseFace(folder, fileName))
      .filter((face): face is FontFace => face !== null),
  );
}

/** URLs are relative to the stylesheet, so the same file works under any base path. */
export function fontFaceCss(faces: FontFace[] = listFaces()): string {
  return faces
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};` +
        `font-display:swap;src:url('${face.file}.woff2') format('woff2'),url('${face.file}.woff') format('woff')}`,
    )
    .join('\n');
}

function shippedFiles(): string[] {
  return Object.keys(FAMILIES).flatMap((folder) =>
    readdirSync(join(FONTS_DIR, folder))
      .filter((fileName) => SHIPPED.has(extname(fileName)))
      .map((fileName) => `${folder}/${fileName}`),
  );
}

function serveFonts(css: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const file = resolve(FONTS_DIR, path);
    const isStylesheet = path === STYLESHEET;
    if (!isStylesheet && (!file.startsWith(FONTS_DIR + sep) || !SHIPPED.has(extname(file)))) return next();
    if (!isStylesheet && !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    res.setHeader('Content-Type', MIME[isStylesheet ? '.css' : extname(file)]);
    res.end(isStylesheet ? css : readFileSync(file));
  };
}

/**
 * Bootstrap Italia's CSS names its fonts but ships no @font-face rules. This plugin serves the fonts of the
 * installed package under `<base>fonts/` in dev, copies them (woff2, woff and licences) into the build,
 * and links a generated stylesheet from index.html, so no binary copy lives in the repository.
 */
export function bootstrapItaliaFonts(): Plugin {
  let base = '/';
  return {
    name: 'pagamenti:bootstrap-italia-fonts',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(`${base}fonts`, serveFonts(fontFaceCss()));
    },
    transformIndexHtml() {
      return [
        {
          tag: 'link',
          attrs: { rel: 'stylesheet', href: `${base}fonts/${STYLESHEET}` },
          injectTo: 'head',
        },
      ];
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `fonts/${STYLESHEET}`, source: fontFaceCss() });
      for (const file of shippedFiles()) {
        this.emitFile({
          type: 'asset',
          fileName: `fonts/${file}`,
          source: readFileSync(join(FONTS_DIR, file)),
        });
      }
    },
  };
}
