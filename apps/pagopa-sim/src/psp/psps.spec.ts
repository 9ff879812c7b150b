import { isValidEntityFiscalCode } from '@pagamenti/pagopa';
import { describeFee, feeFor, findPsp, PSPS, type SimulatedPsp } from './psps';

describe('simulated PSPs', () => {
  it('have distinct ids, valid fiscal codes and channels of their broker', () => {
    expect(new Set(PSPS.map((p) => p.idPSP)).size).toBe(PSPS.length);
    for (const psp of PSPS) {
      expect(isValidEntityFiscalCode(psp.fiscalCode)).toBe(true);
      expect(psp.idChannel.startsWith(`${psp.idBrokerPSP}_`)).toBe(true);
      expect(psp.idPSP).toMatch(/^[A-Z0-9]{11}$/);
      expect(psp.channelDescription.length).toBeLessThanOrEqual(35);
    }
  });

  it('finds a PSP by id, case-insensitively, defaulting to the first', () => {
    expect(findPsp(undefined)).toBe(PSPS[0]);
    expect(findPsp(PSPS[1]?.idPSP.toLowerCase())).toBe(PSPS[1]);
    expect(findPsp('NOPE')).toBeUndefined();
  });

  it('computes fixed and percentage fees with floor and ceiling', () => {
    const fixed: SimulatedPsp = { ...PSPS[0]!, fee: { kind: 'fixed', cents: 150 } };
    const percent: SimulatedPsp = {
      ...PSPS[0]!,
      fee: { kind: 'percent', basisPoints: 100, minCents: 50, maxCents: 250 },
    };
    expect(feeFor(fixed, 1)).toBe(150);
    expect(feeFor(percent, 1000)).toBe(50); // 10 cents → floor 50
    expect(feeFor(percent, 12_345)).toBe(123); // 123.45 → 123
    expect(feeFor(percent, 12_350)).toBe(124); // 123.5 → rounds half up
    expect(feeFor(percent, 1_000_000)).toBe(250); // ceiling
    expect(describeFee(percent)).toBe('commissione 1,00% (min € 0,50, max € 2,50)');
  });
});
