/**
 * Fixed strings of the notice (Avviso 3.x labels, notice-layout.md §1 and §6) in Italian, German and English.
 * `{n}`, `{date}` and `{site}` are placeholders.
 */
export const NOTICE_LABELS = {
  title: { it: 'AVVISO DI PAGAMENTO', de: 'ZAHLUNGSMITTEILUNG', en: 'PAYMENT NOTICE' },
  creditor: { it: 'ENTE CREDITORE', de: 'KÖRPERSCHAFT', en: 'PAYEE' },
  debtor: { it: 'DESTINATARIO', de: 'EMPFÄNGER', en: 'RECIPIENT' },
  howMuchWhen: {
    it: 'QUANTO E QUANDO PAGARE?',
    de: 'WIEVIEL UND WANN BEZAHLEN?',
    en: 'HOW MUCH AND WHEN TO PAY?',
  },
  howMuch: { it: 'QUANTO PAGARE?', de: 'WIEVIEL BEZAHLEN?', en: 'HOW MUCH TO PAY?' },
  where: { it: 'DOVE PAGARE?', de: 'WO BEZAHLEN?', en: 'WHERE TO PAY?' },
  goTo: { it: 'vai su', de: 'gehe zu', en: 'go to' },
  paymentData: { it: 'DATI PER IL PAGAMENTO', de: 'ZAHLUNGSINFORMATIONEN', en: 'PAYMENT DETAILS' },
  amount: { it: 'Importo', de: 'Betrag', en: 'Amount' },
  dueBy: { it: 'entro il', de: 'bis zum', en: 'by' },
  dueByCap: { it: 'Entro il', de: 'Bis zum', en: 'By' },
  single: { it: 'Rata unica', de: 'Einmalzahlung', en: 'Single payment' },
  singleDue: {
    it: 'Rata unica entro il {date}',
    de: 'Einmalzahlung bis zum {date}',
    en: 'Single payment by {date}',
  },
  installment: { it: 'Rata {n}', de: 'Rate {n}', en: 'Instalment {n}' },
  installmentDue: {
    it: 'Rata {n} entro il {date}',
    de: 'Rate {n} bis zum {date}',
    en: 'Instalment {n} by {date}',
  },
  payInFullOrInstallments: {
    it: 'Puoi pagare per intero oppure in {n} rate.',
    de: 'Sie können den Gesamtbetrag oder in {n} Raten bezahlen.',
    en: 'You can pay in full or in {n} instalments.',
  },
  payInInstallments: {
    it: 'Puoi pagare in {n} rate.',
    de: 'Sie können in {n} Raten bezahlen.',
    en: 'You can pay in {n} instalments.',
  },
  legal: {
    it: "L'importo è aggiornato automaticamente dal sistema e potrebbe subire variazioni per eventuali sgravi, note di credito, indennità di mora, sanzioni o interessi. Un operatore, il sito o l'app che userai potrebbero quindi chiederti una cifra diversa da quella qui indicata.",
    de: 'Der Betrag wird vom System automatisch aktualisiert und kann sich durch Nachlässe, Gutschriften, Verzugszinsen, Strafen oder Zinsen ändern. Der Schalter, die Website oder die App können daher einen anderen als den hier angegebenen Betrag verlangen.',
    en: 'The amount is updated automatically and may change because of reliefs, credit notes, late-payment charges, penalties or interest. The operator, website or app you use may therefore ask you for an amount different from the one shown here.',
  },
  online: { it: "PAGA CON L'APP IO", de: 'MIT DER APP IO BEZAHLEN', en: 'PAY WITH THE IO APP' },
  onlineText: {
    it: "Puoi pagare con l'app IO o sul sito e le app della tua banca o degli altri canali di pagamento. Potrai pagare con carte, conto corrente, CBILL.",
    de: 'Sie können mit der App IO oder auf der Website und in den Apps Ihrer Bank oder anderer Zahlungskanäle bezahlen, mit Karte, Girokonto oder CBILL.',
    en: "You can pay with the IO app or on your bank's or other payment providers' websites and apps, by card, bank account or CBILL.",
  },
  onlineTextSite: {
    it: "Puoi pagare con l'app IO, su {site} o sul sito e le app della tua banca o degli altri canali di pagamento. Potrai pagare con carte, conto corrente, CBILL.",
    de: 'Sie können mit der App IO, auf {site} oder auf der Website und in den Apps Ihrer Bank oder anderer Zahlungskanäle bezahlen, mit Karte, Girokonto oder CBILL.',
    en: "You can pay with the IO app, on {site} or on your bank's or other payment providers' websites and apps, by card, bank account or CBILL.",
  },
  territory: { it: 'PAGA SUL TERRITORIO', de: 'VOR ORT BEZAHLEN', en: 'PAY IN PERSON' },
  territoryText: {
    it: 'in Banca, in Ricevitoria, dal Tabaccaio, al Bancomat, al Supermercato. Potrai pagare in contanti, con carte o conto corrente.',
    de: 'in der Bank, in der Annahmestelle, im Tabakladen, am Geldautomaten, im Supermarkt. Bar, mit Karte oder Girokonto.',
    en: 'at banks, lottery outlets, tobacconists, ATMs and supermarkets, in cash, by card or bank account.',
  },
  qrCaption: {
    it: 'Inquadra il **codice QR** con la tua app di pagamento o usa i dati accanto.',
    de: 'Scannen Sie den **QR-Code** mit Ihrer Zahlungs-App oder verwenden Sie die Daten daneben.',
    en: 'Scan the **QR code** with your payment app or use the details alongside.',
  },
  qrCaptionInstallment: {
    it: 'Inquadra il **codice QR** con la tua app o usa i dati sopra.',
    de: 'Scannen Sie den **QR-Code** mit Ihrer App oder verwenden Sie die Daten oben.',
    en: 'Scan the **QR code** with your app or use the details above.',
  },
  recipient: { it: 'Destinatario', de: 'Empfänger', en: 'Recipient' },
  payee: { it: 'Ente creditore', de: 'Körperschaft', en: 'Payee' },
  subject: { it: 'Oggetto del pagamento', de: 'Zahlungsgrund', en: 'Payment subject' },
  cbill: { it: 'Cod. CBILL', de: 'CBILL-Kodex', en: 'CBILL code' },
  noticeCode: { it: 'Cod. Avviso', de: 'Mitteilungskodex', en: 'Notice code' },
  payeeTaxCode: { it: 'Cod. Fiscale Ente', de: 'Steuernr. Körperschaft', en: 'Payee tax code' },
  payeeTaxCodeLong: { it: 'Cod. Fiscale Ente Creditore', de: 'Steuernr. Körperschaft', en: 'Payee tax code' },
  postal: { it: 'BOLLETTINO POSTALE PA', de: 'POSTERLAGSCHEIN PA', en: 'PA POSTAL SLIP' },
  postalAccount: { it: 'sul C/C n.', de: 'auf K/K Nr.', en: 'to account no.' },
  accountHolder: { it: 'Intestato a', de: 'Zugunsten von', en: 'Account holder' },
  postalSubject: { it: 'Oggetto pagamento', de: 'Zahlungsgrund', en: 'Payment subject' },
  type: { it: 'Tipo', de: 'Typ', en: 'Type' },
  postalNote: {
    it: "Bollettino Postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati di Poste Italiane e dell'Ente Creditore.",
    de: 'Zahlbar in allen Postämtern und über die physischen und digitalen Kanäle von Poste Italiane und der Körperschaft.',
    en: 'Payable at any post office and through the enabled physical or digital channels of Poste Italiane and of the payee.',
  },
} as const;

export type NoticeLabelKey = keyof typeof NOTICE_LABELS;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
