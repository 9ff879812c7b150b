import {
  buildFlussoRiversamento,
  buildNodeForPaRequest,
  buildNodeForPaResponse,
  buildPaForNodeRequest,
  buildPaForNodeResponse,
  paaFault,
  paForNodeWsdl,
  paForNodeXsd,
  PA_FOR_NODE_NS,
  parseFlussoRiversamento,
  parseNodeForPaRequest,
  parseNodeForPaResponse,
  parsePaForNodeRequest,
  parsePaForNodeResponse,
  SchemaWriteError,
  sniffPaForNodeOperation,
  type FlussoRiversamento,
  type PaGetPaymentRes,
  type PaGetPaymentV2Response,
  type PaSendRTReq,
  type PaSendRTV2Request,
  type Subject,
} from './index';
import {
  officialSchemasMissingReason,
  soapBodyDocument,
  validateMessageWithOfficialXsd,
  validateMessagesWithOfficialXsd,
  validateWithOfficialXsd,
  validateWithXsdText,
} from '../../testing';

const header = { idPA: '01199250158', idBrokerPA: '99000000010', idStation: '99000000010_01' };
const qrCode = { fiscalCode: '01199250158', noticeNumber: '312000000001234587' };
const debtor: Subject = {
  uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RSSMRA80A01H501U' },
  fullName: 'Mario Rossi',
  streetName: 'Via Roma',
  civicNumber: '1',
  postalCode: '65100',
  city: 'Pescara',
  stateProvinceRegion: 'PE',
  country: 'IT',
  email: 'mario.rossi@example.it',
};
const metadata = { mapEntry: [{ key: 'RC_AC_1', value: '2026' }] };

const getPaymentRes: PaGetPaymentRes = {
  outcome: 'OK',
  data: {
    creditorReferenceId: '12000000001234587',
    paymentAmount: 12050,
    dueDate: '2026-12-31',
    description: 'TARI 2026 - rata unica',
    companyName: 'Comune di Pescara',
    officeName: 'Ufficio tributi',
    debtor,
    transferList: {
      transfer: [
        {
          idTransfer: 1,
          transferAmount: 10000,
          fiscalCodePA: '01199250158',
          IBAN: 'IT60X0542811101000000123456',
          remittanceInformation: 'TARI 2026',
          transferCategory: '9/0101101IM/',
          metadata,
        },
        {
          idTransfer: 2,
          transferAmount: 2050,
          fiscalCodePA: '97735020584',
          IBAN: 'IT60X0542811101000000654321',
          remittanceInformation: 'TEFA 2026',
          transferCategory: '9/0201102IM/',
        },
      ],
    },
    metadata,
  },
};

const getPaymentV2Res: PaGetPaymentV2Response = {
  outcome: 'OK',
  data: {
    ...getPaymentRes.data!,
    companyName: 'Comune di Pescara',
    transferList: {
      transfer: [
        {
          ...getPaymentRes.data!.transferList.transfer[0]!,
          companyName: 'Comune di Pescara',
          transferAmount: 11650,
        },
        {
          idTransfer: 2,
          transferAmount: 400,
          fiscalCodePA: '01199250158',
          richiestaMarcaDaBollo: {
            hashDocumento: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=',
            tipoBollo: '01',
            provinciaResidenza: 'PE',
          },
          remittanceInformation: 'Marca da bollo',
          transferCategory: '9/0101100IM/',
        },
      ],
    },
  },
};

const receiptBase = {
  receiptId: 'c110729d258c4ab1b765fe902aae41d6',
  noticeNumber: qrCode.noticeNumber,
  fiscalCode: qrCode.fiscalCode,
  outcome: 'OK' as const,
  creditorReferenceId: '12000000001234587',
  paymentAmount: 12050,
  description: 'TARI 2026 - rata unica',
  companyName: 'Comune di Pescara',
  debtor,
  idPSP: 'BCITITMM',
  pspFiscalCode: '00799960158',
  PSPCompanyName: 'Banca di prova',
  idChannel: 'BCITITMM_01',
  channelDescription: 'app',
  payer: debtor,
  paymentMethod: 'creditCard',
  fee: 150,
  paymentDateTime: '2026-03-01T10:15:30',
  applicationDate: '2026-03-01',
  transferDate: '2026-03-02',
  metadata,
  standIn: false,
};

const sendRT: PaSendRTReq = {
  ...header,
  receipt: { ...receiptBase, transferList: getPaymentRes.data!.transferList },
};

const sendRTV2: PaSendRTV2Request = {
  ...header,
  receipt: {
    ...receiptBase,
    paymentNote: 'idCart-123',
    primaryCiIncurredFee: 50,
    idBundle: 'bundle-1',
    idCiBundle: 'ci-bundle-1',
    transferList: {
      transfer: [
        { ...getPaymentRes.data!.transferList.transfer[0]!, transferAmount: 11650 },
        {
          idTransfer: 2,
          transferAmount: 400,
          fiscalCodePA: '01199250158',
          MBDAttachment: 'PG1hcmNhRGFCb2xsbz48L21hcmNhRGFCb2xsbz4=',
          remittanceInformation: 'Marca da bollo',
          transferCategory: '9/0101100IM/',
        },
      ],
    },
  },
};

const flow: FlussoRiversamento = {
  versioneOggetto: '1.0',
  identificativoFlusso: '2026-03-02BCITITMM-S000000001',
  dataOraFlusso: '2026-03-02T12:00:00',
  identificativoUnivocoRegolamento: 'TRN-0001',
  dataRegolamento: '2026-03-02',
  istitutoMittente: {
    identificativoUnivocoMittente: {
      tipoIdentificativoUnivoco: 'B',
      codiceIdentificativoUnivoco: 'BCITITMM',
    },
    denominazioneMittente: 'Banca di prova',
  },
  istitutoRicevente: {
    identificativoUnivocoRicevente: {
      tipoIdentificativoUnivoco: 'G',
      codiceIdentificativoUnivoco: '01199250158',
    },
    denominazioneRicevente: 'Comune di Pescara',
  },
  numeroTotalePagamenti: 1,
  importoTotalePagamenti: 10000,
  datiSingoliPagamenti: [
    {
      identificativoUnivocoVersamento: '12000000001234587',
      identificativoUnivocoRiscossione: 'c110729d258c4ab1b765fe902aae41d6',
      indiceDatiSingoloPagamento: 1,
      singoloImportoPagato: 10000,
      codiceEsitoSingoloPagamento: '0',
      dataEsitoSingoloPagamento: '2026-03-01',
    },
  ],
};

/** Every message we can build, as XML. */
function allMessages(): Record<string, string> {
  return {
    verifyReq: buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode }),
    verifyRes: buildPaForNodeResponse('paVerifyPaymentNotice', {
      outcome: 'OK',
      paymentList: {
        paymentOptionDescription: {
          amount: 12050,
          options: 'EQ',
          dueDate: '2026-12-31',
          detailDescription: 'TARI',
          allCCP: false,
        },
      },
      paymentDescription: 'TARI 2026',
      fiscalCodePA: qrCode.fiscalCode,
      companyName: 'Comune di Pescara',
      officeName: 'Ufficio tributi',
    }),
    verifyKo: buildPaForNodeResponse('paVerifyPaymentNotice', {
      outcome: 'KO',
      fault: paaFault('PAA_PAGAMENTO_SCONOSCIUTO', qrCode.fiscalCode, 'avviso non trovato'),
    }),
    getPaymentReq: buildPaForNodeRequest('paGetPayment', {
      ...header,
      qrCode,
      amount: 12050,
      paymentNote: 'carrello 1',
      transferType: 'POSTAL',
      dueDate: '2026-12-31',
    }),
    getPaymentRes: buildPaForNodeResponse('paGetPayment', getPaymentRes),
    getPaymentV2Req: buildPaForNodeRequest('paGetPaymentV2', { ...header, qrCode, amount: 12050 }),
    getPaymentV2Res: buildPaForNodeResponse('paGetPaymentV2', getPaymentV2Res),
    sendRTReq: buildPaForNodeRequest('paSendRT', sendRT),
    sendRTRes: buildPaForNodeResponse('paSendRT', { outcome: 'OK' }),
    sendRTV2Req: buildPaForNodeRequest('paSendRTV2', sendRTV2),
    sendRTV2Res: buildPaForNodeResponse('paSendRTV2', {
      outcome: 'KO',
      fault: paaFault('PAA_RECEIPT_DUPLICATA', qrCode.fiscalCode),
    }),
    demandReq: buildPaForNodeRequest('paDemandPaymentNotice', {
      ...header,
      idServizio: '00001',
      idSoggettoServizio: '00001',
      datiSpecificiServizioRequest: Buffer.from('<service><plate>AB123CD</plate></service>').toString(
        'base64',
      ),
    }),
    demandRes: buildPaForNodeResponse('paDemandPaymentNotice', {
      outcome: 'OK',
      qrCode,
      paymentList: { paymentOptionDescription: { amount: 500, options: 'EQ', allCCP: false } },
      paymentDescription: 'Permesso di sosta',
      fiscalCodePA: qrCode.fiscalCode,
      companyName: 'Comune di Pescara',
    }),
    listReq: buildNodeForPaRequest('nodoChiediElencoFlussiRendicontazione', {
      identificativoIntermediarioPA: header.idBrokerPA,
      identificativoStazioneIntermediarioPA: header.idStation,
      password: 'password01',
      identificativoDominio: qrCode.fiscalCode,
    }),
    listRes: buildNodeForPaResponse('nodoChiediElencoFlussiRendicontazione', {
      elencoFlussiRendicontazione: {
        totRestituiti: 1,
        idRendicontazione: [
          { identificativoFlusso: flow.identificativoFlusso, dataOraFlusso: flow.dataOraFlusso },
        ],
      },
    }),
    flowReq: buildNodeForPaRequest('nodoChiediFlussoRendicontazione', {
      identificativoIntermediarioPA: header.idBrokerPA,
      identificativoStazioneIntermediarioPA: header.idStation,
      password: 'password01',
      identificativoDominio: qrCode.fiscalCode,
      identificativoPSP: 'BCITITMM',
      identificativoFlusso: flow.identificativoFlusso,
    }),
    flowRes: buildNodeForPaResponse('nodoChiediFlussoRendicontazione', {
      xmlRendicontazione: Buffer.from(buildFlussoRiversamento(flow)).toString('base64'),
    }),
    flowKo: buildNodeForPaResponse('nodoChiediFlussoRendicontazione', {
      fault: {
        faultCode: 'PPT_ID_FLUSSO_SCONOSCIUTO',
        faultString: 'sconosciuto',
        id: 'NodoDeiPagamentiSPC',
      },
    }),
    flussoRiversamento: buildFlussoRiversamento(flow),
  };
}

const skipReason = officialSchemasMissingReason();
const describeConformance = skipReason ? describe.skip : describe;
if (skipReason) process.stderr.write(`${skipReason}\n`);

describeConformance('official XSD conformance', () => {
  it('validates every message we build against the official schemas', async () => {
    const entries = Object.entries(allMessages());
    const results = await validateMessagesWithOfficialXsd(entries.map(([, xml]) => xml));
    entries.forEach(([name], index) =>
      expect({ name, errors: results[index]!.errors }).toEqual({ name, errors: [] }),
    );
  }, 60000);

  it('the XSD validator does refuse invalid messages (the check is not vacuous)', async () => {
    const xml = buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode }).replace(
      '312000000001234587',
      '31200000000123458',
    );
    expect((await validateMessageWithOfficialXsd(xml)).valid).toBe(false);
    const [fdr104] = await validateWithOfficialXsd(
      [buildFlussoRiversamento(flow)],
      'FlussoRiversamento_1_0_4',
    );
    expect(fdr104!.valid).toBe(true);
  }, 30000);
});

describe('paForNode round trips', () => {
  it('parses back what it builds, with amounts in cents', () => {
    const messages = allMessages();
    const request = parsePaForNodeRequest(messages['sendRTV2Req']!);
    expect(request).toEqual({ ok: true, value: { operation: 'paSendRTV2', message: sendRTV2 } });
    expect(parsePaForNodeResponse('paGetPayment', messages['getPaymentRes']!)).toEqual({
      ok: true,
      value: getPaymentRes,
    });
    expect(parsePaForNodeResponse('paGetPaymentV2', messages['getPaymentV2Res']!)).toEqual({
      ok: true,
      value: getPaymentV2Res,
    });
    expect(parsePaForNodeRequest(messages['sendRTReq']!)).toEqual({
      ok: true,
      value: { operation: 'paSendRT', message: sendRT },
    });
  });

  it('writes amounts with two decimals, element order per XSD, qualified root and unqualified children', () => {
    const xml = allMessages()['getPaymentRes']!;
    expect(xml).toContain(
      '<pafn:paGetPaymentRes xmlns:pafn="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd">',
    );
    expect(xml).toContain('<paymentAmount>120.50</paymentAmount>');
    expect(xml).toContain('<transferAmount>100.00</transferAmount>');
    expect(xml.indexOf('<outcome>')).toBeLessThan(xml.indexOf('<data>'));
    expect(xml).toContain('<e-mail>mario.rossi@example.it</e-mail>');
  });

  it('dispatches on the body root element and reads whitespace-padded values (platform samples)', () => {
    const xml = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
        xmlns:nod="http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd"><soapenv:Header/><soapenv:Body>
        <nod:paVerifyPaymentNoticeReq><idPA>01199250158</idPA><idBrokerPA>99000000010</idBrokerPA>
        <idStation>
          99000000010_01
        </idStation><qrCode><fiscalCode>01199250158</fiscalCode><noticeNumber>
          312000000001234587
        </noticeNumber></qrCode></nod:paVerifyPaymentNoticeReq></soapenv:Body></soapenv:Envelope>`;
    expect(parsePaForNodeRequest(xml)).toEqual({
      ok: true,
      value: { operation: 'paVerifyPaymentNotice', message: { ...header, qrCode } },
    });
  });

  it('reports schema violations with the path, and keeps the operation for an in-band answer', () => {
    const xml = buildPaForNodeRequest('paGetPayment', { ...header, qrCode, amount: 100 })
      .replace('<amount>1.00</amount>', '<amount>1,00</amount>')
      .replace('<idStation>99000000010_01</idStation>', '');
    const result = parsePaForNodeRequest(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.operation).toBe('paGetPayment');
    expect(result.error.kind).toBe('schema');
    expect(result.error.violations).toEqual(
      expect.arrayContaining([
        { path: 'paGetPaymentReq/idStation', message: 'elemento obbligatorio mancante' },
        expect.objectContaining({ path: 'paGetPaymentReq/amount' }),
      ]),
    );
  });

  it('refuses qualified children, unknown elements, the wrong namespace and both IBAN and stamp', () => {
    const qualified = buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode }).replace(
      '<idPA>01199250158</idPA>',
      '<pafn:idPA>01199250158</pafn:idPA>',
    );
    expect(parsePaForNodeRequest(qualified)).toMatchObject({ ok: false, error: { kind: 'schema' } });
    const extra = buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode }).replace(
      '</qrCode>',
      '</qrCode><extra>1</extra>',
    );
    expect(parsePaForNodeRequest(extra)).toMatchObject({ ok: false, error: { kind: 'schema' } });
    const wrongNamespace = buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode }).replace(
      'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd',
      'http://pagopa-api.pagopa.gov.it/node/nodeForPsp.xsd',
    );
    expect(parsePaForNodeRequest(wrongNamespace)).toMatchObject({
      ok: false,
      operation: 'paVerifyPaymentNotice',
      error: { kind: 'unknown-operation' },
    });
    const transfer = getPaymentV2Res.data!.transferList.transfer[1]!;
    expect(() =>
      buildPaForNodeResponse('paGetPaymentV2', {
        outcome: 'OK',
        data: {
          ...getPaymentV2Res.data!,
          transferList: { transfer: [{ ...transfer, IBAN: 'IT60X0542811101000000123456' }] },
        },
      }),
    ).toThrow(SchemaWriteError);
  });

  it('refuses DTDs, entities, malformed XML, non-SOAP documents and oversized bodies as malformed', () => {
    const request = buildPaForNodeRequest('paVerifyPaymentNotice', { ...header, qrCode });
    const xxe = request.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    expect(parsePaForNodeRequest(xxe)).toMatchObject({
      ok: false,
      operation: 'paVerifyPaymentNotice',
      error: { kind: 'malformed' },
    });
    expect(parsePaForNodeRequest(request.slice(0, -20))).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
    expect(parsePaForNodeRequest('<a/>')).toMatchObject({
      ok: false,
      operation: null,
      error: { kind: 'malformed' },
    });
    expect(parsePaForNodeRequest(request, { maxBytes: 100 })).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
    expect(parsePaForNodeRequest(Buffer.from([0x3c, 0xff, 0xfe]))).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
  });

  it('guesses the operation of unparsable requests', () => {
    expect(sniffPaForNodeOperation('<x:paSendRTV2Request xmlns:x="...">')).toBe('paSendRTV2');
    expect(sniffPaForNodeOperation('<paGetPaymentReq>')).toBe('paGetPayment');
    expect(sniffPaForNodeOperation('<paGetPaymentReqX>')).toBeNull();
  });
});

describe('nodeForPa and FlussoRiversamento', () => {
  it('parses requests and responses, skipping the undocumented esito', () => {
    const messages = allMessages();
    expect(parseNodeForPaRequest(messages['flowReq']!)).toMatchObject({
      ok: true,
      value: {
        operation: 'nodoChiediFlussoRendicontazione',
        message: { identificativoFlusso: flow.identificativoFlusso },
      },
    });
    const withEsito = messages['listRes']!.replace(
      '<elencoFlussiRendicontazione>',
      '<esito>OK</esito><elencoFlussiRendicontazione>',
    );
    expect(parseNodeForPaResponse('nodoChiediElencoFlussiRendicontazione', withEsito)).toEqual({
      ok: true,
      value: {
        elencoFlussiRendicontazione: {
          totRestituiti: 1,
          idRendicontazione: [
            { identificativoFlusso: flow.identificativoFlusso, dataOraFlusso: flow.dataOraFlusso },
          ],
        },
      },
    });
    const flowRes = parseNodeForPaResponse('nodoChiediFlussoRendicontazione', messages['flowRes']!);
    expect(flowRes.ok).toBe(true);
    if (!flowRes.ok) return;
    const document = Buffer.from(flowRes.value.xmlRendicontazione!, 'base64').toString('utf8');
    expect(parseFlussoRiversamento(document)).toEqual({ ok: true, value: flow });
  });

  it('reads the public FdR sample with the pay_i prefix and 1.0.4 outcome 3', () => {
    const xml = buildFlussoRiversamento(flow)
      .replace(
        'xmlns="http://www.digitpa.gov.it/schemas/2011/Pagamenti/"',
        'xmlns:pay_i="http://www.digitpa.gov.it/schemas/2011/Pagamenti/"',
      )
      .replace(/<(\/?)([a-zA-Z])/g, '<$1pay_i:$2')
      .replace('<pay_i:codiceEsitoSingoloPagamento>0<', '<pay_i:codiceEsitoSingoloPagamento>3<');
    const result = parseFlussoRiversamento(xml);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.datiSingoliPagamenti[0]!.codiceEsitoSingoloPagamento).toBe('3');
  });
});

describeConformance('our WSDL', () => {
  it('is well-formed, has our endpoint and its schema accepts every paForNode message', async () => {
    const wsdl = paForNodeWsdl('https://stazione.example.it/pagopa/paForNode');
    expect(wsdl).toContain('<soap:address location="https://stazione.example.it/pagopa/paForNode"/>');
    const messages = allMessages();
    const paForNode = Object.entries(messages).filter(([, xml]) => xml.includes(PA_FOR_NODE_NS));
    expect(paForNode.length).toBe(13);
    for (const [name, xml] of paForNode) {
      const result = await validateWithXsdText(soapBodyDocument(xml), paForNodeXsd());
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
    }
    const invalid = messages['verifyReq']!.replace('<idPA>01199250158</idPA>', '');
    expect((await validateWithXsdText(soapBodyDocument(invalid), paForNodeXsd())).valid).toBe(false);
  }, 60000);
});

describeConformance('batch validation', () => {
  it('validates many messages in one run and attributes errors to the right document', async () => {
    const messages = Object.values(allMessages());
    const broken = messages[0]!.replace('312000000001234587', '31200000000123458');
    const results = await validateMessagesWithOfficialXsd([...messages, broken, '<not-closed>']);
    expect(results.slice(0, messages.length).every((result) => result.valid)).toBe(true);
    expect(results[messages.length]).toMatchObject({ valid: false });
    expect(results[messages.length]!.errors.join(' ')).toContain('noticeNumber');
    expect(results[messages.length + 1]).toMatchObject({ valid: false });
  }, 60000);
});
