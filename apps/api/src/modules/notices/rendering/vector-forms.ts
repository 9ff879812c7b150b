import { requirePdfModule } from './pdf-libraries';

/**
 * Vector drawings (barcodes, pictograms, SVG logos) placed in a pdfmake document as PDF Form XObjects.
 *
 * pdfmake draws an `svg` node by parsing the SVG text with svg-to-pdfkit in every document, which was half of the
 * time of a notice. A drawing here is a ready PDF content stream (path operators only) that a document embeds
 * once as a Form XObject and paints with one `Do` per use: barcodes are written straight from their module
 * matrix, static SVGs are converted once by svg-to-pdfkit and replayed. In the document definition a drawing is an
 * `image` node whose `image` is `drawingSource(drawing)`: a string that carries the drawing itself, so nothing has
 * to be registered or released, and pdfmake measures and places it like a picture (fit, width/height, alignment).
 */
export interface VectorDrawing {
  /** The drawing's box in its own units, y pointing down like SVG: [x, y, width, height]. */
  box: readonly [number, number, number, number];
  /** Content-stream operators that only paint paths: no fonts, images, patterns or soft masks. */
  operators: string;
  /** Constant-opacity graphics states the operators name (svg-to-pdfkit sets one for every shape). */
  graphicsStates?: Record<string, Record<string, string | number>>;
}

interface PdfRef {
  end(chunk?: string): void;
}

interface PdfmakeDocument {
  _imageRegistry: Record<string, unknown>;
  _imageCount: number;
  ref(data: Record<string, unknown>): PdfRef;
}

const SOURCE_PREFIX = 'vector-drawing:';

/** The `image` value of a drawing: `vector-drawing:<x> <y> <width> <height>;<graphics states JSON>;<operators>`. */
export function drawingSource(drawing: VectorDrawing): string {
  return `${SOURCE_PREFIX}${drawing.box.join(' ')};${JSON.stringify(drawing.graphicsStates ?? {})};${drawing.operators}`;
}

function parseSource(src: string): VectorDrawing | undefined {
  if (!src.startsWith(SOURCE_PREFIX)) return undefined;
  const boxEnd = src.indexOf(';');
  const statesEnd = src.indexOf(';', boxEnd + 1);
  const box = src.slice(SOURCE_PREFIX.length, boxEnd).split(' ').map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2] <= 0 || box[3] <= 0) {
    throw new Error('invalid vector drawing');
  }
  return {
    box: [box[0], box[1], box[2], box[3]],
    graphicsStates: JSON.parse(src.slice(boxEnd + 1, statesEnd)) as VectorDrawing['graphicsStates'],
    operators: src.slice(statesEnd + 1),
  };
}

/** What pdfkit's `image()` needs of an image: natural size, a resource label and `embed`. */
class FormXObject {
  obj?: PdfRef;
  readonly width: number;
  readonly height: number;

  constructor(
    private readonly drawing: VectorDrawing,
    readonly label: string,
  ) {
    this.width = drawing.box[2];
    this.height = drawing.box[3];
  }

  embed(doc: PdfmakeDocument): void {
    const [x, y, width, height] = this.drawing.box;
    // pdfkit paints images on the unit square, y up: map the drawing's y-down box onto it
    this.obj = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [x, y, x + width, y + height],
      Matrix: [1 / width, 0, 0, -1 / height, -x / width, 1 + y / height],
      Resources: Object.keys(this.drawing.graphicsStates ?? {}).length
        ? { ExtGState: this.drawing.graphicsStates }
        : {},
    });
    this.obj.end(this.drawing.operators);
  }
}

let installed = false;

/**
 * Teaches pdfmake's document class (pdfmake 0.3.x, pinned) to resolve drawing sources: `provideImage` is where
 * pdfmake turns an image name into a pdfkit image, once per document and name.
 */
export function installVectorDrawings(): void {
  if (installed) return;
  const { default: PdfmakeDocumentClass } = requirePdfModule<{
    default: { prototype: { provideImage: (this: PdfmakeDocument, src: unknown) => unknown } };
  }>('pdfmake/js/PDFDocument');
  const provideImage = PdfmakeDocumentClass.prototype.provideImage;
  if (typeof provideImage !== 'function') throw new Error('pdfmake without PDFDocument.provideImage');
  PdfmakeDocumentClass.prototype.provideImage = function (this: PdfmakeDocument, src: unknown) {
    if (typeof src !== 'string') return provideImage.call(this, src);
    const known = this._imageRegistry[src];
    if (known) return known;
    const drawing = parseSource(src);
    if (!drawing) return provideImage.call(this, src);
    const form = new FormXObject(drawing, `V${++this._imageCount}`);
    form.embed(this);
    this._imageRegistry[src] = form;
    return form;
  };
  installed = true;
}

/** A coordinate as written in a content stream: at most 3 decimals, no float noise. */
export const num = (value: number): number => Math.round(value * 1000) / 1000;

/** Filled rectangles in drawing units, as `re` operators. */
export function rectangles(rects: Iterable<{ x: number; y: number; w: number; h: number }>): string {
  let operators = '';
  for (const r of rects) operators += `${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re\n`;
  return operators;
}

/** `#RRGGBB` as a DeviceRGB fill colour operator. */
export function fillColor(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => +(((value >> shift) & 0xff) / 255).toFixed(3);
  return `${channel(16)} ${channel(8)} ${channel(0)} rg\n`;
}

interface ScratchPage {
  resources: { data: Record<string, unknown> };
}
interface ScratchDocument {
  page: ScratchPage;
  addContent(data: string): ScratchDocument;
}

const svgSources = new Map<string, string | null>();
const SVG_CACHE_LIMIT = 200;

/**
 * The drawing source of an SVG, converted once (svg-to-pdfkit, as pdfmake's `svg` node would draw it), or
 * `undefined` when the SVG needs page resources (text, embedded images, gradients, transparency): those keep
 * pdfmake's `svg` node. Cached per SVG text, bounded (entity logos come and go).
 */
export function svgDrawingSource(svg: string): string | undefined {
  const cached = svgSources.get(svg);
  if (cached !== undefined) return cached ?? undefined;
  const drawing = convertSvg(svg);
  if (svgSources.size >= SVG_CACHE_LIMIT) {
    const oldest = svgSources.keys().next().value;
    if (oldest !== undefined) svgSources.delete(oldest);
  }
  const source = drawing ? drawingSource(drawing) : null;
  svgSources.set(svg, source);
  return source ?? undefined;
}

function convertSvg(svg: string): VectorDrawing | undefined {
  const { default: SvgMeasure } = requirePdfModule<{
    default: new () => { measureSVG(svg: string): { width?: number; height?: number } };
  }>('pdfmake/js/SVGMeasure');
  const { width, height } = new SvgMeasure().measureSVG(svg);
  if (!width || !height) return undefined;
  const PdfKit = requirePdfModule<new (options: Record<string, unknown>) => ScratchDocument>('pdfkit');
  const { default: svgToPdfkit } = requirePdfModule<{
    default: (doc: ScratchDocument, svg: string, x: number, y: number, options: object) => void;
  }>('pdfmake/js/3rd-party/svg-to-pdfkit');
  const scratch = new PdfKit({ size: [width, height], margin: 0, compress: false });
  const operators: string[] = [];
  scratch.addContent = (data: string) => {
    operators.push(data);
    return scratch;
  };
  try {
    svgToPdfkit(scratch, svg, 0, 0, { width, height, assumePt: true });
  } catch {
    return undefined;
  }
  const {
    ProcSet: _procSet,
    ExtGState: states = {},
    ...others
  } = scratch.page.resources.data as {
    ExtGState?: Record<string, { data: Record<string, unknown> }>;
  } & Record<string, unknown>;
  if (Object.values(others).some((value) => Object.keys(value as object).length > 0)) return undefined;
  const graphicsStates: NonNullable<VectorDrawing['graphicsStates']> = {};
  for (const [name, state] of Object.entries(states)) {
    // only constant opacity (ca/CA): a soft mask or anything else refers to objects of the scratch document
    const entries = Object.entries(state.data);
    const constantOpacity = entries.every(
      ([key, value]) =>
        (key === 'Type' && value === 'ExtGState') || (/^(ca|CA)$/.test(key) && typeof value === 'number'),
    );
    if (!constantOpacity) return undefined;
    graphicsStates[name] = Object.fromEntries(entries) as Record<string, string | number>;
  }
  return { box: [0, 0, width, height], operators: `${operators.join('\n')}\n`, graphicsStates };
}

/** An SVG as pdfmake content: a replayed drawing when it converts, pdfmake's own `svg` node otherwise. */
export function svgNode(svg: string): { image: string } | { svg: string } {
  const source = svgDrawingSource(svg);
  return source ? { image: source } : { svg };
}
