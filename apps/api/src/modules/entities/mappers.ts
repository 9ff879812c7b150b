import {
  type DueType as DueTypeContract,
  type EntityAccount as EntityAccountContract,
  type EntityListItem,
  type OnboardingTransitionRecord,
  type Station as StationContract,
} from '@pagamenti/contracts';
import { type CreditorEntity } from './creditor-entity.entity';
import { type DueType } from './due-type.entity';
import { type EntityAccount } from './entity-account.entity';
import { type OnboardingTransition } from './onboarding-transition.entity';
import { type Station } from './station.entity';

export function toEntityListItem(entity: CreditorEntity): EntityListItem {
  return {
    id: entity.id,
    fiscalCode: entity.fiscalCode,
    name: entity.name,
    category: entity.category,
    province: entity.province,
    onboardingStage: entity.onboardingStage,
    ipaCode: entity.ipaCode,
    stationCode: entity.station?.stationCode ?? null,
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toTransitionRecord(row: OnboardingTransition): OnboardingTransitionRecord {
  return {
    id: row.id,
    fromStage: row.fromStage,
    toStage: row.toStage,
    actor: row.actor,
    note: row.note,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export function toAccount(row: EntityAccount): EntityAccountContract {
  return {
    id: row.id,
    entityId: row.entityId,
    iban: row.iban,
    kind: row.kind,
    description: row.description,
    validFrom: row.validFrom,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDueType(row: DueType): DueTypeContract {
  return {
    id: row.id,
    entityId: row.entityId,
    code: row.code,
    name: row.name,
    description: row.description,
    taxonomyCode: row.taxonomyCode,
    accountId: row.accountId,
    amountMode: row.amountMode,
    fixedAmountCents: row.fixedAmountCents,
    minAmountCents: row.minAmountCents,
    maxAmountCents: row.maxAmountCents,
    spontaneous: row.spontaneous,
    formSchema: row.formSchema,
    debtorRequired: row.debtorRequired,
    active: row.active,
    presetKey: row.presetKey,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStation(row: Station, entitiesCount: number): StationContract {
  return {
    id: row.id,
    stationCode: row.stationCode,
    brokerCode: row.brokerCode,
    description: row.description,
    primitiveVersion: row.primitiveVersion,
    broadcast: row.broadcast,
    enabled: row.enabled,
    environment: row.environment,
    nodeEndpointUrl: row.nodeEndpointUrl,
    stationEndpointUrl: row.stationEndpointUrl,
    passwordSet: row.passwordSealed !== null,
    subscriptionKeyHint: row.subscriptionKeyHint,
    entitiesCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
