import { type EntityCategory } from '@pagamenti/contracts';

export const ENTITY_CATEGORY_LABELS: Record<EntityCategory, string> = {
  REGIONE: 'Regione',
  COMUNE: 'Comune',
  ASL: 'Azienda sanitaria locale',
  AGENZIA_REGIONALE: 'Agenzia regionale',
  ADSU: 'Azienda per il diritto allo studio',
  ATER: 'Azienda territoriale per l’edilizia residenziale',
  AZIENDA_PUBBLICA: 'Azienda pubblica',
  UNIONE_COMUNI: 'Unione di comuni',
  CONSORZIO: 'Consorzio',
  ASSOCIAZIONE: 'Associazione',
  COLLEGIO_ORDINE: 'Ordine o collegio professionale',
};
