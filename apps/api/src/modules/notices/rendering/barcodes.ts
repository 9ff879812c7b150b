import * as bwipjs from 'bwip-js/node';

/** Module matrix of a 2D symbol: `size` × `size` booleans, row-major, no quiet zone. */
interface Matrix {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
}

function matrix(bcid: 'qrcode' | 'datamatrix', text: string, options: string): Matrix {
  const [symbol] = bwipjs.raw(bcid, text, options) as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  if (!symbol?.pixs) throw new Error(`bwip-js returned no ${bcid} matrix`);
  const { pixs, pixx, pixy } = symbol;
  return { width: pixx, height: pixy, dark: (x, y) => pixs[y * pixx + x] === 1 };
}

/**
 * One SVG path, one subpath per horizontal run of dark modules, in module units: a vector symbol of a few
 * hundred bytes that pdfmake draws as a single filled path (no raster, no per-module objects).
 */
function toSvg(m: Matrix, color = '#000000'): string {
  // horizontal runs of dark modules, merged with the identical run of the row above into rectangles
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
  const d = rects.map((r) => `M${r.x} ${r.y}h${r.w}v${r.h}h${-r.w}z`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${m.width}" height="${m.height}" ` +
    `viewBox="0 0 ${m.width} ${m.height}"><path fill="${color}" d="${d}"/></svg>`
  );
}

/** QR code of a notice: version 4 (33 × 33), error correction M, as the Avviso 3.x specification asks. */
export function qrSvg(payload: string): string {
  return toSvg(matrix('qrcode', payload, 'eclevel=M version=4'));
}

/**
 * ECC200 Data Matrix of the Poste payload: 48 × 48 modules as in PagoPA's notices (a larger square symbol when
 * unusual text does not fit), framed by the four grey corner marks of the Bollettino Postale PA, 5 modules
 * (≈ 2.4 mm) outside the symbol. Returns the SVG and the share of its width the symbol itself takes.
 */
export function dataMatrixSvg(payload: string): { svg: string; symbolShare: number } {
  let m: Matrix;
  try {
    m = matrix('datamatrix', payload, 'rows=48 columns=48');
  } catch {
    m = matrix('datamatrix', payload, 'square');
  }
  const gap = 5;
  const arm = 9.4;
  const stroke = 1;
  const lo = -gap - stroke;
  const hi = m.width + gap + stroke;
  const size = hi - lo;
  const corner = (x: number, y: number, dx: number, dy: number): string =>
    `M${x} ${y}h${dx * arm}v${dy * stroke}h${-dx * (arm - stroke)}v${dy * (arm - stroke)}h${-dx * stroke}z`;
  const marks = corner(lo, lo, 1, 1) + corner(hi, lo, -1, 1) + corner(lo, hi, 1, -1) + corner(hi, hi, -1, -1);
  const symbol = toSvg(m)
    .replace(/^<svg[^>]*>/, '')
    .replace('</svg>', '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${lo} ${lo} ${size} ${size}">` +
    `<path fill="#D9D9D9" d="${marks}"/>${symbol}</svg>`;
  return { svg, symbolShare: m.width / size };
}
