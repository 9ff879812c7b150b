import { type INestApplicationContext } from '@nestjs/common';
import { CatalogueService } from '../../entities/catalogue.service';
import { EntitiesAdminService } from '../../entities/entities-admin.service';

/** What the benchmark and the import tests work on: an entity that issues notices, with a TARI due type. */
export interface SampleEntity {
  entityId: string;
  fiscalCode: string;
  dueTypeCode: string;
}

/**
 * Creates, through the entities module's own services, a municipality with a segregation code, a treasury
 * account and the TARI due type on it. Independent of the demo data, so that its changes never move the figures.
 */
export async function createSampleEntity(
  app: INestApplicationContext,
  fiscalCode = '99023040399',
): Promise<SampleEntity> {
  const admin = app.get(EntitiesAdminService);
  const catalogue = app.get(CatalogueService);
  const entity = await admin.create(
    { fiscalCode, name: 'Comune di Prova', category: 'COMUNE', province: 'TE', segregationCode: '07' },
    'caricamento di prova',
  );
  const account = await catalogue.createAccount(entity.id, {
    iban: 'IT60X0542811101000000123456',
    kind: 'BANK',
    description: 'Tesoreria comunale',
  });
  await catalogue.createDueType(entity.id, {
    code: 'TARI',
    name: 'Tassa sui rifiuti',
    taxonomyCode: '9/0101101IM/',
    accountId: account.id,
    amountMode: 'FREE',
  });
  return { entityId: entity.id, fiscalCode, dueTypeCode: 'TARI' };
}
