import {
  buildNoticeNumberAux3,
  buildNoticeQrPayload,
  buildPosteDataMatrixPayload,
  formatEuroForNotice,
  formatNoticeNumber,
  sanitizePosteText,
} from '../index';

describe('notice QR payload', () => {
  it('matches the worked example of SPEC.md §4', () => {
    const noticeNumber = buildNoticeNumberAux3('12', '0000000012345');
    expect(
      buildNoticeQrPayload({ noticeNumber, creditorFiscalCode: '01199250158', amountCents: 12050 }),
    ).toBe('PAGOPA|002|312000000001234587|01199250158|12050');
  });

  it('accepts a notice number printed in groups of four', () => {
    expect(
      buildNoticeQrPayload({
        noticeNumber: formatNoticeNumber('300715700000000032'),
        creditorFiscalCode: '97735020584',
        amountCents: 150000,
      }),
    ).toBe('PAGOPA|002|300715700000000032|97735020584|150000');
  });

  it.each([
    [{ noticeNumber: '31200000000123458', creditorFiscalCode: '01199250158', amountCents: 1 }],
    [{ noticeNumber: '312000000001234587', creditorFiscalCode: '01199250159', amountCents: 1 }],
    [{ noticeNumber: '312000000001234587', creditorFiscalCode: '01199250158', amountCents: 0 }],
    [{ noticeNumber: '312000000001234587', creditorFiscalCode: '01199250158', amountCents: 1.5 }],
    [{ noticeNumber: '312000000001234587', creditorFiscalCode: '01199250158', amountCents: 100_000_000_000 }],
  ])('rejects invalid input %#', (input) => {
    expect(() => buildNoticeQrPayload(input)).toThrow(RangeError);
  });
});

describe('Poste Data Matrix payload', () => {
  const ioAppFixture = {
    noticeNumber: '300715700000000032',
    postalAccount: '16302093',
    amountCents: 1,
    creditorFiscalCode: '00085240950',
    debtorFiscalCode: 'BSCMTT83A12L719R',
    debtorName: 'Mario Rossi',
    subject: 'Tassa rifiuti 2024',
  };

  it('lays out the fixed-width record of SPEC.md §4 (IO-app fixture fields)', () => {
    const payload = buildPosteDataMatrixPayload(ioAppFixture);
    expect(payload).toHaveLength(256);
    expect(payload.slice(0, 93)).toBe(
      'codfase=NBPA;183007157000000000321200001630209310000000000138961P100085240950BSCMTT83A12L719R',
    );
    // the offsets decoders read (IO app: NAV at 15, amount at 49, creditor CF at 66)
    expect(payload.slice(15, 33)).toBe('300715700000000032');
    expect(payload.slice(49, 59)).toBe('0000000001');
    expect(payload.slice(66, 77)).toBe('00085240950');
    expect(payload.slice(93, 133)).toBe('MARIO ROSSI'.padEnd(40));
    expect(payload.slice(133, 243)).toBe('TASSA RIFIUTI 2024'.padEnd(110));
    expect(payload.slice(243, 255)).toBe(' '.repeat(12));
    expect(payload.endsWith('A')).toBe(true);
  });

  it('truncates long names and subjects and strips characters Poste does not carry', () => {
    const payload = buildPosteDataMatrixPayload({
      ...ioAppFixture,
      debtorFiscalCode: '01199250158',
      debtorName: 'Società Cooperativa «Nuova Età»; Servizi Idrici & Ambientali dell’Abruzzo',
      subject: 'Canone idrico | 2° semestre 2024 — ' + 'x'.repeat(200),
    });
    expect(payload).toHaveLength(256);
    expect(payload.slice(77, 93)).toBe('01199250158     ');
    expect(payload.slice(93, 133)).toBe('SOCIETA COOPERATIVA NUOVA ETA SERVIZI ID');
    expect(payload.slice(133, 243)).toMatch(/^CANONE IDRICO 2 SEMESTRE 2024 XXX+$/);
    expect(payload).toMatch(/^[A-Za-z0-9 .,'\-/()&=;]+$/);
  });

  it('folds accents and removes separators', () => {
    expect(sanitizePosteText("  Nicolò  D'Annunzio; è|ü ")).toBe("NICOLO D'ANNUNZIO E U");
  });

  it('rejects a postal account that is not up to 12 digits', () => {
    expect(() => buildPosteDataMatrixPayload({ ...ioAppFixture, postalAccount: '1234567890123' })).toThrow(
      RangeError,
    );
  });
});

describe('formatEuroForNotice', () => {
  it.each([
    [150000, 'it', '1.500,00'],
    [150000, 'de', '1.500,00'],
    [150000, 'en', '1,500.00'],
    [102099, 'en', '1,020.99'],
    [5, 'it', '0,05'],
    [12050, 'it', '120,50'],
    [99_999_999_999, 'it', '999.999.999,99'],
  ] as const)('%d cents in %s → %s', (cents, lang, expected) => {
    expect(formatEuroForNotice(cents, lang)).toBe(expected);
  });
});
