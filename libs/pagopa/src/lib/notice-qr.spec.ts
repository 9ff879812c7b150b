import { parseNoticeQrPayload } from './notice-qr';
import { buildNoticeQrPayload } from './notice-payloads';
import { buildNoticeNumberAux3 } from './notice-number';

describe('parseNoticeQrPayload', () => {
  const noticeNumber = buildNoticeNumberAux3('07', '0000000001234');

  it('reads what buildNoticeQrPayload writes', () => {
    const text = buildNoticeQrPayload({
      noticeNumber,
      creditorFiscalCode: '99023040399',
      amountCents: 12050,
    });
    expect(parseNoticeQrPayload(text)).toEqual({
      noticeNumber,
      entityFiscalCode: '99023040399',
      amountCents: 12050,
    });
  });

  it('reads zero-padded amounts and ignores surrounding blanks', () => {
    expect(parseNoticeQrPayload(` PAGOPA|002|${noticeNumber}|99023040399|0000015000\n`)?.amountCents).toBe(
      15000,
    );
  });

  it('refuses other texts, a wrong check digit and a wrong entity fiscal code', () => {
    expect(parseNoticeQrPayload('https://example.org')).toBeNull();
    expect(parseNoticeQrPayload(`PAGOPA|001|${noticeNumber}|99023040399|100`)).toBeNull();
    const wrongCheck = `${noticeNumber.slice(0, 16)}${noticeNumber.endsWith('00') ? '01' : '00'}`;
    expect(parseNoticeQrPayload(`PAGOPA|002|${wrongCheck}|99023040399|100`)).toBeNull();
    expect(parseNoticeQrPayload(`PAGOPA|002|${noticeNumber}|99023040390|100`)).toBeNull();
    expect(parseNoticeQrPayload(`PAGOPA|002|${noticeNumber}|99023040399|0`)).toBeNull();
  });
});
