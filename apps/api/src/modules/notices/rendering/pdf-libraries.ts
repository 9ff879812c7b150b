import { dirname } from 'node:path';

declare const __non_webpack_require__: NodeJS.Require | undefined;

/** Node's own require, also inside the webpack bundle (pdfmake, pdfkit, fontkit, bootstrap-italia stay external). */
export const nodeRequire: NodeJS.Require =
  typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

interface GlyphRun {
  positions: Record<string, number>[];
}
interface ParsedFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
}

const SHAPED_WORDS_LIMIT = 5_000;

/**
 * pdfkit shapes every word of a document with fontkit (GSUB/GPOS lookups) and caches the result only for that
 * document, while notices repeat the same labels thousands of times: keep the shaped runs of each parsed font
 * across documents (bounded; emptied when full). pdfkit scales the positions of a run in place, so every caller
 * gets its own copy of them; glyphs are shared and only read.
 */
function shareShaping(font: ParsedFont): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]) => {
    if (options.some((option) => option !== undefined)) return layout(text, ...options);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= SHAPED_WORDS_LIMIT) runs.clear();
      runs.set(text, (run = layout(text)));
    }
    const copy = Object.create(Object.getPrototypeOf(run) as object) as GlyphRun;
    return Object.assign(copy, run, { positions: run.positions.map((position) => ({ ...position })) });
  };
}

/**
 * pdfkit parses every font file again for every document (fontkit.create), which was most of the rendering time.
 * Before pdfkit is loaded, put a fontkit whose `create` returns one parsed font per font buffer in Node's module
 * cache: subsets are still built per document, but tables, cmap, layout caches and shaped words are shared.
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
          if (!font) {
            font = fontkit.create(buffer);
            shareShaping(font as ParsedFont);
            parsed.set(buffer, font);
          }
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

let fontsCached = false;

/** Loads a module of the PDF stack (pdfmake, pdfkit, their files) with the parsed-font cache already in place. */
export function requirePdfModule<T>(id: string): T {
  if (!fontsCached) {
    cacheParsedFonts();
    fontsCached = true;
  }
  return nodeRequire(id) as T;
}
