import {
  buildNoticeNumberAux3,
  centsToDecimal,
  decimalToCents,
  entityFiscalCodeCheckDigit,
  formatNoticeNumber,
  ibanCheckDigits,
  isValidEntityFiscalCode,
  isValidItalianIban,
  mod93CheckDigit,
  parseNoticeNumber,
} from '../index';

describe('entity fiscal codes', () => {
  it.each([
    ['0119925015', 8],
    ['9773502058', 4],
  ])('computes the check digit of %s', (digits, expected) => {
    expect(entityFiscalCodeCheckDigit(digits)).toBe(expected);
  });

  it('accepts valid codes and rejects wrong check digits and shapes', () => {
    expect(isValidEntityFiscalCode('01199250158')).toBe(true);
    expect(isValidEntityFiscalCode('97735020584')).toBe(true);
    expect(isValidEntityFiscalCode('01199250159')).toBe(false);
    expect(isValidEntityFiscalCode('0119925015')).toBe(false);
    expect(isValidEntityFiscalCode('0119925015A')).toBe(false);
  });
});

describe('IBAN', () => {
  it('accepts a valid Italian IBAN with spaces and lower case', () => {
    expect(isValidItalianIban('it60 x054 2811 1010 0000 0123 456')).toBe(true);
  });
  it('rejects a wrong checksum or a foreign shape', () => {
    expect(isValidItalianIban('IT61X0542811101000000123456')).toBe(false);
    expect(isValidItalianIban('DE89370400440532013000')).toBe(false);
  });
  it('computes check digits that validate', () => {
    const bban = 'X0542811101000000123456';
    expect(`IT${ibanCheckDigits('IT', bban)}${bban}`).toBe('IT60X0542811101000000123456');
  });
});

describe('notice numbers', () => {
  it('builds aux-3 numbers with the mod-93 check digit of SPEC.md §2', () => {
    expect(buildNoticeNumberAux3('12', '0000000012345')).toBe('312000000001234587');
    expect(mod93CheckDigit('0010000000012345')).toBe('16');
    expect(mod93CheckDigit('2000000000012345')).toBe('71');
  });

  it('parses the four layouts', () => {
    expect(parseNoticeNumber('312000000001234587')).toMatchObject({
      auxDigit: 3,
      segregationCode: '12',
      iuv: '12000000001234587',
      checkDigitValid: true,
    });
    expect(parseNoticeNumber('002160020399398578')).toMatchObject({
      auxDigit: 0,
      applicationCode: '02',
      iuv: '160020399398578',
      checkDigitValid: true,
    });
    expect(parseNoticeNumber('200000000001234571')).toMatchObject({ auxDigit: 2, checkDigitValid: true });
    expect(parseNoticeNumber('112345678901234567')).toMatchObject({ auxDigit: 1, checkDigit: null });
    expect(parseNoticeNumber('311111111112222222')?.checkDigitValid).toBe(false);
    expect(parseNoticeNumber('412000000001234587')).toBeNull();
    expect(parseNoticeNumber('3120')).toBeNull();
  });

  it('groups digits by four for printing', () => {
    expect(formatNoticeNumber('312000000001234587')).toBe('3120 0000 0001 2345 87');
  });
});

describe('money', () => {
  it('converts cents to SOAP decimals and back', () => {
    expect(centsToDecimal(12050)).toBe('120.50');
    expect(centsToDecimal(1)).toBe('0.01');
    expect(decimalToCents('120.50')).toBe(12050);
    expect(decimalToCents('0.01')).toBe(1);
  });
  it('refuses what is not a two-decimal amount', () => {
    expect(decimalToCents('120.5')).toBeNull();
    expect(decimalToCents('1,00')).toBeNull();
    expect(() => centsToDecimal(-1)).toThrow(RangeError);
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });
});
