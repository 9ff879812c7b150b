/**
 * ECC200 Data Matrix, 48 × 48 modules (ISO/IEC 16022), the symbol of the Poste payload.
 *
 * bwip-js runs Barcode Writer in Pure PostScript through a PostScript emulator: ≈ 3 ms per symbol, a sixth of a
 * whole notice. This encoder does the one size the notices use in ≈ 0.2 ms: ASCII (digit pairs) and C40
 * segments chosen by dynamic programming for the fewest codewords, Reed-Solomon over GF(256), the standard
 * module placement and the 2 × 2 data regions with their finder patterns. `undefined` when the text does not
 * fit in 174 codewords (the caller then lets bwip-js pick a larger symbol).
 */

const SIZE = 48;
const REGION = 22; // data modules per region side; 2 × 2 regions, each framed by a 1-module finder pattern
const MAPPING = 2 * REGION; // 44 × 44 mapping matrix
const DATA_CODEWORDS = 174;
const ECC_CODEWORDS = 68; // one Reed-Solomon block at this size

const LATCH_C40 = 230;
const UNLATCH = 254;
const PAD = 129;

// ---------------------------------------------------------------- GF(256), x^8 + x^5 + x^3 + x^2 + 1

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let value = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = value;
    LOG[value] = i;
    value <<= 1;
    if (value & 0x100) value ^= 0x12d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}

const multiply = (a: number, b: number): number => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

/** Generator polynomial (x + α)(x + α²)…(x + α^68), coefficients from x^67 down to x^0 (x^68 implied). */
const GENERATOR = (() => {
  let poly = [1];
  for (let i = 1; i <= ECC_CODEWORDS; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= multiply(poly[j], EXP[i]);
    }
    poly = next;
  }
  return poly.slice(1);
})();

function reedSolomon(data: Uint8Array): Uint8Array {
  const ecc = new Uint8Array(ECC_CODEWORDS);
  for (const codeword of data) {
    const factor = codeword ^ ecc[0];
    ecc.copyWithin(0, 1);
    ecc[ECC_CODEWORDS - 1] = 0;
    if (factor) for (let i = 0; i < ECC_CODEWORDS; i++) ecc[i] ^= multiply(GENERATOR[i], factor);
  }
  return ecc;
}

// ---------------------------------------------------------------- data encodation

/** C40 values of a printable ASCII character: basic set (space, digits, capitals) or a shift and a value. */
function c40Values(code: number): number[] | undefined {
  if (code === 32) return [3];
  if (code >= 48 && code <= 57) return [code - 44];
  if (code >= 65 && code <= 90) return [code - 51];
  if (code >= 33 && code <= 47) return [1, code - 33];
  if (code >= 58 && code <= 64) return [1, code - 43];
  if (code >= 91 && code <= 95) return [1, code - 69];
  if (code >= 96 && code <= 127) return [2, code - 96];
  if (code < 32) return [0, code];
  return undefined;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Number of C40 values of a character (1 for space, digits and capitals, 2 with a shift), 0 if none. */
const c40Count = (code: number): number =>
  code > 127 ? 0 : code === 32 || isDigit(code) || (code >= 65 && code <= 90) ? 1 : 2;

/**
 * Fewest codewords for the text, from ASCII mode: digit pairs or single characters in ASCII, or a C40 segment
 * (latch, triples, unlatch) that ends on a whole triple. Returns the codewords, or undefined past 174.
 */
export function dataMatrixCodewords(text: string): Uint8Array | undefined {
  const n = text.length;
  const codes = Array.from(text, (char) => char.charCodeAt(0));
  if (codes.some((code) => code > 127)) return undefined;
  const cost = new Array<number>(n + 1).fill(Infinity);
  const step = new Array<{ from: number; c40: boolean }>(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    const ascii = i + 1 < n && isDigit(codes[i]) && isDigit(codes[i + 1]) ? i + 2 : i + 1;
    if (cost[i] + 1 < cost[ascii]) {
      cost[ascii] = cost[i] + 1;
      step[ascii] = { from: i, c40: false };
    }
    let values = 0;
    for (let j = i; j < n; j++) {
      values += c40Count(codes[j]);
      // a segment ends on a whole triple; two values left over are completed with a Shift 1 (value 0)
      if (values % 3 === 1) continue;
      const total = cost[i] + 2 + Math.ceil(values / 3) * 2;
      if (total < cost[j + 1]) {
        cost[j + 1] = total;
        step[j + 1] = { from: i, c40: true };
      }
    }
  }
  // a C40 segment that ends exactly at the end of a full symbol needs no unlatch
  const unlatchAtEnd = !(step[n]?.c40 && cost[n] === DATA_CODEWORDS + 1);
  if (cost[n] - (unlatchAtEnd ? 0 : 1) > DATA_CODEWORDS) return undefined;
  const segments: { from: number; to: number; c40: boolean }[] = [];
  for (let to = n; to > 0; to = step[to].from)
    segments.unshift({ from: step[to].from, to, c40: step[to].c40 });
  const out: number[] = [];
  for (const { from, to, c40 } of segments) {
    if (!c40) {
      out.push(to - from === 2 ? 130 + Number(text.slice(from, to)) : codes[from] + 1);
      continue;
    }
    out.push(LATCH_C40);
    const values = codes.slice(from, to).flatMap((code) => c40Values(code) ?? []);
    if (values.length % 3 === 2) values.push(0);
    for (let k = 0; k < values.length; k += 3) {
      const packed = 1600 * values[k] + 40 * values[k + 1] + values[k + 2] + 1;
      out.push(packed >> 8, packed & 0xff);
    }
    if (to < n || unlatchAtEnd) out.push(UNLATCH);
  }
  const data = new Uint8Array(DATA_CODEWORDS);
  data.set(out);
  for (let position = out.length + 1; position <= DATA_CODEWORDS; position++) {
    // first pad 129, then the "253-state" randomised pads
    if (position === out.length + 1) data[position - 1] = PAD;
    else {
      const random = PAD + ((149 * position) % 253) + 1;
      data[position - 1] = random > 254 ? random - 254 : random;
    }
  }
  return data;
}

// ---------------------------------------------------------------- module placement (ISO/IEC 16022 annex F)

/** For each module of the 44 × 44 mapping matrix: codeword index × 8 + bit (0 = most significant). */
const PLACEMENT = (() => {
  const nrow = MAPPING;
  const ncol = MAPPING;
  const grid = new Int32Array(nrow * ncol).fill(-1);
  const module = (row: number, col: number, chr: number, bit: number) => {
    if (row < 0) {
      row += nrow;
      col += 4 - ((nrow + 4) % 8);
    }
    if (col < 0) {
      col += ncol;
      row += 4 - ((ncol + 4) % 8);
    }
    grid[row * ncol + col] = chr * 8 + bit;
  };
  const utah = (row: number, col: number, chr: number) => {
    module(row - 2, col - 2, chr, 0);
    module(row - 2, col - 1, chr, 1);
    module(row - 1, col - 2, chr, 2);
    module(row - 1, col - 1, chr, 3);
    module(row - 1, col, chr, 4);
    module(row, col - 2, chr, 5);
    module(row, col - 1, chr, 6);
    module(row, col, chr, 7);
  };
  const corners: Record<number, [number, number][]> = {
    1: [
      [nrow - 1, 0],
      [nrow - 1, 1],
      [nrow - 1, 2],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
      [2, ncol - 1],
      [3, ncol - 1],
    ],
    2: [
      [nrow - 3, 0],
      [nrow - 2, 0],
      [nrow - 1, 0],
      [0, ncol - 4],
      [0, ncol - 3],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
    ],
    3: [
      [nrow - 3, 0],
      [nrow - 2, 0],
      [nrow - 1, 0],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
      [2, ncol - 1],
      [3, ncol - 1],
    ],
    4: [
      [nrow - 1, 0],
      [nrow - 1, ncol - 1],
      [0, ncol - 3],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 3],
      [1, ncol - 2],
      [1, ncol - 1],
    ],
  };
  const corner = (which: number, chr: number) =>
    corners[which].forEach(([row, col], bit) => module(row, col, chr, bit));
  let chr = 0;
  let row = 4;
  let col = 0;
  do {
    if (row === nrow && col === 0) corner(1, chr++);
    if (row === nrow - 2 && col === 0 && ncol % 4) corner(2, chr++);
    if (row === nrow - 2 && col === 0 && ncol % 8 === 4) corner(3, chr++);
    if (row === nrow + 4 && col === 2 && !(ncol % 8)) corner(4, chr++);
    do {
      if (row < nrow && col >= 0 && grid[row * ncol + col] < 0) utah(row, col, chr++);
      row -= 2;
      col += 2;
    } while (row >= 0 && col < ncol);
    row += 1;
    col += 3;
    do {
      if (row >= 0 && col < ncol && grid[row * ncol + col] < 0) utah(row, col, chr++);
      row += 2;
      col -= 2;
    } while (row < nrow && col >= 0);
    row += 3;
    col += 1;
  } while (row < nrow || col < ncol);
  // 44 × 44 is filled exactly by 242 codewords: no fixed corner pattern at this size
  if (grid.some((entry) => entry < 0)) throw new Error('Data Matrix placement left modules unassigned');
  return grid;
})();

/** The 48 × 48 module matrix of the text (row-major, true = dark), or undefined when it does not fit. */
export function dataMatrix48(text: string): { size: number; dark: Uint8Array } | undefined {
  const data = dataMatrixCodewords(text);
  if (!data) return undefined;
  const codewords = new Uint8Array(DATA_CODEWORDS + ECC_CODEWORDS);
  codewords.set(data);
  codewords.set(reedSolomon(data), DATA_CODEWORDS);
  const dark = new Uint8Array(SIZE * SIZE);
  const regionSide = REGION + 2;
  for (let y = 0; y < SIZE; y++) {
    const ly = y % regionSide;
    for (let x = 0; x < SIZE; x++) {
      const lx = x % regionSide;
      let on: boolean;
      if (lx === 0 || ly === regionSide - 1)
        on = true; // solid L: left column, bottom row
      else if (ly === 0)
        on = lx % 2 === 0; // alternating top row
      else if (lx === regionSide - 1)
        on = ly % 2 === 1; // alternating right column
      else {
        const row = Math.floor(y / regionSide) * REGION + ly - 1;
        const col = Math.floor(x / regionSide) * REGION + lx - 1;
        const entry = PLACEMENT[row * MAPPING + col];
        on = ((codewords[entry >> 3] >> (7 - (entry & 7))) & 1) === 1;
      }
      dark[y * SIZE + x] = on ? 1 : 0;
    }
  }
  return { size: SIZE, dark };
}
