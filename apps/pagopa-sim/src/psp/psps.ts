/** How a PSP prices a payment: a fixed fee, or a percentage with a floor and a ceiling (all in cents). */
export type FeeRule =
  | { kind: 'fixed'; cents: number }
  | { kind: 'percent'; basisPoints: number; minCents: number; maxCents: number };

/** A simulated payment service provider with its channel, as the node's registry knows it. */
export interface SimulatedPsp {
  idPSP: string;
  idBrokerPSP: string;
  idChannel: string;
  channelDescription: string;
  companyName: string;
  fiscalCode: string;
  vatNumber: string;
  /** ABI code of the bank that credits the entities (also the sender code of its reporting flows). */
  abiCode: string;
  paymentMethod: string;
  touchpoint: string;
  fee: FeeRule;
  idBundle: string;
}

/**
 * Fictitious PSPs covering the usual touchpoints (home banking, post office, app with card, tobacconist). Ids look
 * like the BIC-style codes real PSPs use, but none belongs to a real institution.
 */
export const PSPS: readonly SimulatedPsp[] = [
  {
    idPSP: 'BDMOITM1XXX',
    idBrokerPSP: '97000000014',
    idChannel: '97000000014_01',
    channelDescription: 'Home banking',
    companyName: 'Banca Demo Adriatica S.p.A.',
    fiscalCode: '97000000014',
    vatNumber: '97000000014',
    abiCode: '03999',
    paymentMethod: 'bankTransfer',
    touchpoint: 'HOME BANKING',
    fee: { kind: 'fixed', cents: 100 },
    idBundle: 'BDMO-HB-2025',
  },
  {
    idPSP: 'PDMOITR1XXX',
    idBrokerPSP: '97000000022',
    idChannel: '97000000022_02',
    channelDescription: 'Ufficio postale',
    companyName: 'Poste Demo S.p.A.',
    fiscalCode: '97000000022',
    vatNumber: '97000000022',
    abiCode: '07699',
    paymentMethod: 'cash',
    touchpoint: 'PSP',
    fee: { kind: 'fixed', cents: 150 },
    idBundle: 'PDMO-UP-2025',
  },
  {
    idPSP: 'PAYDITM1XXX',
    idBrokerPSP: '97000000030',
    idChannel: '97000000030_03',
    channelDescription: 'App con carta',
    companyName: 'PayDemo Italia S.r.l.',
    fiscalCode: '97000000030',
    vatNumber: '97000000030',
    abiCode: '36099',
    paymentMethod: 'creditCard',
    touchpoint: 'IO',
    fee: { kind: 'percent', basisPoints: 100, minCents: 50, maxCents: 250 },
    idBundle: 'PAYD-CARD-2025',
  },
  {
    idPSP: 'RDMOITM1XXX',
    idBrokerPSP: '97000000048',
    idChannel: '97000000048_04',
    channelDescription: 'Punto vendita',
    companyName: 'Ricevitorie Demo S.p.A.',
    fiscalCode: '97000000048',
    vatNumber: '97000000048',
    abiCode: '36199',
    paymentMethod: 'cash',
    touchpoint: 'PSP',
    fee: { kind: 'fixed', cents: 200 },
    idBundle: 'RDMO-PV-2025',
  },
];

export const DEFAULT_PSP = PSPS[0];

export function findPsp(idPSP: string | undefined): SimulatedPsp | undefined {
  if (!idPSP) return DEFAULT_PSP;
  const wanted = idPSP.trim().toUpperCase();
  return PSPS.find((psp) => psp.idPSP === wanted);
}

/** The commission the payer pays on top of the notice amount (cents; percentages round half up). */
export function feeFor(psp: SimulatedPsp, amountCents: number): number {
  const rule = psp.fee;
  switch (rule.kind) {
    case 'fixed':
      return rule.cents;
    case 'percent': {
      const proportional = Math.floor((amountCents * rule.basisPoints + 5000) / 10000);
      return Math.min(rule.maxCents, Math.max(rule.minCents, proportional));
    }
  }
}

/** Italian description of the fee rule, for pages. */
export function describeFee(psp: SimulatedPsp): string {
  const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
  const rule = psp.fee;
  switch (rule.kind) {
    case 'fixed':
      return `commissione ${euro(rule.cents)}`;
    case 'percent':
      return `commissione ${(rule.basisPoints / 100).toFixed(2).replace('.', ',')}% (min ${euro(rule.minCents)}, max ${euro(rule.maxCents)})`;
  }
}
