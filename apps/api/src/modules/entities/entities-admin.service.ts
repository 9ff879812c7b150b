import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ChecklistItem,
  type CreateEntityRequest,
  ENTITY_SERVICES,
  type EntityDetail,
  type EntityListItem,
  type EntityPipeline,
  type EntityService,
  ONBOARDING_STAGES,
  type OnboardingStage,
  type OnboardingTransitionRecord,
  type OnboardingTransitionRequest,
  type Page,
  type ServiceStatus,
  type UpdateChecklistItemRequest,
  type UpdateEntityRequest,
} from '@pagamenti/contracts';
import {
  allowedOnboardingTransitions,
  checkOnboardingTransition,
  nextOnboardingStage,
} from '@pagamenti/pagopa';
import { ONBOARDING_STAGE_NAMES } from './onboarding-labels';
import { type CreditorEntity } from './creditor-entity.entity';
import { type AdminListEntitiesQuery } from './dto/admin-entity.dto';
import { EntitiesRepository } from './entities.repository';
import { conflict, fieldError, isUniqueViolation, notFound } from './entities.errors';
import { decodeCursor, encodeCursor } from './cursor';
import { toEntityListItem, toTransitionRecord } from './mappers';
import { CHECKLIST, checklistDefinition } from './onboarding-checklist';
import { StationsRepository } from './stations.repository';

/** Services that may be ACTIVE only for an entity in production. */
const STAGES_ALLOWING_ACTIVE: readonly OnboardingStage[] = ['PRODUCTION'];
const STAGES_ALLOWING_TESTING: readonly OnboardingStage[] = ['CONFIGURATION', 'TESTING', 'PRODUCTION'];

/** The intermediary's side of the entities: registry, configuration, onboarding lifecycle. */
@Injectable()
export class EntitiesAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: EntitiesRepository,
    private readonly stations: StationsRepository,
  ) {}

  async list(query: AdminListEntitiesQuery): Promise<Page<EntityListItem>> {
    const rows = await this.entities.findPage({
      stage: query.stage,
      province: query.province,
      category: query.category,
      q: query.q?.trim() || undefined,
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const items = rows.slice(0, query.limit).map(toEntityListItem);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    };
  }

  async pipeline(scope: {
    province?: string;
    category?: CreditorEntity['category'];
  }): Promise<EntityPipeline> {
    const byStage = Object.fromEntries(ONBOARDING_STAGES.map((stage) => [stage, 0])) as Record<
      OnboardingStage,
      number
    >;
    for (const { stage, count } of await this.entities.countByStage(scope)) byStage[stage] = count;
    return { byStage, total: Object.values(byStage).reduce((sum, count) => sum + count, 0) };
  }

  async get(id: string): Promise<EntityDetail> {
    return this.dataSource.transaction((manager) => this.detail(manager, id));
  }

  async create(request: CreateEntityRequest, actor: string): Promise<EntityDetail> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.entities.existsByFiscalCode(manager, request.fiscalCode)) throw duplicateFiscalCode();
        await this.assertStation(manager, request.stationId);
        const { note, ...fields } = request;
        const id = await this.entities.insert(manager, {
          ...fields,
          onboardingStage: 'ADHESION_REQUESTED',
          noticeLanguages: fields.noticeLanguages ?? [],
        });
        await this.entities.addTransition(manager, {
          entityId: id,
          fromStage: null,
          toStage: 'ADHESION_REQUESTED',
          actor,
          note: note?.trim() || null,
        });
        return this.detail(manager, id);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateFiscalCode();
      throw error;
    }
  }

  async update(id: string, request: UpdateEntityRequest): Promise<EntityDetail> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.entities.lockById(manager, id);
      if (!entity) throw notFound('L’ente');
      await this.assertStation(manager, request.stationId);
      await this.entities.update(manager, id, request);
      return this.detail(manager, id);
    });
  }

  /**
   * Moves the entity along its lifecycle. Illegal moves answer 409 listing the allowed targets; a forward move
   * needs the checklist of the stage being left; other moves need a note. The row is locked, so two staff
   * members advancing the same entity at once cannot both succeed.
   */
  async transition(id: string, request: OnboardingTransitionRequest, actor: string): Promise<EntityDetail> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.entities.lockById(manager, id);
      if (!entity) throw notFound('L’ente');
      const from = entity.onboardingStage;
      const check = checkOnboardingTransition(from, request.toStage);
      if (!check.allowed) {
        const allowed = check.allowedTargets.map((stage) => `${stage} (${ONBOARDING_STAGE_NAMES[stage]})`);
        throw conflict(
          `Passaggio non consentito da ${from} a ${request.toStage}. ` +
            (allowed.length
              ? `Passaggi consentiti: ${allowed.join(', ')}.`
              : 'L’ente è receduto: nessun passaggio è consentito.'),
          { fromStage: from, toStage: request.toStage, allowedTransitions: check.allowedTargets },
        );
      }
      const note = request.note?.trim() || null;
      if (check.noteRequired && !note) {
        throw fieldError('note', 'note: indica il motivo di questo passaggio', 'noteRequired');
      }
      if (check.forward) {
        const missing = (await this.checklist(manager, entity)).filter(
          (item) => item.stage === from && !item.done,
        );
        if (missing.length > 0) {
          throw conflict(
            `Per passare a ${ONBOARDING_STAGE_NAMES[request.toStage]} mancano: ${missing.map((item) => item.label).join('; ')}.`,
            {
              fromStage: from,
              toStage: request.toStage,
              missingChecklistItems: missing.map((item) => item.key),
            },
          );
        }
      }
      await this.entities.update(manager, id, { onboardingStage: request.toStage });
      await this.entities.addTransition(manager, {
        entityId: id,
        fromStage: from,
        toStage: request.toStage,
        actor,
        note,
      });
      return this.detail(manager, id);
    });
  }

  async history(id: string): Promise<OnboardingTransitionRecord[]> {
    if (!(await this.entities.findById(id))) throw notFound('L’ente');
    return (await this.entities.transitions(id)).map(toTransitionRecord);
  }

  async updateChecklistItem(
    id: string,
    key: string,
    request: UpdateChecklistItemRequest,
    actor: string,
  ): Promise<EntityDetail> {
    const definition = checklistDefinition(key);
    if (!definition) throw notFound('La voce della checklist');
    if (definition.automatic) {
      throw conflict('Questa voce si aggiorna da sola in base ai dati dell’ente e non si spunta a mano.');
    }
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.entities.lockById(manager, id);
      if (!entity) throw notFound('L’ente');
      await this.entities.saveChecklistItem(manager, {
        entityId: id,
        itemKey: key,
        done: request.done,
        doneAt: request.done ? new Date() : null,
        doneBy: request.done ? actor : null,
        note: request.note ?? null,
      });
      return this.detail(manager, id);
    });
  }

  async updateService(
    id: string,
    service: EntityService,
    status: ServiceStatus,
    actor: string,
  ): Promise<EntityDetail> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.entities.lockById(manager, id);
      if (!entity) throw notFound('L’ente');
      if (status === 'ACTIVE' && !STAGES_ALLOWING_ACTIVE.includes(entity.onboardingStage)) {
        throw conflict('Un servizio si attiva solo per un ente in esercizio.', {
          onboardingStage: entity.onboardingStage,
        });
      }
      if (status === 'TESTING' && !STAGES_ALLOWING_TESTING.includes(entity.onboardingStage)) {
        throw conflict('Un servizio va in prova solo dalla fase di configurazione in poi.', {
          onboardingStage: entity.onboardingStage,
        });
      }
      await this.entities.saveServiceActivation(manager, { entityId: id, service, status, updatedBy: actor });
      return this.detail(manager, id);
    });
  }

  private async assertStation(manager: EntityManager, stationId: string | null | undefined): Promise<void> {
    if (stationId && !(await this.stations.findById(stationId, manager))) {
      throw fieldError('stationId', 'stationId: la stazione indicata non esiste', 'stationExists');
    }
  }

  private async checklist(manager: EntityManager, entity: CreditorEntity): Promise<ChecklistItem[]> {
    const facts = await this.entities.checklistFacts(manager, entity);
    const stored = new Map(
      (await this.entities.checklistItems(manager, entity.id)).map((row) => [row.itemKey, row]),
    );
    return CHECKLIST.map((definition) => {
      const row = stored.get(definition.key);
      const automatic = definition.automatic !== undefined;
      return {
        key: definition.key,
        stage: definition.stage,
        label: definition.label,
        automatic,
        done: definition.automatic ? definition.automatic(facts) : (row?.done ?? false),
        doneAt: !automatic && row?.done && row.doneAt ? row.doneAt.toISOString() : null,
        doneBy: !automatic && row?.done ? row.doneBy : null,
        note: row?.note ?? null,
      };
    });
  }

  private async detail(manager: EntityManager, id: string): Promise<EntityDetail> {
    const entity = await this.entities.findById(id, manager);
    if (!entity) throw notFound('L’ente');
    const activations = new Map(
      (await this.entities.serviceActivations(manager, id)).map((row) => [row.service, row]),
    );
    return {
      id: entity.id,
      fiscalCode: entity.fiscalCode,
      name: entity.name,
      category: entity.category,
      province: entity.province,
      onboardingStage: entity.onboardingStage,
      ipaCode: entity.ipaCode,
      logoUrl: entity.logoUrl,
      email: entity.email,
      pec: entity.pec,
      phone: entity.phone,
      referentName: entity.referentName,
      segregationCode: entity.segregationCode,
      auxDigit: entity.auxDigit,
      station: entity.station
        ? {
            id: entity.station.id,
            stationCode: entity.station.stationCode,
            enabled: entity.station.enabled,
            primitiveVersion: entity.station.primitiveVersion,
          }
        : null,
      cbillCode: entity.cbillCode,
      noticeLanguages: entity.noticeLanguages,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
      allowedTransitions: [...allowedOnboardingTransitions(entity.onboardingStage)],
      nextStage: nextOnboardingStage(entity.onboardingStage),
      checklist: await this.checklist(manager, entity),
      services: ENTITY_SERVICES.map((service) => {
        const row = activations.get(service);
        return {
          service,
          status: row?.status ?? 'INACTIVE',
          updatedAt: row ? row.updatedAt.toISOString() : null,
          updatedBy: row?.updatedBy ?? null,
        };
      }),
    };
  }
}

function duplicateFiscalCode() {
  return conflict('Esiste già un ente con questo codice fiscale.', undefined, [
    {
      field: 'fiscalCode',
      message: 'fiscalCode: esiste già un ente con questo codice fiscale',
      rule: 'unique',
    },
  ]);
}
