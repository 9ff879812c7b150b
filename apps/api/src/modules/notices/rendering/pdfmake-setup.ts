import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as PdfMake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Fonts come from bootstrap-italia's npm package (already a dependency of the SPAs), so no font binary is
 * committed: Titillium Web (SIL OFL 1.1) and Roboto Mono (Apache 2.0). They are read once into pdfmake's virtual
 * file system; documents never touch the local disk or the network.
 */
const FONT_FILES = {
  'TitilliumWeb-Regular.ttf': 'Titillium_Web/titillium-web-v10-latin-ext_latin-regular.ttf',
  'TitilliumWeb-Bold.ttf': 'Titillium_Web/titillium-web-v10-latin-ext_latin-700.ttf',
  'RobotoMono-Regular.ttf': 'Roboto_Mono/roboto-mono-v13-latin-ext_latin-regular.ttf',
  'RobotoMono-Bold.ttf': 'Roboto_Mono/roboto-mono-v13-latin-ext_latin-700.ttf',
} as const;

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

let pdfmake: typeof PdfMake | undefined;

declare const __non_webpack_require__: NodeJS.Require | undefined;
/** Node's own require, also inside the webpack bundle (pdfmake, pdfkit, fontkit, bootstrap-italia stay external). */
const nodeRequire: NodeJS.Require =
  typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

/**
 * pdfkit parses every font file again for every document (fontkit.create), which was most of the rendering time.
 * Before pdfkit is loaded, put a fontkit whose `create` returns one parsed font per font buffer in Node's module
 * cache: subsets are still built per document, but tables, cmap and layout caches are shared.
 * (Under Jest the module cache is Jest's own: the patch is a no-op there, and only speed differs.)
 */
function cacheParsedFonts(): void {
  try {
    const id = nodeRequire.resolve('fontkit', { paths: [dirname(nodeRequire.resolve('pdfkit'))] });
    const fontkit = nodeRequire(id) as { create: (buffer: Uint8Array, name?: string) => unknown };
    if ((fontkit as { __cached?: boolean }).__cached) return;
    const parsed = new WeakMap<Uint8Array, unknown>();
    // fontkit's exports are getters: shadow them with own properties on an object that inherits the rest
    const cached = Object.create(fontkit, {
      __cached: { value: true },
      create: {
        value: (buffer: Uint8Array, name?: string) => {
          if (name) return fontkit.create(buffer, name);
          let font = parsed.get(buffer);
          if (!font) parsed.set(buffer, (font = fontkit.create(buffer)));
          return font;
        },
      },
    }) as typeof fontkit;
    const entry = nodeRequire.cache[id];
    if (entry) entry.exports = cached;
  } catch {
    // fonts are then parsed per document: slower, same output
  }
}

function fontsDirectory(): string {
  if (process.env['NOTICE_FONTS_DIR']) return process.env['NOTICE_FONTS_DIR'];
  return join(dirname(nodeRequire.resolve('bootstrap-italia/package.json')), 'dist', 'fonts');
}

/** Configures the pdfmake singleton once: fonts in memory, no file or URL access from documents. */
function setupPdfmake(): typeof PdfMake {
  if (pdfmake) return pdfmake;
  cacheParsedFonts();
  const instance = nodeRequire('pdfmake') as typeof PdfMake;
  const dir = fontsDirectory();
  const vfs = (instance as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, file] of Object.entries(FONT_FILES))
    vfs.writeFileSync(name, readFileSync(join(dir, file)));
  instance.setFonts({
    Titillium: { normal: 'TitilliumWeb-Regular.ttf', bold: 'TitilliumWeb-Bold.ttf' },
    RobotoMono: { normal: 'RobotoMono-Regular.ttf', bold: 'RobotoMono-Bold.ttf' },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  pdfmake = instance;
  return instance;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return setupPdfmake().createPdf(definition).getBuffer();
}

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;
export const mm = (value: number): number => value * MM;
