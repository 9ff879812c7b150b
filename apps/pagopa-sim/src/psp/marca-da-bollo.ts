import { randomBytes } from 'node:crypto';
import { centsToDecimal } from '@pagamenti/pagopa';
import { escapeXml, type RichiestaMarcaDaBollo } from '@pagamenti/pagopa/soap';
import { generateSelfSignedPair } from '@pagamenti/dev-certificates';
import { SignedXml } from 'xml-crypto';
import { romeDateTime } from '../node/calendar';
import { type SimulatedPsp } from './psps';

const MDB_NS = 'http://www.agenziaentrate.gov.it/2014/MarcaDaBollo';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/**
 * Issues the digital revenue stamp (@e.bollo) a PSP sells when a V2 transfer asks for one: the AdE `marcaDaBollo`
 * document (xsd-common/MarcaDaBollo.xsd) with the hash of the entity's document, signed by the PSP. The receipt
 * carries it base64-encoded as `MBDAttachment`. The signing key is a throwaway one, generated at start.
 */
export class StampIssuer {
  private readonly credentials = generateSelfSignedPair('Emissione @e.bollo', 'Simulatore pagoPA');

  issue(psp: SimulatedPsp, request: RichiestaMarcaDaBollo, amountCents: number, at: Date): string {
    const iubd = `${Date.now().toString().slice(-8)}${randomBytes(3).toString('hex').toUpperCase()}`;
    const unsigned =
      `<marcaDaBollo xmlns="${MDB_NS}" xmlns:ds="${DS_NS}">` +
      `<PSP><CodiceFiscale>${escapeXml(psp.fiscalCode)}</CodiceFiscale><Denominazione>${escapeXml(psp.companyName)}</Denominazione></PSP>` +
      `<IUBD>${iubd}</IUBD><OraAcquisto>${romeDateTime(at)}</OraAcquisto><Importo>${centsToDecimal(amountCents)}</Importo>` +
      `<TipoBollo>${request.tipoBollo}</TipoBollo>` +
      `<ImprontaDocumento><DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${escapeXml(request.hashDocumento)}</ds:DigestValue></ImprontaDocumento>` +
      `</marcaDaBollo>`;
    const signer = new SignedXml({
      privateKey: this.credentials.keyPem,
      publicCert: this.credentials.certPem,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    signer.addReference({
      xpath: "/*[local-name(.)='marcaDaBollo']",
      transforms: [
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      ],
      digestAlgorithm: SHA256,
      isEmptyUri: true,
    });
    signer.computeSignature(unsigned, {
      prefix: 'ds',
      location: { reference: "/*[local-name(.)='marcaDaBollo']", action: 'append' },
    });
    return Buffer.from(signer.getSignedXml(), 'utf8').toString('base64');
  }
}
