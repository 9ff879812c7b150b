import { type DueTypePreset } from '@pagamenti/contracts';

/**
 * Ready-made due types for the most common spontaneous payments. Taxonomy codes are taken from PagoPA's
 * taxonomy (version 33): refresh them against the current list before production.
 */
export const DUE_TYPE_PRESETS: readonly DueTypePreset[] = [
  {
    key: 'TARI',
    name: 'TARI - Tassa sui rifiuti',
    description: 'Tassa sui rifiuti dell’anno in corso (acconto, saldo o rata).',
    code: 'TARI',
    taxonomyCode: '9/0101101IM/',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: 100,
    maxAmountCents: 1_000_000,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati della TARI',
      properties: {
        codiceUtenza: { type: 'string', title: 'Codice utenza', minLength: 1, maxLength: 20 },
        anno: { type: 'integer', title: 'Anno di riferimento', minimum: 2000, maximum: 2100 },
        rata: { type: 'string', title: 'Rata', enum: ['Acconto', 'Saldo', 'Unica soluzione'] },
      },
      required: ['codiceUtenza', 'anno'],
      additionalProperties: false,
    },
  },
  {
    key: 'MENSA_SCOLASTICA',
    name: 'Mensa scolastica',
    description: 'Ricarica o retta del servizio di refezione scolastica.',
    code: 'MENSA_SCOLASTICA',
    taxonomyCode: '9/0107101TS/',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: 500,
    maxAmountCents: 50_000,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati dell’alunno',
      properties: {
        codiceAlunno: { type: 'string', title: 'Codice alunno', pattern: '^[A-Za-z0-9]{4,16}$' },
        nomeAlunno: { type: 'string', title: 'Nome e cognome dell’alunno', minLength: 3, maxLength: 100 },
        annoScolastico: { type: 'string', title: 'Anno scolastico', pattern: '^20[0-9]{2}/20[0-9]{2}$' },
      },
      required: ['codiceAlunno', 'nomeAlunno', 'annoScolastico'],
      additionalProperties: false,
    },
  },
  {
    key: 'PERMESSO_SOSTA',
    name: 'Permesso di sosta',
    description: 'Permesso di sosta per residenti o abbonamento alle zone a traffico limitato.',
    code: 'PERMESSO_SOSTA',
    taxonomyCode: '9/0115101TS/',
    amountMode: 'FIXED',
    fixedAmountCents: 3_000,
    minAmountCents: null,
    maxAmountCents: null,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati del permesso',
      properties: {
        targa: { type: 'string', title: 'Targa del veicolo', pattern: '^[A-Z0-9]{5,8}$' },
        zona: { type: 'string', title: 'Zona di sosta', minLength: 1, maxLength: 40 },
        validoDal: { type: 'string', title: 'Valido dal', format: 'date' },
      },
      required: ['targa', 'zona'],
      additionalProperties: false,
    },
  },
  {
    key: 'TICKET_SANITARIO',
    name: 'Ticket sanitario',
    description: 'Compartecipazione alla spesa per prestazioni specialistiche e diagnostiche.',
    code: 'TICKET_SANITARIO',
    taxonomyCode: '9/0501100TS/',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: 100,
    maxAmountCents: 20_000,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati della prestazione',
      properties: {
        numeroRicetta: { type: 'string', title: 'Numero della ricetta (NRE)', pattern: '^[0-9A-Z]{15}$' },
        dataPrestazione: { type: 'string', title: 'Data della prestazione', format: 'date' },
      },
      required: ['numeroRicetta'],
      additionalProperties: false,
    },
  },
  {
    key: 'SANZIONI_CDS',
    name: 'Sanzioni al Codice della strada',
    description: 'Pagamento di un verbale di accertamento di violazione al Codice della strada.',
    code: 'SANZIONI_CDS',
    taxonomyCode: '9/0102106SA/',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: 1_000,
    maxAmountCents: 500_000,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati del verbale',
      properties: {
        numeroVerbale: { type: 'string', title: 'Numero del verbale', minLength: 1, maxLength: 30 },
        dataVerbale: { type: 'string', title: 'Data del verbale', format: 'date' },
        targa: { type: 'string', title: 'Targa del veicolo', pattern: '^[A-Z0-9]{5,8}$' },
      },
      required: ['numeroVerbale', 'dataVerbale'],
      additionalProperties: false,
    },
  },
  {
    key: 'CANONE_LOCAZIONE',
    name: 'Canone di locazione',
    description: 'Canone mensile di locazione di un immobile dell’ente.',
    code: 'CANONE_LOCAZIONE',
    taxonomyCode: '9/0110100TS/',
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: 1_000,
    maxAmountCents: 500_000,
    spontaneous: true,
    debtorRequired: true,
    formSchema: {
      type: 'object',
      title: 'Dati del contratto',
      properties: {
        codiceContratto: { type: 'string', title: 'Codice del contratto', minLength: 1, maxLength: 30 },
        periodo: {
          type: 'string',
          title: 'Mese di riferimento (AAAA-MM)',
          pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$',
        },
      },
      required: ['codiceContratto', 'periodo'],
      additionalProperties: false,
    },
  },
];

export function findPreset(key: string): DueTypePreset | undefined {
  return DUE_TYPE_PRESETS.find((preset) => preset.key === key);
}
