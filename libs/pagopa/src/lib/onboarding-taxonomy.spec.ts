import { ONBOARDING_STAGES } from '@pagamenti/contracts';
import {
  allowedOnboardingTransitions,
  checkOnboardingTransition,
  ibanCheckDigits,
  isValidCbillCode,
  isValidItalianIban,
  isValidSegregationCode,
  isValidTaxonomyCode,
  italianIbanAbi,
  nextOnboardingStage,
  ONBOARDING_TRANSITIONS,
  parseTaxonomyCode,
} from '../index';

describe('onboarding lifecycle', () => {
  it('advances one step along the main path', () => {
    expect(nextOnboardingStage('ADHESION_REQUESTED')).toBe('AGREEMENT_SIGNED');
    expect(nextOnboardingStage('TESTING')).toBe('PRODUCTION');
    expect(nextOnboardingStage('PRODUCTION')).toBeNull();
    expect(nextOnboardingStage('SUSPENDED')).toBeNull();
    expect(nextOnboardingStage('WITHDRAWN')).toBeNull();
  });

  it('allows forward moves without a note, everything else only with one', () => {
    expect(checkOnboardingTransition('CONFIGURATION', 'TESTING')).toEqual({
      allowed: true,
      forward: true,
      noteRequired: false,
    });
    expect(checkOnboardingTransition('TESTING', 'CONFIGURATION')).toEqual({
      allowed: true,
      forward: false,
      noteRequired: true,
    });
    expect(checkOnboardingTransition('PRODUCTION', 'SUSPENDED')).toMatchObject({
      allowed: true,
      noteRequired: true,
    });
    expect(checkOnboardingTransition('SUSPENDED', 'PRODUCTION')).toMatchObject({
      allowed: true,
      noteRequired: true,
    });
  });

  it('refuses skips, self-loops and anything out of WITHDRAWN, listing the allowed targets', () => {
    expect(checkOnboardingTransition('ADHESION_REQUESTED', 'PRODUCTION')).toEqual({
      allowed: false,
      allowedTargets: ['AGREEMENT_SIGNED', 'WITHDRAWN'],
    });
    expect(checkOnboardingTransition('TESTING', 'TESTING')).toMatchObject({ allowed: false });
    expect(checkOnboardingTransition('CONFIGURATION', 'SUSPENDED')).toMatchObject({ allowed: false });
    for (const stage of ONBOARDING_STAGES) {
      expect(checkOnboardingTransition('WITHDRAWN', stage)).toEqual({ allowed: false, allowedTargets: [] });
    }
  });

  it('lets every stage but WITHDRAWN be withdrawn, and defines every stage', () => {
    expect(Object.keys(ONBOARDING_TRANSITIONS).sort()).toEqual([...ONBOARDING_STAGES].sort());
    for (const stage of ONBOARDING_STAGES.filter((s) => s !== 'WITHDRAWN')) {
      expect(allowedOnboardingTransitions(stage)).toContain('WITHDRAWN');
    }
  });
});

describe('taxonomy codes', () => {
  it.each(['9/0101101IM/', '9/0501100TS/', '9/0107101TS/', '6/0102106SA/', '9/0105115AP/', '9/0114102SP/'])(
    'accepts %s',
    (code) => expect(isValidTaxonomyCode(code)).toBe(true),
  );

  it.each([
    '0101101IM',
    '9/0101101IM',
    '5/0101101IM/',
    '9/010110IM/',
    '9/0101101XX/',
    '9/0101101im/',
    ' 9/0101101IM/',
  ])('rejects %s', (code) => expect(isValidTaxonomyCode(code)).toBe(false));

  it('splits a code into its parts', () => {
    expect(parseTaxonomyCode('9/0101101IM/')).toEqual({
      prefix: '9',
      entityType: '01',
      macroArea: '01',
      serviceType: '101',
      legalReason: 'IM',
    });
    expect(parseTaxonomyCode('nope')).toBeNull();
  });
});

describe('other entity codes', () => {
  it('checks segregation and CBILL codes', () => {
    expect(isValidSegregationCode('07')).toBe(true);
    expect(isValidSegregationCode('7')).toBe(false);
    expect(isValidSegregationCode('0a')).toBe(false);
    expect(isValidCbillCode('AB12C')).toBe(true);
    expect(isValidCbillCode('ab12c')).toBe(false);
    expect(isValidCbillCode('AB12')).toBe(false);
  });

  it('recognises a postal IBAN by its ABI', () => {
    const bban = 'X0760103200001012345678';
    const iban = `IT${ibanCheckDigits('IT', bban)}${bban}`;
    expect(isValidItalianIban(iban)).toBe(true);
    expect(italianIbanAbi(iban)).toBe('07601');
  });
});
