import { CliUsageError, parseCliArgs } from './cli-args';

describe('simulator CLI arguments', () => {
  it('turns pay options and faults into the POST /psp/payments body', () => {
    expect(
      parseCliArgs([
        'pay',
        '3070 0000 0000 0009 13',
        '--entity',
        '99023040399',
        '--psp',
        'PAYDITM1XXX',
        '--payer',
        'RSSMRA80A01H501U',
        '--payer-name',
        'Mario Rossi',
        '--fault',
        'duplicate-receipt',
        '--fault',
        'slow-station=500',
        '--fault',
        'concurrent-activations=50',
        '--json',
      ]),
    ).toEqual({
      kind: 'pay',
      json: true,
      body: {
        noticeNumber: '307000000000000913',
        fiscalCode: '99023040399',
        psp: 'PAYDITM1XXX',
        payer: { fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi' },
        faults: { duplicateReceipts: 1, slowStationMs: 500, concurrentActivations: 50 },
      },
    });
    expect(
      parseCliArgs(['pay', '--entity', '99023040399', '--fault', 'unknown-notice', '--amount', '12,5']),
    ).toMatchObject({
      body: { fiscalCode: '99023040399', amountCents: 1250, faults: { unknownNotice: true } },
    });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseCliArgs(['pay'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['pay', '307000000000000913', '--fault', 'meteor'])).toThrow(
      /guasto sconosciuto/,
    );
    expect(() => parseCliArgs(['pay', '307000000000000913', '--fault', 'late-receipt'])).toThrow(/intero/);
    expect(() => parseCliArgs(['pay', '307000000000000913', '--amount', '1.234'])).toThrow(/importo/);
    expect(() => parseCliArgs(['fly'])).toThrow(/comando sconosciuto/);
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['settle', '--date', '2026-01-07'])).toEqual({
      kind: 'settle',
      date: '2026-01-07',
      json: false,
    });
  });
});
