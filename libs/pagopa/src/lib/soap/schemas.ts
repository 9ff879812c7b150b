import { anyString, complex, enumeration, pattern, text, type ComplexType, type SimpleType } from './schema';

/** Namespaces of the messages (SPEC.md §3). Children of the SOAP body roots are unqualified. */
export const PA_FOR_NODE_NS = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';
export const NODE_FOR_PA_NS = 'http://ws.pagamenti.telematici.gov/';
export const FLUSSO_RIVERSAMENTO_NS = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';

// sac-common-types-1.0.xsd and paForNode.xsd simple types.
const stText16 = text(1, 16);
const stText20 = text(1, 20);
const stText35 = text(1, 35);
const stText70 = text(1, 70);
const stText140 = text(1, 140);
const stText210 = text(1, 210);
const stFiscalCodePA = pattern(/^[0-9]{11}$/);
const stNoticeNumber = pattern(/^[0-9]{18}$/);
const stAmount: SimpleType = { kind: 'amount', notZero: false };
const stAmountNotZero: SimpleType = { kind: 'amount', notZero: true };
const stIBAN = text(1, 35);
const stIdTransfer: SimpleType = { kind: 'int', enumeration: [1, 2, 3, 4, 5] };
const stOutcome = enumeration(['OK', 'KO']);
const stNazioneProvincia = pattern(/^[A-Z]{2}$/);
const stEMail = pattern(/^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/, 256);
const stISODate: SimpleType = { kind: 'date' };
const stISODateTime: SimpleType = { kind: 'dateTime' };
const xsdBoolean: SimpleType = { kind: 'boolean' };
const xsdInt: SimpleType = { kind: 'int' };
const xsdBase64: SimpleType = { kind: 'base64' };
const stPassword = text(8, 15);

const ctFaultBean = complex('ctFaultBean', [
  { xml: 'faultCode', type: anyString },
  { xml: 'faultString', type: anyString },
  { xml: 'id', type: anyString },
  { xml: 'description', type: anyString, min: 0 },
  { xml: 'serial', type: xsdInt, min: 0 },
  { xml: 'originalFaultCode', type: anyString, min: 0 },
  { xml: 'originalFaultString', type: anyString, min: 0 },
  { xml: 'originalDescription', type: anyString, min: 0 },
]);

const responseBase = [
  { xml: 'outcome', type: stOutcome },
  { xml: 'fault', type: ctFaultBean, min: 0 },
] as const;

const ctMetadata = complex('ctMetadata', [
  {
    xml: 'mapEntry',
    type: complex('ctMapEntry', [
      { xml: 'key', type: stText140 },
      { xml: 'value', type: stText140 },
    ]),
    max: 15,
  },
]);

const header = [
  { xml: 'idPA', type: stText35 },
  { xml: 'idBrokerPA', type: stText35 },
  { xml: 'idStation', type: stText35 },
] as const;

const ctQrCode = complex('ctQrCode', [
  { xml: 'fiscalCode', type: stFiscalCodePA },
  { xml: 'noticeNumber', type: stNoticeNumber },
]);

const ctSubject = complex('ctSubject', [
  {
    xml: 'uniqueIdentifier',
    type: complex('ctEntityUniqueIdentifier', [
      { xml: 'entityUniqueIdentifierType', type: enumeration(['F', 'G']) },
      { xml: 'entityUniqueIdentifierValue', type: text(2, 16) },
    ]),
  },
  { xml: 'fullName', type: stText70 },
  { xml: 'streetName', type: stText70, min: 0 },
  { xml: 'civicNumber', type: stText16, min: 0 },
  { xml: 'postalCode', type: stText16, min: 0 },
  { xml: 'city', type: stText35, min: 0 },
  { xml: 'stateProvinceRegion', type: stText35, min: 0 },
  { xml: 'country', type: stNazioneProvincia, min: 0 },
  { xml: 'e-mail', key: 'email', type: stEMail, min: 0 },
]);

const ctPaymentOptionsDescriptionListPA = complex('ctPaymentOptionsDescriptionListPA', [
  {
    xml: 'paymentOptionDescription',
    type: complex('ctPaymentOptionDescriptionPA', [
      { xml: 'amount', type: stAmountNotZero },
      { xml: 'options', type: enumeration(['EQ', 'LS', 'GT', 'ANY']) },
      { xml: 'dueDate', type: stISODate, min: 0 },
      { xml: 'detailDescription', type: stText140, min: 0 },
      { xml: 'allCCP', type: xsdBoolean },
    ]),
  },
]);

const ctTransferListPA = complex('ctTransferListPA', [
  {
    xml: 'transfer',
    max: 5,
    type: complex('ctTransferPA', [
      { xml: 'idTransfer', type: stIdTransfer },
      { xml: 'transferAmount', type: stAmountNotZero },
      { xml: 'fiscalCodePA', type: stFiscalCodePA },
      { xml: 'IBAN', type: stIBAN },
      { xml: 'remittanceInformation', type: stText140 },
      { xml: 'transferCategory', type: stText140 },
      { xml: 'metadata', type: ctMetadata, min: 0 },
    ]),
  },
]);

const ctTransferListPAV2 = complex('ctTransferListPAV2', [
  {
    xml: 'transfer',
    max: 5,
    type: complex('ctTransferPAV2', [
      { xml: 'idTransfer', type: stIdTransfer },
      { xml: 'transferAmount', type: stAmountNotZero },
      { xml: 'fiscalCodePA', type: stFiscalCodePA },
      { xml: 'companyName', type: stText140, min: 0 },
      { xml: 'IBAN', type: stIBAN, choice: 'account' },
      {
        xml: 'richiestaMarcaDaBollo',
        choice: 'account',
        type: complex('ctRichiestaMarcaDaBollo', [
          { xml: 'hashDocumento', type: { kind: 'base64', pattern: /^.{4,72}$/ } },
          { xml: 'tipoBollo', type: enumeration(['01']) },
          { xml: 'provinciaResidenza', type: stNazioneProvincia },
        ]),
      },
      { xml: 'remittanceInformation', type: stText140 },
      { xml: 'transferCategory', type: stText140 },
      { xml: 'metadata', type: ctMetadata, min: 0 },
    ]),
  },
]);

const ctTransferListPAReceiptV2 = complex('ctTransferListPAReceiptV2', [
  {
    xml: 'transfer',
    max: 5,
    type: complex('ctTransferPAReceiptV2', [
      { xml: 'idTransfer', type: stIdTransfer },
      { xml: 'transferAmount', type: stAmountNotZero },
      { xml: 'fiscalCodePA', type: stFiscalCodePA },
      { xml: 'companyName', type: stText140, min: 0 },
      { xml: 'IBAN', type: stIBAN, choice: 'account' },
      { xml: 'MBDAttachment', type: xsdBase64, choice: 'account' },
      { xml: 'remittanceInformation', type: stText140 },
      { xml: 'transferCategory', type: stText140 },
      { xml: 'metadata', type: ctMetadata, min: 0 },
    ]),
  },
]);

const paymentHead = [
  { xml: 'creditorReferenceId', type: stText35 },
  { xml: 'paymentAmount', type: stAmountNotZero },
  { xml: 'dueDate', type: stISODate },
  { xml: 'retentionDate', type: stISODateTime, min: 0 },
  { xml: 'lastPayment', type: xsdBoolean, min: 0 },
  { xml: 'description', type: stText140 },
] as const;

const ctPaymentPA = complex('ctPaymentPA', [
  ...paymentHead,
  { xml: 'companyName', type: stText140, min: 0 },
  { xml: 'officeName', type: stText140, min: 0 },
  { xml: 'debtor', type: ctSubject },
  { xml: 'transferList', type: ctTransferListPA },
  { xml: 'metadata', type: ctMetadata, min: 0 },
]);

const ctPaymentPAV2 = complex('ctPaymentPAV2', [
  ...paymentHead,
  { xml: 'companyName', type: stText140 },
  { xml: 'officeName', type: stText140, min: 0 },
  { xml: 'debtor', type: ctSubject },
  { xml: 'transferList', type: ctTransferListPAV2 },
  { xml: 'metadata', type: ctMetadata, min: 0 },
]);

const receiptHead = [
  { xml: 'receiptId', type: anyString },
  { xml: 'noticeNumber', type: stNoticeNumber },
  { xml: 'fiscalCode', type: stFiscalCodePA },
  { xml: 'outcome', type: stOutcome },
  { xml: 'creditorReferenceId', type: stText35 },
  { xml: 'paymentAmount', type: stAmount },
  { xml: 'description', type: stText140 },
  { xml: 'companyName', type: stText140 },
  { xml: 'officeName', type: stText140, min: 0 },
  { xml: 'debtor', type: ctSubject },
] as const;

const receiptPsp = [
  { xml: 'idPSP', type: stText35 },
  { xml: 'pspFiscalCode', type: stText70, min: 0 },
  { xml: 'pspPartitaIVA', type: stText20, min: 0 },
  { xml: 'PSPCompanyName', type: stText70 },
  { xml: 'idChannel', type: stText35 },
  { xml: 'channelDescription', type: stText35 },
  { xml: 'payer', type: ctSubject, min: 0 },
  { xml: 'paymentMethod', type: stText35, min: 0 },
] as const;

const receiptTail = [
  { xml: 'paymentDateTime', type: stISODateTime, min: 0 },
  { xml: 'applicationDate', type: stISODate, min: 0 },
  { xml: 'transferDate', type: stISODate, min: 0 },
  { xml: 'metadata', type: ctMetadata, min: 0 },
  { xml: 'standIn', type: xsdBoolean, min: 0 },
] as const;

const ctReceipt = complex('ctReceipt', [
  ...receiptHead,
  { xml: 'transferList', type: ctTransferListPA },
  ...receiptPsp,
  { xml: 'fee', type: stAmount, min: 0 },
  ...receiptTail,
]);

const ctReceiptV2 = complex('ctReceiptV2', [
  ...receiptHead,
  { xml: 'transferList', type: ctTransferListPAReceiptV2 },
  ...receiptPsp,
  { xml: 'paymentNote', type: stText210, min: 0 },
  { xml: 'fee', type: stAmount, min: 0 },
  { xml: 'primaryCiIncurredFee', type: stAmount, min: 0 },
  { xml: 'idBundle', type: stText70, min: 0 },
  { xml: 'idCiBundle', type: stText70, min: 0 },
  ...receiptTail,
]);

const getPaymentRequest = [
  ...header,
  { xml: 'qrCode', type: ctQrCode },
  { xml: 'amount', type: stAmount, min: 0 },
  { xml: 'paymentNote', type: stText210, min: 0 },
  { xml: 'transferType', type: enumeration(['POSTAL', 'PAGOPA']), min: 0 },
  { xml: 'dueDate', type: stISODate, min: 0 },
] as const;

const verifyLikeResponseTail = [
  { xml: 'paymentList', type: ctPaymentOptionsDescriptionListPA, min: 0 },
  { xml: 'paymentDescription', type: stText140, min: 0 },
  { xml: 'fiscalCodePA', type: stFiscalCodePA, min: 0 },
  { xml: 'companyName', type: stText140, min: 0 },
  { xml: 'officeName', type: stText140, min: 0 },
] as const;

/** Body root element types of paForNode.xsd, by element name. */
export const PA_FOR_NODE_TYPES = {
  paVerifyPaymentNoticeReq: complex('paVerifyPaymentNoticeReq', [
    ...header,
    { xml: 'qrCode', type: ctQrCode },
  ]),
  paVerifyPaymentNoticeRes: complex('paVerifyPaymentNoticeRes', [...responseBase, ...verifyLikeResponseTail]),
  paGetPaymentReq: complex('paGetPaymentReq', getPaymentRequest),
  paGetPaymentRes: complex('paGetPaymentRes', [...responseBase, { xml: 'data', type: ctPaymentPA, min: 0 }]),
  paGetPaymentV2Request: complex('paGetPaymentV2Request', getPaymentRequest),
  paGetPaymentV2Response: complex('paGetPaymentV2Response', [
    ...responseBase,
    { xml: 'data', type: ctPaymentPAV2, min: 0 },
  ]),
  paSendRTReq: complex('paSendRTReq', [...header, { xml: 'receipt', type: ctReceipt }]),
  paSendRTRes: complex('paSendRTRes', [...responseBase]),
  paSendRTV2Request: complex('paSendRTV2Request', [...header, { xml: 'receipt', type: ctReceiptV2 }]),
  paSendRTV2Response: complex('paSendRTV2Response', [...responseBase]),
  paDemandPaymentNoticeRequest: complex('paDemandPaymentNoticeRequest', [
    ...header,
    { xml: 'idServizio', type: text(5, 5) },
    { xml: 'idSoggettoServizio', type: text(5, 5) },
    { xml: 'datiSpecificiServizioRequest', type: xsdBase64 },
  ]),
  paDemandPaymentNoticeResponse: complex('paDemandPaymentNoticeResponse', [
    ...responseBase,
    { xml: 'qrCode', type: ctQrCode, min: 0 },
    ...verifyLikeResponseTail,
  ]),
} satisfies Record<string, ComplexType>;

const nodeForPaHeader = [
  { xml: 'identificativoIntermediarioPA', type: stText35 },
  { xml: 'identificativoStazioneIntermediarioPA', type: stText35 },
  { xml: 'password', type: stPassword },
  { xml: 'identificativoDominio', type: stText35, min: 0 },
  { xml: 'identificativoPSP', type: stText35, min: 0 },
] as const;

/** Body root element types of nodeForPa.xsd, by element name. */
export const NODE_FOR_PA_TYPES = {
  nodoChiediElencoFlussiRendicontazione: complex('nodoChiediElencoFlussiRendicontazione', nodeForPaHeader),
  nodoChiediElencoFlussiRendicontazioneRisposta: complex('nodoChiediElencoFlussiRendicontazioneRisposta', [
    { xml: 'fault', type: ctFaultBean, min: 0 },
    {
      xml: 'elencoFlussiRendicontazione',
      min: 0,
      type: complex('tipoElencoFlussiRendicontazione', [
        { xml: 'totRestituiti', type: xsdInt },
        {
          xml: 'idRendicontazione',
          min: 0,
          max: Number.POSITIVE_INFINITY,
          type: complex('tipoIdRendicontazione', [
            { xml: 'identificativoFlusso', type: anyString },
            { xml: 'dataOraFlusso', type: stISODateTime },
          ]),
        },
      ]),
    },
  ]),
  nodoChiediFlussoRendicontazione: complex('nodoChiediFlussoRendicontazione', [
    ...nodeForPaHeader,
    { xml: 'identificativoFlusso', type: anyString },
  ]),
  nodoChiediFlussoRendicontazioneRisposta: complex('nodoChiediFlussoRendicontazioneRisposta', [
    { xml: 'fault', type: ctFaultBean, min: 0 },
    { xml: 'xmlRendicontazione', type: xsdBase64, min: 0 },
  ]),
} satisfies Record<string, ComplexType>;

const frText35 = text(1, 35);
const frIdentificativoUnivoco = (types: readonly string[]) =>
  complex('ctIdentificativoUnivoco', [
    { xml: 'tipoIdentificativoUnivoco', type: enumeration(types) },
    { xml: 'codiceIdentificativoUnivoco', type: frText35 },
  ]);

function flussoRiversamentoType(outcomeCodes: readonly string[]): ComplexType {
  return complex('ctFlussoRiversamento', [
    { xml: 'versioneOggetto', type: enumeration(['1.0', '1.1']) },
    { xml: 'identificativoFlusso', type: pattern(/^[a-zA-Z0-9\-_]{1,35}$/) },
    { xml: 'dataOraFlusso', type: stISODateTime },
    { xml: 'identificativoUnivocoRegolamento', type: frText35 },
    { xml: 'dataRegolamento', type: stISODate },
    {
      xml: 'istitutoMittente',
      type: complex('ctIstitutoMittente', [
        { xml: 'identificativoUnivocoMittente', type: frIdentificativoUnivoco(['G', 'A', 'B']) },
        { xml: 'denominazioneMittente', type: text(3, 70), min: 0 },
      ]),
    },
    { xml: 'codiceBicBancaDiRiversamento', type: frText35, min: 0 },
    {
      xml: 'istitutoRicevente',
      type: complex('ctIstitutoRicevente', [
        { xml: 'identificativoUnivocoRicevente', type: frIdentificativoUnivoco(['G']) },
        { xml: 'denominazioneRicevente', type: text(1, 140), min: 0 },
      ]),
    },
    { xml: 'numeroTotalePagamenti', type: { kind: 'int', min: 1 } },
    { xml: 'importoTotalePagamenti', type: stAmount },
    {
      xml: 'datiSingoliPagamenti',
      max: Number.POSITIVE_INFINITY,
      type: complex('ctDatiSingoliPagamenti', [
        { xml: 'identificativoUnivocoVersamento', type: frText35 },
        { xml: 'identificativoUnivocoRiscossione', type: frText35 },
        { xml: 'indiceDatiSingoloPagamento', type: { kind: 'int', enumeration: [1, 2, 3, 4, 5] }, min: 0 },
        { xml: 'singoloImportoPagato', type: stAmountNotZero },
        { xml: 'codiceEsitoSingoloPagamento', type: enumeration(outcomeCodes) },
        { xml: 'dataEsitoSingoloPagamento', type: stISODate },
      ]),
    },
  ]);
}

/** What we write: FlussoRiversamento 1.0.5 (outcomes 0, 4, 8, 9). */
export const FLUSSO_RIVERSAMENTO_WRITE_TYPE = flussoRiversamentoType(['0', '4', '8', '9']);
/** What we read: 1.0.4 or 1.0.5 (also the legacy 3, revoked). */
export const FLUSSO_RIVERSAMENTO_READ_TYPE = flussoRiversamentoType(['0', '3', '4', '8', '9']);
