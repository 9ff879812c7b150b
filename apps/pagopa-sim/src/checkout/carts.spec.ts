import { CartStore, validateCart } from './carts';

const notice = {
  noticeNumber: '307000000000012345',
  fiscalCode: '99000000010',
  amount: 1000,
  companyName: 'Regione Abruzzo',
  description: 'Tassa per il diritto allo studio',
};
const returnUrls = {
  returnOkUrl: 'http://localhost:3000/pagamenti/esito?ok',
  returnCancelUrl: 'http://localhost:3000/pagamenti/esito?annullato',
  returnErrorUrl: 'http://localhost:3000/pagamenti/esito?errore',
};

describe('Checkout carts', () => {
  it('accepts the OpenAPI example shape', () => {
    const { cart, problems } = validateCart({
      paymentNotices: [notice, { ...notice, noticeNumber: '307000000000012346' }],
      returnUrls,
      idCart: 'id_cart',
      allCCP: false,
      emailNotice: 'my_email@mail.it',
    });
    expect(problems).toEqual([]);
    expect(cart).toMatchObject({ idCart: 'id_cart', allCCP: false, emailNotice: 'my_email@mail.it' });
    expect(cart?.paymentNotices).toHaveLength(2);
  });

  it('lists every problem of an invalid cart', () => {
    const { cart, problems } = validateCart({
      paymentNotices: [
        {
          ...notice,
          noticeNumber: '123',
          amount: 0,
          fiscalCode: 'x',
          companyName: 'a'.repeat(141),
          description: '',
        },
      ],
      returnUrls: { returnOkUrl: 'www.comune.it/ok', returnCancelUrl: returnUrls.returnCancelUrl },
      emailNotice: 'not-an-email',
    });
    expect(cart).toBeNull();
    expect(problems).toEqual([
      'paymentNotices[0].noticeNumber: 18 cifre',
      'paymentNotices[0].fiscalCode: 11 cifre',
      'paymentNotices[0].amount: intero in centesimi, almeno 1',
      'paymentNotices[0].companyName: da 1 a 140 caratteri',
      'paymentNotices[0].description: da 1 a 140 caratteri',
      'returnUrls.returnOkUrl: URL assoluto http(s)',
      'returnUrls.returnErrorUrl: URL assoluto http(s)',
      'emailNotice: indirizzo e-mail',
    ]);
    expect(validateCart({ paymentNotices: Array(6).fill(notice), returnUrls }).problems).toEqual([
      'paymentNotices: da 1 a 5 avvisi',
    ]);
    expect(validateCart('x').problems).toEqual(['il corpo deve essere un oggetto JSON']);
  });

  it('forgets carts after their time to live', () => {
    const store = new CartStore(1000);
    const cart = store.create(validateCart({ paymentNotices: [notice], returnUrls }).cart!, 0);
    expect(store.get(cart.id, 999)?.status).toBe('open');
    expect(store.get(cart.id, 1001)).toBeUndefined();
  });
});
