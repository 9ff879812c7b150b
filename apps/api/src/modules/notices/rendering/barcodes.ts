import * as bwipjs from 'bwip-js/node';
import { dataMatrix48 } from './datamatrix';
import { requirePdfModule } from './pdf-libraries';
import { fillColor, num, rectangles, type VectorDrawing } from './vector-forms';

/** Module matrix of a 2D symbol: `size` × `size` booleans, row-major, no quiet zone. */
interface Matrix {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
}

function matrix(bcid: 'datamatrix', text: string, options: string): Matrix {
  const [symbol] = bwipjs.raw(bcid, text, options) as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  if (!symbol?.pixs) throw new Error(`bwip-js returned no ${bcid} matrix`);
  const { pixs, pixx, pixy } = symbol;
  return { width: pixx, height: pixy, dark: (x, y) => pixs[y * pixx + x] === 1 };
}

/**
 * Dark modules as filled rectangles in module units: horizontal runs, merged with the identical run of the row
 * above, so a symbol is a few hundred `re` operators filled once (no raster, no per-module objects).
 */
function moduleRectangles(m: Matrix): string {
  const open = new Map<string, { x: number; y: number; w: number; h: number }>();
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  for (let y = 0; y < m.height; y++) {
    const seen = new Set<string>();
    let x = 0;
    while (x < m.width) {
      if (!m.dark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < m.width && m.dark(x, y)) x++;
      const key = `${start}:${x}`;
      const rect = open.get(key);
      if (rect && rect.y + rect.h === y) rect.h++;
      else {
        const created = { x: start, y, w: x - start, h: 1 };
        open.set(key, created);
        rects.push(created);
      }
      seen.add(key);
    }
    for (const key of open.keys()) if (!seen.has(key)) open.delete(key);
  }
  return `${fillColor('#000000')}${rectangles(rects)}f\n`;
}

/** QR code of a notice: version 4 (33 × 33), error correction M, as the Avviso 3.x specification asks. */
export function qrDrawing(payload: string): VectorDrawing {
  const m = qrMatrix(payload);
  return { box: [0, 0, m.width, m.height], operators: moduleRectangles(m) };
}

interface QrCanvas {
  _width: number;
  _canvas: { x: number; y: number; w: number; h: number }[];
}

/**
 * QR matrix from pdfmake's own encoder (the engine of its `qr` node, ≈ 0.3 ms against bwip-js's ≈ 2.5 ms): asked
 * for one point per module it returns a white background square followed by one square per dark module.
 */
function qrMatrix(payload: string): Matrix {
  const { default: qrEncoder } = requirePdfModule<{ default: { measure(node: object): QrCanvas } }>(
    'pdfmake/js/qrEnc',
  );
  const node = qrEncoder.measure({ qr: payload, version: 4, eccLevel: 'M', mode: 'octet', fit: 33 });
  const size = node._width;
  if (size !== 33) throw new Error(`QR code of ${size} modules, expected version 4 (33)`);
  const dark = new Uint8Array(size * size);
  for (const module of node._canvas.slice(1)) dark[module.y * size + module.x] = 1;
  return { width: size, height: size, dark: (x, y) => dark[y * size + x] === 1 };
}

/**
 * ECC200 Data Matrix of the Poste payload: 48 × 48 modules as in PagoPA's notices (a larger square symbol when
 * unusual text does not fit), framed by the four grey corner marks of the Bollettino Postale PA, 5 modules
 * (≈ 2.4 mm) outside the symbol. Returns the drawing and the share of its width the symbol itself takes.
 */
export function dataMatrixDrawing(payload: string): { drawing: VectorDrawing; symbolShare: number } {
  const fast = dataMatrix48(payload);
  let m: Matrix;
  if (fast) m = { width: fast.size, height: fast.size, dark: (x, y) => fast.dark[y * fast.size + x] === 1 };
  else {
    // text our encoder cannot fit in 48 × 48 (heavy punctuation): bwip-js's full encodation, larger if needed
    try {
      m = matrix('datamatrix', payload, 'rows=48 columns=48');
    } catch {
      m = matrix('datamatrix', payload, 'square');
    }
  }
  const gap = 5;
  const arm = 9.4;
  const stroke = 1;
  const lo = -gap - stroke;
  const hi = m.width + gap + stroke;
  const size = hi - lo;
  const corner = (x: number, y: number, dx: number, dy: number): string =>
    [
      [x, y, 'm'],
      [x + dx * arm, y, 'l'],
      [x + dx * arm, y + dy * stroke, 'l'],
      [x + dx * stroke, y + dy * stroke, 'l'],
      [x + dx * stroke, y + dy * arm, 'l'],
      [x, y + dy * arm, 'l'],
    ]
      .map(([px, py, op]) => `${num(px as number)} ${num(py as number)} ${op}`)
      .join(' ') + ' h\n';
  const marks = corner(lo, lo, 1, 1) + corner(hi, lo, -1, 1) + corner(lo, hi, 1, -1) + corner(hi, hi, -1, -1);
  const operators = `${fillColor('#D9D9D9')}${marks}f\n${moduleRectangles(m)}`;
  return { drawing: { box: [lo, lo, size, size], operators }, symbolShare: m.width / size };
}
