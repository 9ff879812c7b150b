/**
 * Typed pagoPA SOAP messages, mirroring the official XSD structure element by element (paForNode.xsd,
 * nodeForPa.xsd, sac-common-types-1.0.xsd, FlussoRiversamento_1_0_5.xsd). Lists keep their wrapper elements
 * (`transferList.transfer[]`, `metadata.mapEntry[]`). Conventions: every amount is an integer number of euro
 * cents (written as `\d+\.\d{2}` on the wire); dates are `YYYY-MM-DD` strings; date-times and base64 are strings.
 */

export type Outcome = 'OK' | 'KO';

export interface FaultBean {
  faultCode: string;
  faultString: string;
  /** The EC's fiscal code when the EC emits the fault; `NodoDeiPagamentiSPC` when the node does. */
  id: string;
  description?: string;
  serial?: number;
  originalFaultCode?: string;
  originalFaultString?: string;
  originalDescription?: string;
}

/** `ctResponse`: every paForNode answer. */
export interface PaResponse {
  outcome: Outcome;
  /** Mandatory when outcome is KO. */
  fault?: FaultBean;
}

export interface MapEntry {
  key: string;
  value: string;
}

/** `ctMetadata`: 1..15 entries. */
export interface Metadata {
  mapEntry: MapEntry[];
}

export interface QrCode {
  /** Entity fiscal code, 11 digits. */
  fiscalCode: string;
  /** 18 digits. */
  noticeNumber: string;
}

export interface PaRequestHeader {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
}

export interface EntityUniqueIdentifier {
  /** F natural person, G legal person. */
  entityUniqueIdentifierType: 'F' | 'G';
  entityUniqueIdentifierValue: string;
}

/** `ctSubject` (debtor, payer). */
export interface Subject {
  uniqueIdentifier: EntityUniqueIdentifier;
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  stateProvinceRegion?: string;
  /** Two capital letters. */
  country?: string;
  /** Element `e-mail` on the wire. */
  email?: string;
}

export interface PaymentOptionDescription {
  /** Cents, at least 1. */
  amount: number;
  options: 'EQ' | 'LS' | 'GT' | 'ANY';
  dueDate?: string;
  detailDescription?: string;
  allCCP: boolean;
}

export interface PaymentOptionsDescriptionList {
  paymentOptionDescription: PaymentOptionDescription;
}

// ---- paVerifyPaymentNotice ----

export interface PaVerifyPaymentNoticeReq extends PaRequestHeader {
  qrCode: QrCode;
}

export interface PaVerifyPaymentNoticeRes extends PaResponse {
  paymentList?: PaymentOptionsDescriptionList;
  paymentDescription?: string;
  fiscalCodePA?: string;
  companyName?: string;
  officeName?: string;
}

// ---- paGetPayment / paGetPaymentV2 ----

export type TransferType = 'POSTAL' | 'PAGOPA';

export interface PaGetPaymentReq extends PaRequestHeader {
  qrCode: QrCode;
  /** Cents: what the payer is about to pay. */
  amount?: number;
  paymentNote?: string;
  transferType?: TransferType;
  dueDate?: string;
}

export type PaGetPaymentV2Request = PaGetPaymentReq;

export interface TransferPA {
  /** 1..5. */
  idTransfer: number;
  /** Cents, at least 1. */
  transferAmount: number;
  fiscalCodePA: string;
  IBAN: string;
  remittanceInformation: string;
  /** Taxonomy code. */
  transferCategory: string;
  metadata?: Metadata;
}

export interface TransferListPA {
  transfer: TransferPA[];
}

/** `ctPaymentPA`: the activation answer of paGetPayment. */
export interface PaymentPA {
  creditorReferenceId: string;
  /** Cents, at least 1. */
  paymentAmount: number;
  dueDate: string;
  retentionDate?: string;
  lastPayment?: boolean;
  description: string;
  companyName?: string;
  officeName?: string;
  debtor: Subject;
  transferList: TransferListPA;
  metadata?: Metadata;
}

export interface PaGetPaymentRes extends PaResponse {
  data?: PaymentPA;
}

export interface RichiestaMarcaDaBollo {
  /** Base64 SHA-256 of the document, 4..72 characters. */
  hashDocumento: string;
  tipoBollo: '01';
  provinciaResidenza: string;
}

/** `ctTransferPAV2`: exactly one of IBAN and richiestaMarcaDaBollo. */
export interface TransferPAV2 {
  idTransfer: number;
  transferAmount: number;
  fiscalCodePA: string;
  companyName?: string;
  IBAN?: string;
  richiestaMarcaDaBollo?: RichiestaMarcaDaBollo;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: Metadata;
}

export interface PaymentPAV2 {
  creditorReferenceId: string;
  paymentAmount: number;
  dueDate: string;
  retentionDate?: string;
  lastPayment?: boolean;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: Subject;
  transferList: { transfer: TransferPAV2[] };
  metadata?: Metadata;
}

export interface PaGetPaymentV2Response extends PaResponse {
  data?: PaymentPAV2;
}

// ---- paSendRT / paSendRTV2 ----

/** `ctReceipt`. */
export interface Receipt {
  /** The payment token. */
  receiptId: string;
  noticeNumber: string;
  /** Primary entity. */
  fiscalCode: string;
  outcome: Outcome;
  creditorReferenceId: string;
  /** Cents (0 allowed by the schema). */
  paymentAmount: number;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: Subject;
  transferList: TransferListPA;
  idPSP: string;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  payer?: Subject;
  paymentMethod?: string;
  /** Cents. */
  fee?: number;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: Metadata;
  standIn?: boolean;
}

/** `ctTransferPAReceiptV2`: exactly one of IBAN and MBDAttachment (base64 of the signed marcaDaBollo XML). */
export interface TransferPAReceiptV2 {
  idTransfer: number;
  transferAmount: number;
  fiscalCodePA: string;
  companyName?: string;
  IBAN?: string;
  MBDAttachment?: string;
  remittanceInformation: string;
  transferCategory: string;
  metadata?: Metadata;
}

/** `ctReceiptV2`. */
export interface ReceiptV2 {
  receiptId: string;
  noticeNumber: string;
  fiscalCode: string;
  outcome: Outcome;
  creditorReferenceId: string;
  paymentAmount: number;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: Subject;
  transferList: { transfer: TransferPAReceiptV2[] };
  idPSP: string;
  pspFiscalCode?: string;
  pspPartitaIVA?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  payer?: Subject;
  paymentMethod?: string;
  paymentNote?: string;
  fee?: number;
  primaryCiIncurredFee?: number;
  idBundle?: string;
  idCiBundle?: string;
  paymentDateTime?: string;
  applicationDate?: string;
  transferDate?: string;
  metadata?: Metadata;
  standIn?: boolean;
}

export interface PaSendRTReq extends PaRequestHeader {
  receipt: Receipt;
}

export interface PaSendRTV2Request extends PaRequestHeader {
  receipt: ReceiptV2;
}

export type PaSendRTRes = PaResponse;
export type PaSendRTV2Response = PaResponse;

// ---- paDemandPaymentNotice ----

export interface PaDemandPaymentNoticeRequest extends PaRequestHeader {
  /** 5 characters, from the service catalogue. */
  idServizio: string;
  idSoggettoServizio: string;
  /** Base64 of the service-specific XML. */
  datiSpecificiServizioRequest: string;
}

export interface PaDemandPaymentNoticeResponse extends PaResponse {
  qrCode?: QrCode;
  paymentList?: PaymentOptionsDescriptionList;
  paymentDescription?: string;
  fiscalCodePA?: string;
  companyName?: string;
  officeName?: string;
}

// ---- nodeForPa (reporting) ----

export interface NodeForPaHeader {
  identificativoIntermediarioPA: string;
  identificativoStazioneIntermediarioPA: string;
  /** Station password, 8..15 characters. */
  password: string;
  identificativoDominio?: string;
  identificativoPSP?: string;
}

export type NodoChiediElencoFlussiRendicontazione = NodeForPaHeader;

export interface IdRendicontazione {
  identificativoFlusso: string;
  dataOraFlusso: string;
}

export interface NodoChiediElencoFlussiRendicontazioneRisposta {
  fault?: FaultBean;
  elencoFlussiRendicontazione?: {
    totRestituiti: number;
    idRendicontazione?: IdRendicontazione[];
  };
}

export interface NodoChiediFlussoRendicontazione extends NodeForPaHeader {
  identificativoFlusso: string;
}

export interface NodoChiediFlussoRendicontazioneRisposta {
  fault?: FaultBean;
  /** Base64 of the FlussoRiversamento XML. */
  xmlRendicontazione?: string;
}

// ---- FlussoRiversamento (reporting flow document) ----

export interface FlussoRiversamento {
  versioneOggetto: '1.0' | '1.1';
  identificativoFlusso: string;
  dataOraFlusso: string;
  identificativoUnivocoRegolamento: string;
  dataRegolamento: string;
  istitutoMittente: {
    identificativoUnivocoMittente: {
      /** G fiscal code, A ABI, B BIC. */
      tipoIdentificativoUnivoco: 'G' | 'A' | 'B';
      codiceIdentificativoUnivoco: string;
    };
    denominazioneMittente?: string;
  };
  codiceBicBancaDiRiversamento?: string;
  istitutoRicevente: {
    identificativoUnivocoRicevente: { tipoIdentificativoUnivoco: 'G'; codiceIdentificativoUnivoco: string };
    denominazioneRicevente?: string;
  };
  numeroTotalePagamenti: number;
  /** Cents. */
  importoTotalePagamenti: number;
  datiSingoliPagamenti: DatiSingoloPagamento[];
}

export interface DatiSingoloPagamento {
  /** IUV. */
  identificativoUnivocoVersamento: string;
  /** IUR = the receipt id (payment token). */
  identificativoUnivocoRiscossione: string;
  /** The transfer's idTransfer, 1..5. */
  indiceDatiSingoloPagamento?: number;
  /** Cents, at least 1: the amount of that transfer. */
  singoloImportoPagato: number;
  /** 0 executed, 3 revoked (1.0.4), 4 executed in Stand-In, 8 Stand-In without RPT, 9 executed without RPT. */
  codiceEsitoSingoloPagamento: '0' | '3' | '4' | '8' | '9';
  dataEsitoSingoloPagamento: string;
}
