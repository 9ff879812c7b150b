import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as PdfMake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { nodeRequire, requirePdfModule } from './pdf-libraries';
import { installVectorDrawings } from './vector-forms';

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

function fontsDirectory(): string {
  if (process.env['NOTICE_FONTS_DIR']) return process.env['NOTICE_FONTS_DIR'];
  return join(dirname(nodeRequire.resolve('bootstrap-italia/package.json')), 'dist', 'fonts');
}

/** Configures the pdfmake singleton once: fonts in memory, no file or URL access from documents. */
function setupPdfmake(): typeof PdfMake {
  if (pdfmake) return pdfmake;
  installVectorDrawings();
  const instance = requirePdfModule<typeof PdfMake>('pdfmake');
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
