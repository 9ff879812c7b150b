import { mod93CheckDigit, parseNoticeNumber } from '@pagamenti/pagopa';
import { iuvOfNoticeNumber, NoticeNumberRange } from './notice-number-allocator';

describe('notice number blocks', () => {
  it('builds the SPEC.md §2 worked example (aux 3, segregation 12, base 0000000012345)', () => {
    const range = new NoticeNumberRange('12', 12_345n, 1);
    expect(range.noticeNumber(0)).toBe('312000000001234587');
    expect(iuvOfNoticeNumber(range.noticeNumber(0))).toBe('12000000001234587');
  });

  it('matches the real aux-3 notice of the PagoPA IO tests (segregation 00, base 7157000000000)', () => {
    expect(new NoticeNumberRange('00', 7_157_000_000_000n, 1).noticeNumber(0)).toBe('300715700000000032');
  });

  it('numbers a block consecutively, each with its mod-93 check digit', () => {
    const range = new NoticeNumberRange('07', 9_999_999_999_990n, 10);
    const numbers = range.noticeNumbers();
    expect(numbers).toHaveLength(10);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers[0]).toBe(`3079999999999990${mod93CheckDigit('3079999999999990')}`);
    expect(numbers[9]?.slice(0, 16)).toBe('3079999999999999');
    for (const number of numbers) {
      expect(parseNoticeNumber(number)).toMatchObject({
        auxDigit: 3,
        segregationCode: '07',
        checkDigitValid: true,
      });
    }
    expect(() => range.noticeNumber(10)).toThrow(RangeError);
    expect(() => range.noticeNumber(-1)).toThrow(RangeError);
  });
});
