import { type IdentityConfig } from '../../../config/app-config';
import { escapeXml, pemBody, signRootAfterIssuer } from './xml';

export const SPID_ATTRIBUTES = ['fiscalNumber', 'name', 'familyName', 'email'];
export const CIE_ATTRIBUTES = ['fiscalNumber', 'name', 'familyName', 'dateOfBirth'];

/**
 * The SP metadata SPID and CIE expect: one SPSSODescriptor (requests signed, assertions signed), signing key,
 * SLO, ACS index 0, two AttributeConsumingServices (0 SPID, 1 CIE), Organization in Italian and the contact
 * persons with the SPID and CIE extensions for a public body. Signed like an AuthnRequest.
 */
export function buildSpMetadata(
  config: IdentityConfig,
  urls: { acs: string; slo: string },
  credentials: { keyPem: string; certPem: string },
): string {
  const e = escapeXml;
  const { organization } = config;
  const attributes = (names: string[]) =>
    names.map((name) => `<md:RequestedAttribute Name="${name}" isRequired="true"/>`).join('');
  const xml =
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ` +
    `xmlns:spid="https://spid.gov.it/saml-extensions" xmlns:cie="https://www.cartaidentita.interno.gov.it/saml-extensions" ` +
    `entityID="${e(config.spEntityId)}" ID="_${Buffer.from(config.spEntityId).toString('hex').slice(0, 40)}">` +
    `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${pemBody(credentials.certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${e(urls.slo)}"/>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>` +
    `<md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${e(urls.acs)}"/>` +
    `<md:AttributeConsumingService index="0"><md:ServiceName xml:lang="it">Accesso SPID</md:ServiceName>${attributes(SPID_ATTRIBUTES)}</md:AttributeConsumingService>` +
    `<md:AttributeConsumingService index="1"><md:ServiceName xml:lang="it">Accesso CIE</md:ServiceName>${attributes(CIE_ATTRIBUTES)}</md:AttributeConsumingService>` +
    `</md:SPSSODescriptor>` +
    `<md:Organization><md:OrganizationName xml:lang="it">${e(organization.name)}</md:OrganizationName>` +
    `<md:OrganizationDisplayName xml:lang="it">${e(organization.name)}</md:OrganizationDisplayName>` +
    `<md:OrganizationURL xml:lang="it">${e(organization.url)}</md:OrganizationURL></md:Organization>` +
    `<md:ContactPerson contactType="other"><md:Extensions><spid:IPACode>${e(organization.ipaCode)}</spid:IPACode><spid:Public/></md:Extensions>` +
    `<md:EmailAddress>${e(organization.email)}</md:EmailAddress></md:ContactPerson>` +
    `<md:ContactPerson contactType="administrative"><md:Extensions><cie:Public/><cie:IPACode>${e(organization.ipaCode)}</cie:IPACode></md:Extensions>` +
    `<md:Company>${e(organization.name)}</md:Company><md:EmailAddress>${e(organization.email)}</md:EmailAddress></md:ContactPerson>` +
    `</md:EntityDescriptor>`;
  return signRootAfterIssuer(xml, 'EntityDescriptor', credentials.keyPem, credentials.certPem, 'first-child');
}
