import { type DebtPositionValidationContext } from '@pagamenti/pagopa';
import {
  CsvReader,
  type CsvItem,
  type CsvSeparator,
  detectSeparator,
  isMalformed,
  MAX_QUOTED_CELL,
} from './csv-reader';
import { csvLine, neutraliseFormula, parseDate, parseEuroAmount } from './csv-values';
import { jsonItemUnit, validateUnit } from './import-units';
import { JsonArrayReader } from './json-array-reader';
import {
  CsvUnitAssembler,
  csvLocation,
  derivedIupd,
  type ImportUnit,
  readHeader,
} from './position-csv-format';
import { UploadInspector } from './text-decoding';

const SHA = 'ab12'.repeat(16);

function readAll(text: string, separator: CsvSeparator = ';', chunk = 7): CsvItem[] {
  const reader = new CsvReader(separator);
  const items: CsvItem[] = [];
  for (let i = 0; i < text.length; i += chunk) items.push(...reader.push(text.slice(i, i + chunk)));
  items.push(...reader.push('', true));
  return items;
}

function units(csv: string): ImportUnit[] {
  const [header, ...rows] = readAll(csv, detectSeparator(csv.split('\n')[0] ?? '') ?? ';', 1000);
  if (!header || isMalformed(header)) throw new Error('no header');
  const check = readHeader(header.fields);
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  const assembler = new CsvUnitAssembler(check.layout, SHA);
  const out: ImportUnit[] = [];
  for (const row of rows) {
    if (isMalformed(row)) throw new Error(row.error);
    const unit = assembler.push(row);
    if (unit) out.push(unit);
  }
  const last = assembler.flush();
  if (last) out.push(last);
  return out;
}

const CONTEXT: DebtPositionValidationContext = {
  entityFiscalCode: '99023040399',
  knownEntityFiscalCodes: new Set(['99049220017']),
  today: '2026-01-15',
  dueType: {
    code: 'TARI',
    taxonomyCode: '9/0101101IM/',
    accountIban: 'IT60X0542811101000000123456',
    accountKind: 'BANK',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: null,
    maxAmountCents: null,
    active: true,
  },
};

describe('CSV reader', () => {
  it('reads plain and quoted cells across chunk boundaries, CRLF and LF, with row numbers as a spreadsheet shows', () => {
    const items = readAll('a;b;c\r\n1;"x;y";3\n"multi\nline";"say ""hi""";\n\n4;5;6');
    expect(items).toEqual([
      { row: 1, fields: ['a', 'b', 'c'] },
      { row: 2, fields: ['1', 'x;y', '3'] },
      { row: 3, fields: ['multi\nline', 'say "hi"', ''] },
      { row: 4, fields: [''] },
      { row: 5, fields: ['4', '5', '6'] },
    ]);
  });

  it('reports an unbalanced quote on its row and carries on with the next line', () => {
    const items = readAll(`a;b\n1;"open\n2;3\n`, ';', 3);
    expect(items[1]).toMatchObject({ row: 2, error: expect.stringContaining('virgolette non chiuse') });
    expect(items[2]).toEqual({ row: 3, fields: ['2', '3'] });
  });

  it('stops an unbalanced quote after MAX_QUOTED_CELL characters instead of swallowing the file', () => {
    const filler = Array.from(
      { length: 200 },
      (_, i) => `${i};riga normale abbastanza lunga da riempire`,
    ).join('\n');
    expect(filler.length).toBeGreaterThan(MAX_QUOTED_CELL);
    const items = readAll(`a;b\n1;"aperta\n${filler}\n"chiusa";x\n`, ';', 4096);
    expect(items[1]).toMatchObject({ row: 2, error: expect.stringContaining('virgolette non chiuse') });
    expect(items[2]).toEqual({ row: 3, fields: ['0', 'riga normale abbastanza lunga da riempire'] });
  });

  it('refuses text after a closing quote', () => {
    expect(readAll('a;b\n"x"y;2\n')[1]).toMatchObject({
      row: 2,
      error: expect.stringContaining('testo dopo le virgolette'),
    });
  });

  it('detects the separator from the header', () => {
    expect(detectSeparator('azione;iupd;importo')).toBe(';');
    expect(detectSeparator('azione,iupd,"a;b",importo')).toBe(',');
    expect(detectSeparator('azione\tiupd')).toBe('\t');
    expect(detectSeparator('azione')).toBeNull();
  });
});

describe('cell values', () => {
  it.each([
    ['120', 12000],
    ['120,5', 12050],
    ['120,50', 12050],
    ['120.50', 12050],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['€ 12,00', 1200],
    ['12,00 €', 1200],
    [' 0,01 ', 1],
  ])('reads the amount %s as %i cents', (text, cents) => {
    expect(parseEuroAmount(text)).toEqual({ value: cents });
  });

  it.each([
    ['1.234', 'ambiguo'],
    ['12,345', 'ambiguo'],
    ['-5', 'positivo'],
    ['12,345.6.7', 'non è un importo'],
    ['dieci', 'non è un importo'],
    ['1,2,3', 'non è un importo'],
  ])('refuses the amount %s', (text, message) => {
    expect(parseEuroAmount(text)).toEqual({ error: expect.stringContaining(message) });
  });

  it('reads Italian and ISO dates and refuses days that do not exist', () => {
    expect(parseDate('30/06/2026')).toEqual({ value: '2026-06-30' });
    expect(parseDate('1/7/2026')).toEqual({ value: '2026-07-01' });
    expect(parseDate('2026-07-01')).toEqual({ value: '2026-07-01' });
    expect(parseDate('30.06.2026 00:00')).toEqual({ value: '2026-06-30' });
    expect(parseDate('31/02/2026')).toEqual({
      error: expect.stringContaining('non è un giorno del calendario'),
    });
    expect(parseDate('2026/06/30')).toEqual({ error: expect.stringContaining('GG/MM/AAAA') });
  });

  it('neutralises formulas and quotes cells that need it', () => {
    expect(['=1+1', '+39', '-5', '@SUM', 'ok'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+39",
      "'-5",
      "'@SUM",
      'ok',
    ]);
    expect(csvLine(['a;b', 'say "x"', '=cmd', 'plain'])).toBe('"a;b";"say ""x""";\'=cmd;plain\r\n');
  });
});

describe('CSV format', () => {
  it('names unknown, repeated and missing columns', () => {
    const check = readHeader(['Azione', 'IUPD', 'scadensa', 'importo', 'Importo', 'errore']);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((error) => [error.field, error.rule])).toEqual([
      ['scadensa', 'unknownColumn'],
      ['Importo', 'duplicateColumn'],
      ['codice_tipo_dovuto', 'requiredColumn'],
      ['codice_fiscale_debitore', 'requiredColumn'],
      ['nome_debitore', 'requiredColumn'],
      ['causale', 'requiredColumn'],
      ['scadenza', 'requiredColumn'],
    ]);
  });

  it('groups consecutive rows of one IUPD into one position; rows without IUPD get a derived one', () => {
    const found = units(
      [
        'iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza',
        ';TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;312,00;30/06/2026',
        'T-1;TARI;01199250158;Esempio S.r.l.;TARI 2026;1;400;30/06/2026',
        'T-1;;;;;2;400;30/09/2026',
        ';TARI;VRDLCU72C12G482Y;Luca Verdi;TARI 2026;;10;30/06/2026',
      ].join('\n'),
    );
    expect(found.map((unit) => [unit.rows, unit.iupd, unit.generatedIupd])).toEqual([
      [[2], derivedIupd(SHA, 2), true],
      [[3, 4], 'T-1', false],
      [[5], derivedIupd(SHA, 5), true],
    ]);
    expect(derivedIupd(SHA, 2)).toBe('IMP-AB12AB12AB12AB12-2');
    const plan = validateUnit(found[1] as ImportUnit, CONTEXT, readLayout());
    expect(plan).toMatchObject({
      iupd: 'T-1',
      debtor: { type: 'G', idValue: '01199250158', name: 'Esempio S.r.l.' },
      amountCents: 80000,
      options: [
        { installment: 1, amountCents: 40000, dueDate: '2026-06-30' },
        { installment: 2, amountCents: 40000, dueDate: '2026-09-30' },
      ],
    });
  });

  it('splits TARI and TEFA with importo_1 left empty, as in IMPORT.md', () => {
    const [unit] = units(
      [
        'iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza;importo_2;beneficiario_cf_2;iban_2;tassonomia_2;causale_2',
        'TARI-2026-7;TARI;VRDLCU72C12G482Y;Luca Verdi;TARI 2026;;210,00;30/06/2026;10,00;99049220017;IT60X0542811101000000123456;9/0201102IM/;TEFA 2026',
      ].join('\n'),
    );
    const position = validateUnit(unit as ImportUnit, CONTEXT, readLayout());
    expect(unit?.errors).toBeNull();
    expect(position?.options[0]?.transfers).toEqual([
      expect.objectContaining({
        index: 1,
        beneficiaryFiscalCode: '99023040399',
        amountCents: 20000,
        category: '9/0101101IM/',
      }),
      expect.objectContaining({
        index: 2,
        beneficiaryFiscalCode: '99049220017',
        amountCents: 1000,
        remittanceInformation: 'TEFA 2026',
      }),
    ]);
  });

  it('reports every bad cell with its row and column, and position columns that disagree', () => {
    const [unit] = units(
      [
        'iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza;email_debitore',
        'P-1;TARI;RSSMRA80A01H501X;Mario Rossi;TARI 2026;1;1.234;31/02/2026;posta',
        'P-1;TARI;VRDLCU72C12G482Y;;;2;10;30/06/2026;',
      ].join('\n'),
    );
    const layout = readLayout([
      'iupd',
      'codice_tipo_dovuto',
      'codice_fiscale_debitore',
      'nome_debitore',
      'causale',
      'rata',
      'importo',
      'scadenza',
      'email_debitore',
    ]);
    expect(validateUnit(unit as ImportUnit, CONTEXT, layout)).toBeNull();
    expect(unit?.errors?.[0]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^importo: importo ambiguo "1\.234"/),
        'scadenza: "31/02/2026" non è un giorno del calendario',
        expect.stringMatching(
          /^codice_fiscale_debitore: Il codice fiscale della persona fisica non è valido/,
        ),
        expect.stringMatching(/^email_debitore: /),
      ]),
    );
    expect(unit?.errors?.[1]).toEqual([
      expect.stringMatching(/^codice_fiscale_debitore: "VRDLCU72C12G482Y" è diverso dalla prima riga/),
    ]);
  });

  it('maps validation field paths to CSV columns', () => {
    expect(csvLocation('options[2].transfers[1].iban', 'isIban')).toEqual({ rowIndex: 2, column: 'iban_2' });
    expect(csvLocation('options[0].dueDate', 'isDate')).toEqual({ rowIndex: 0, column: 'scadenza' });
    expect(csvLocation('options[1].transfers', 'sumEqualsAmount')).toEqual({
      rowIndex: 1,
      column: 'importo_1',
    });
    expect(csvLocation('options', 'payableToday')).toEqual({ rowIndex: 0, column: 'scadenza' });
    expect(csvLocation('debtor.idValue', 'isFiscalCode')).toEqual({
      rowIndex: 0,
      column: 'codice_fiscale_debitore',
    });
  });
});

describe('JSON uploads', () => {
  it('splits an array into items across chunks, reporting items that are not JSON', () => {
    const reader = new JsonArrayReader();
    const text = ' [ {"a": "x]},{"}, 2 , {"b": [1, {"c": "\\"q\\""}]}, {oops} ] ';
    const items = [];
    for (let i = 0; i < text.length; i += 5) items.push(...reader.push(text.slice(i, i + 5)));
    items.push(...reader.push('', true));
    expect(items).toEqual([
      { item: 1, value: { a: 'x]},{' } },
      { item: 2, value: 2 },
      { item: 3, value: { b: [1, { c: '"q"' }] } },
      { item: 4, error: expect.stringContaining('JSON non valido') },
    ]);
    expect(() => new JsonArrayReader().push('{"a": 1}', true)).toThrow('array');
    expect(() => new JsonArrayReader().push('[{"a": 1}', true)).toThrow('troncato');
  });

  it('checks the shape of an item and names unknown fields', () => {
    const unit = jsonItemUnit(
      3,
      { action: 'CREATE', position: { dueTypeCode: 'TARI', colour: 'red' }, extra: 1 },
      SHA,
    );
    expect(unit.iupd).toBe(derivedIupd(SHA, 3));
    expect(unit.errors?.[0]).toEqual([
      'extra: campo sconosciuto (un elemento ha solo action e position)',
      'position.colour: campo sconosciuto',
    ]);
    expect(jsonItemUnit(1, { action: 'CANCEL', position: { reason: 'x' } }, SHA).errors?.[0]).toEqual([
      'position.iupd: obbligatorio per UPDATE e CANCEL',
    ]);
  });
});

describe('upload inspector', () => {
  it('counts records outside quotes, hashes and recognises encodings and spreadsheets', () => {
    const inspector = new UploadInspector();
    inspector.update(Buffer.from('a;b\n1;"x\ny"\n2;'));
    inspector.update(Buffer.from('3'));
    expect(inspector.recordSeparators).toBe(2);
    expect(inspector.endsWithoutLineFeed).toBe(true);
    expect(inspector.finish()).toMatchObject({ encoding: 'UTF-8', unreadable: null, sizeBytes: 15 });

    const latin = new UploadInspector();
    latin.update(Buffer.from('nome\nNiccolò\n', 'latin1'));
    expect(latin.finish().encoding).toBe('WINDOWS-1252');

    const xlsx = new UploadInspector();
    xlsx.update(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(xlsx.finish().unreadable).toContain('Excel');
  });
});

function readLayout(
  columns = [
    'iupd',
    'codice_tipo_dovuto',
    'codice_fiscale_debitore',
    'nome_debitore',
    'causale',
    'rata',
    'importo',
    'scadenza',
  ],
) {
  const check = readHeader(columns);
  if (!check.ok) throw new Error('bad header');
  return check.layout;
}
