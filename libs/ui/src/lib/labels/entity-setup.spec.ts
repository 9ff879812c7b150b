import { describe, expect, it } from 'vitest';
import { formatDueTypeAmount } from './entity-setup';

const free = {
  amountMode: 'FREE' as const,
  fixedAmountCents: null,
  minAmountCents: null,
  maxAmountCents: null,
};

describe('formatDueTypeAmount', () => {
  it('shows a fixed amount in euro', () => {
    expect(formatDueTypeAmount({ ...free, amountMode: 'FIXED', fixedAmountCents: 150000 })).toMatch(
      /^1\.500,00\s€$/,
    );
  });
  it('shows a free amount with its bounds when set, and a dash for a missing bound', () => {
    expect(formatDueTypeAmount(free)).toBe('Importo libero');
    expect(formatDueTypeAmount({ ...free, minAmountCents: 500 })).toMatch(/^Importo libero \(5,00\s€ – –\)$/);
  });
});
