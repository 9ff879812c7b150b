import { type EntityManager } from 'typeorm';
import {
  ACCOUNT_KINDS,
  type AccountKind,
  AMOUNT_MODES,
  type AmountMode,
  ENTITY_SERVICES,
  type EntityCategory,
  type EntityService,
  type NoticeLanguage,
  type OnboardingStage,
  SERVICE_STATUSES,
  type ServiceStatus,
  STATION_ENVIRONMENTS,
  type StationEnvironment,
} from '@pagamenti/contracts';
import {
  isValidItalianIban,
  isValidTaxonomyCode,
  italianIbanAbi,
  ONBOARDING_PATH,
  POSTE_ABI,
} from '@pagamenti/pagopa';
import { type SecretBox } from '../../common/secret-box';
import { CreditorEntity } from './creditor-entity.entity';
import { DueType } from './due-type.entity';
import { findPreset } from './due-type-presets';
import { EntityAccount } from './entity-account.entity';
import { validateFormSchema } from './form-schema';
import { OnboardingChecklistItem } from './onboarding-checklist-item.entity';
import { checklistDefinition } from './onboarding-checklist';
import { OnboardingTransition } from './onboarding-transition.entity';
import { ServiceActivationRow } from './service-activation.entity';
import { Station } from './station.entity';
import { PASSWORD_CONTEXT, SUBSCRIPTION_KEY_CONTEXT } from './stations.service';

/** `tools/demo/stations.json` (fictitious secrets, encrypted when loaded). */
export interface DemoStation {
  stationCode: string;
  brokerCode: string;
  description: string;
  primitiveVersion: 1 | 2;
  broadcast: boolean;
  enabled: boolean;
  environment: StationEnvironment;
  nodeEndpointUrl: string | null;
  stationEndpointUrl: string | null;
  password: string | null;
  subscriptionKey: string | null;
}

interface DemoDueType {
  preset?: string;
  code?: string;
  name?: string;
  taxonomyCode?: string;
  amountMode?: AmountMode;
  fixedAmountCents?: number;
  minAmountCents?: number;
  maxAmountCents?: number;
  spontaneous?: boolean;
}

/** One entry of `tools/demo/entities.json`. */
export interface DemoEntity {
  fiscalCode: string;
  name: string;
  category: EntityCategory;
  province: string;
  onboardingStage: OnboardingStage;
  email?: string | null;
  pec?: string | null;
  referentName?: string | null;
  segregationCode?: string | null;
  stationCode?: string | null;
  cbillCode?: string | null;
  noticeLanguages?: NoticeLanguage[];
  accounts?: { iban: string; kind: AccountKind; description: string }[];
  dueTypes?: DemoDueType[];
  checklistDone?: string[];
  services?: Partial<Record<EntityService, ServiceStatus>>;
}

/** Problems in the demo stations and in the entities' configuration; empty when all is well. */
export function validateEntitiesDemo(entities: DemoEntity[], stations: DemoStation[]): string[] {
  const problems: string[] = [];
  const stationCodes = new Set(stations.map((station) => station.stationCode));
  stations.forEach((station, index) => {
    const where = `stations.json[${index}] (${station.stationCode})`;
    if (!/^[A-Za-z0-9_-]{1,35}$/.test(station.stationCode)) problems.push(`${where}: stationCode non valido`);
    if (![1, 2].includes(station.primitiveVersion))
      problems.push(`${where}: primitiveVersion deve essere 1 o 2`);
    if (!STATION_ENVIRONMENTS.includes(station.environment))
      problems.push(`${where}: environment sconosciuto`);
    if (station.password && (station.password.length < 8 || station.password.length > 15))
      problems.push(`${where}: password di 8–15 caratteri`);
  });
  entities.forEach((entity, index) => {
    const where = `entities.json[${index}] (${entity.name})`;
    if (entity.stationCode && !stationCodes.has(entity.stationCode))
      problems.push(`${where}: stazione sconosciuta`);
    if (entity.segregationCode && !/^\d{2}$/.test(entity.segregationCode))
      problems.push(`${where}: segregationCode di 2 cifre`);
    for (const account of entity.accounts ?? []) {
      if (!isValidItalianIban(account.iban)) problems.push(`${where}: IBAN ${account.iban} non valido`);
      else if (
        !ACCOUNT_KINDS.includes(account.kind) ||
        (account.kind === 'POSTAL') !== (italianIbanAbi(account.iban) === POSTE_ABI)
      )
        problems.push(`${where}: tipo del conto ${account.iban} incoerente`);
    }
    for (const dueType of entity.dueTypes ?? []) {
      const resolved = resolveDueType(dueType);
      if (!resolved)
        problems.push(
          `${where}: tipo dovuto ${dueType.preset ?? dueType.code} incompleto o modello sconosciuto`,
        );
      else if (!isValidTaxonomyCode(resolved.taxonomyCode))
        problems.push(`${where}: codice tassonomico ${resolved.taxonomyCode} non valido`);
      else if (resolved.formSchema && validateFormSchema(resolved.formSchema).length > 0)
        problems.push(`${where}: schema del modulo di ${resolved.code} non valido`);
    }
    for (const key of entity.checklistDone ?? []) {
      const definition = checklistDefinition(key);
      if (!definition || definition.automatic)
        problems.push(`${where}: voce di checklist ${key} sconosciuta o automatica`);
    }
    for (const [service, status] of Object.entries(entity.services ?? {})) {
      if (!ENTITY_SERVICES.includes(service as EntityService) || !SERVICE_STATUSES.includes(status))
        problems.push(`${where}: servizio ${service} o stato ${status} sconosciuto`);
    }
  });
  return problems;
}

/**
 * Loads stations and the entities with their configuration, accounts, catalogue, checklist, services and a
 * plausible onboarding history. Idempotent: natural keys everywhere; secrets and history only written once.
 */
export async function loadEntitiesDemo(
  manager: EntityManager,
  entities: DemoEntity[],
  stations: DemoStation[],
  secrets: SecretBox,
): Promise<{ entities: number; stations: number; accounts: number; dueTypes: number }> {
  const stationRepository = manager.getRepository(Station);
  for (const demo of stations) {
    const { password, subscriptionKey, ...plain } = demo;
    const existing = await stationRepository.findOneBy({ stationCode: demo.stationCode });
    if (existing) {
      await stationRepository.upsert(
        { ...plain },
        { conflictPaths: ['stationCode'], skipUpdateIfNoValuesChanged: true },
      );
    } else {
      await stationRepository.insert({
        ...plain,
        passwordSealed: password ? secrets.seal(password, PASSWORD_CONTEXT) : null,
        subscriptionKeySealed: subscriptionKey
          ? secrets.seal(subscriptionKey, SUBSCRIPTION_KEY_CONTEXT)
          : null,
        subscriptionKeyHint: subscriptionKey ? subscriptionKey.slice(-4) : null,
      });
    }
  }
  const stationIds = new Map(
    (await stationRepository.find()).map((station) => [station.stationCode, station.id]),
  );

  await manager.upsert(
    CreditorEntity,
    entities.map((entity) => ({
      fiscalCode: entity.fiscalCode,
      name: entity.name,
      category: entity.category,
      province: entity.province,
      onboardingStage: entity.onboardingStage,
      email: entity.email ?? null,
      pec: entity.pec ?? null,
      referentName: entity.referentName ?? null,
      segregationCode: entity.segregationCode ?? null,
      stationId: entity.stationCode ? (stationIds.get(entity.stationCode) ?? null) : null,
      cbillCode: entity.cbillCode ?? null,
      noticeLanguages: entity.noticeLanguages ?? [],
    })),
    { conflictPaths: ['fiscalCode'], skipUpdateIfNoValuesChanged: true },
  );
  const ids = new Map(
    (await manager.getRepository(CreditorEntity).find({ select: { id: true, fiscalCode: true } })).map(
      (row) => [row.fiscalCode, row.id],
    ),
  );

  let accounts = 0;
  let dueTypes = 0;
  for (const [index, entity] of entities.entries()) {
    const entityId = ids.get(entity.fiscalCode);
    if (!entityId) throw new Error(`Ente ${entity.fiscalCode} non caricato`);
    const accountRows = (entity.accounts ?? []).map((account) => ({
      entityId,
      iban: account.iban,
      kind: account.kind,
      description: account.description,
      validFrom: '2024-01-01',
    }));
    if (accountRows.length > 0) {
      await manager.upsert(EntityAccount, accountRows, {
        conflictPaths: ['entityId', 'iban'],
        skipUpdateIfNoValuesChanged: true,
      });
    }
    accounts += accountRows.length;
    const firstAccount = accountRows[0]
      ? await manager.getRepository(EntityAccount).findOneBy({ entityId, iban: accountRows[0].iban })
      : null;
    const dueTypeRows = (entity.dueTypes ?? []).flatMap((demo) => {
      const resolved = resolveDueType(demo);
      return resolved ? [{ ...resolved, entityId, accountId: firstAccount?.id ?? null }] : [];
    });
    if (dueTypeRows.length > 0) {
      await manager.upsert(DueType, dueTypeRows, {
        conflictPaths: ['entityId', 'code'],
        skipUpdateIfNoValuesChanged: true,
      });
    }
    dueTypes += dueTypeRows.length;

    const historyDate = (step: number) => new Date(Date.UTC(2023, 0, 9 + index * 3 + step * 21, 9, 30));
    const checklist = (entity.checklistDone ?? []).map((key, step) => ({
      entityId,
      itemKey: key,
      done: true,
      doneAt: historyDate(step),
      doneBy: 'Ufficio adesioni (dati dimostrativi)',
      note: null,
    }));
    if (checklist.length > 0) {
      await manager.upsert(OnboardingChecklistItem, checklist, {
        conflictPaths: ['entityId', 'itemKey'],
        skipUpdateIfNoValuesChanged: true,
      });
    }
    const services = Object.entries(entity.services ?? {}).map(([service, status]) => ({
      entityId,
      service: service as EntityService,
      status: status,
      updatedBy: 'Ufficio adesioni (dati dimostrativi)',
    }));
    if (services.length > 0) {
      await manager.upsert(ServiceActivationRow, services, {
        conflictPaths: ['entityId', 'service'],
        skipUpdateIfNoValuesChanged: true,
      });
    }

    if (!(await manager.getRepository(OnboardingTransition).existsBy({ entityId }))) {
      await manager.getRepository(OnboardingTransition).insert(
        demoHistory(entity.onboardingStage).map((step, position) => ({
          entityId,
          ...step,
          actor: 'Ufficio adesioni (dati dimostrativi)',
          occurredAt: historyDate(position),
        })),
      );
    }
  }
  return { entities: entities.length, stations: stations.length, accounts, dueTypes };
}

function resolveDueType(demo: DemoDueType) {
  const preset = demo.preset ? findPreset(demo.preset) : undefined;
  if (demo.preset && !preset) return null;
  const base = preset ?? {
    code: demo.code,
    name: demo.name,
    description: null,
    taxonomyCode: demo.taxonomyCode,
    amountMode: demo.amountMode,
    fixedAmountCents: demo.fixedAmountCents ?? null,
    minAmountCents: demo.minAmountCents ?? null,
    maxAmountCents: demo.maxAmountCents ?? null,
    spontaneous: demo.spontaneous ?? false,
    debtorRequired: true,
    formSchema: null,
  };
  if (
    !base.code ||
    !base.name ||
    !base.taxonomyCode ||
    !base.amountMode ||
    !AMOUNT_MODES.includes(base.amountMode)
  )
    return null;
  return {
    code: base.code,
    name: base.name,
    description: base.description,
    taxonomyCode: base.taxonomyCode,
    amountMode: base.amountMode,
    fixedAmountCents: base.fixedAmountCents,
    minAmountCents: base.minAmountCents,
    maxAmountCents: base.maxAmountCents,
    spontaneous: base.spontaneous,
    debtorRequired: base.debtorRequired,
    formSchema: base.formSchema,
    active: true,
    presetKey: preset?.key ?? null,
  };
}

/** The path that led to the current stage, with notes where the lifecycle asks for one. */
function demoHistory(
  stage: OnboardingStage,
): { fromStage: OnboardingStage | null; toStage: OnboardingStage; note: string | null }[] {
  const target = stage === 'SUSPENDED' || stage === 'WITHDRAWN' ? 'PRODUCTION' : stage;
  const path = ONBOARDING_PATH.slice(0, ONBOARDING_PATH.indexOf(target) + 1);
  const steps = path.map((toStage, index) => ({
    fromStage: index === 0 ? null : (path[index - 1] ?? null),
    toStage,
    note: index === 0 ? 'Richiesta di adesione ricevuta via PEC' : null,
  }));
  if (stage === 'SUSPENDED') {
    steps.push({
      fromStage: 'PRODUCTION',
      toStage: 'SUSPENDED',
      note: 'Sospeso su richiesta dell’ente: cambio del tesoriere',
    });
  }
  return steps;
}
