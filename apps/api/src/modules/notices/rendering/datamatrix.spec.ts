import * as bwipjs from 'bwip-js/node';
import { buildPosteDataMatrixPayload } from '@pagamenti/pagopa';
import { dataMatrixDrawing } from './barcodes';
import { dataMatrix48, dataMatrixCodewords } from './datamatrix';

const payload = (name: string, subject: string) =>
  buildPosteDataMatrixPayload({
    noticeNumber: '302000000001000000',
    postalAccount: '16302093',
    amountCents: 123456,
    creditorFiscalCode: '01199250158',
    debtorFiscalCode: 'RSSMRA80A01H501U',
    debtorName: name,
    subject,
  });

/** bwip-js (Barcode Writer in Pure PostScript) drawing the same codewords: the reference for RS and placement. */
function reference(codewords: Uint8Array): number[] {
  const raw = [...codewords].map((codeword) => `^${String(codeword).padStart(3, '0')}`).join('');
  const [symbol] = bwipjs.raw('datamatrix', raw, 'raw rows=48 columns=48') as {
    pixs: number[];
    pixx: number;
  }[];
  expect(symbol?.pixx).toBe(48);
  return symbol?.pixs ?? [];
}

describe('ECC200 48 × 48 Data Matrix encoder', () => {
  it.each([
    ['Contribuente 1', 'Tassa sui rifiuti (TARI) 2024 - saldo'],
    ["D'Angelo-Rossi, M.", 'Rette scolastiche / mensa (a.s. 2024-2025) & trasporto'],
    ['Àèìòù Ü ß', 'Ära 1/2 & 3,4'],
    ['X', ''],
  ])('draws the same modules as bwip-js for the same codewords (%s)', (name, subject) => {
    const text = payload(name, subject);
    const codewords = dataMatrixCodewords(text);
    expect(codewords).toBeDefined();
    const symbol = dataMatrix48(text);
    expect(symbol?.size).toBe(48);
    expect([...(symbol?.dark ?? [])]).toEqual(reference(codewords as Uint8Array));
  });

  it('packs the Poste payload into at most 174 codewords (ASCII digit pairs and C40)', () => {
    const codewords = dataMatrixCodewords(payload('Mario Rossi', 'TARI 2026'));
    // first pad codeword (129) marks where the data ends
    expect(codewords?.indexOf(129)).toBeGreaterThan(100);
    expect(codewords?.indexOf(129)).toBeLessThanOrEqual(174);
  });

  it('leaves text it cannot fit to bwip-js, which still draws a symbol', () => {
    const crowded = payload(
      'Mario Rossi',
      'A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G.H.I.J.K.L.M.N',
    );
    expect(dataMatrix48(crowded)).toBeUndefined();
    const { drawing, symbolShare } = dataMatrixDrawing(crowded);
    expect(drawing.operators).toContain(' re\n');
    expect(symbolShare).toBeGreaterThan(0.7);
  });
});
