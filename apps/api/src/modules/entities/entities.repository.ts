import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { type EntityCategory, type OnboardingStage } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';
import { DueType } from './due-type.entity';
import { EntityAccount } from './entity-account.entity';
import { OnboardingChecklistItem } from './onboarding-checklist-item.entity';
import { type ChecklistFacts } from './onboarding-checklist';
import { OnboardingTransition } from './onboarding-transition.entity';
import { ServiceActivationRow } from './service-activation.entity';

export interface EntityListFilter {
  stage?: OnboardingStage;
  province?: string;
  category?: EntityCategory;
  q?: string;
  limit: number;
  after?: { name: string; id: string };
}

@Injectable()
export class EntitiesRepository {
  constructor(@InjectRepository(CreditorEntity) private readonly entities: Repository<CreditorEntity>) {}

  /** A page ordered by name (then id, to break ties), starting after the given keyset position. */
  findPage(filter: EntityListFilter): Promise<CreditorEntity[]> {
    const query = this.entities
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.station', 'station')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (filter.stage) query.andWhere('e.onboarding_stage = :stage', { stage: filter.stage });
    this.applyScope(query, filter);
    if (filter.q) {
      query.andWhere('(e.name ILIKE :q OR e.fiscal_code = :exact OR lower(e.ipa_code) = lower(:exact))', {
        q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        exact: filter.q.trim(),
      });
    }
    if (filter.after) query.andWhere('(e.name, e.id) > (:name, :id)', filter.after);
    return query.limit(filter.limit).getMany();
  }

  async countByStage(
    scope: { province?: string; category?: EntityCategory } = {},
  ): Promise<{ stage: OnboardingStage; count: number }[]> {
    const query = this.entities
      .createQueryBuilder('e')
      .select('e.onboarding_stage', 'stage')
      .addSelect('count(*)', 'count')
      .groupBy('e.onboarding_stage');
    this.applyScope(query, scope);
    const rows: { stage: OnboardingStage; count: string }[] = await query.getRawMany();
    return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
  }

  private applyScope(
    query: SelectQueryBuilder<CreditorEntity>,
    scope: { province?: string; category?: EntityCategory },
  ) {
    if (scope.province) query.andWhere('e.province = :province', { province: scope.province });
    if (scope.category) query.andWhere('e.category = :category', { category: scope.category });
  }

  findById(id: string, manager?: EntityManager): Promise<CreditorEntity | null> {
    const repository = manager ? manager.getRepository(CreditorEntity) : this.entities;
    return repository.findOne({ where: { id }, relations: { station: true } });
  }

  /** Locks the entity row for the rest of the transaction: concurrent transitions are serialised. */
  async lockById(manager: EntityManager, id: string): Promise<CreditorEntity | null> {
    const locked = await manager
      .getRepository(CreditorEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
    return locked ? this.findById(id, manager) : null;
  }

  existsByFiscalCode(manager: EntityManager, fiscalCode: string): Promise<boolean> {
    return manager.getRepository(CreditorEntity).existsBy({ fiscalCode });
  }

  async checklistFacts(manager: EntityManager, entity: CreditorEntity): Promise<ChecklistFacts> {
    const activeAccounts = await manager
      .getRepository(EntityAccount)
      .countBy({ entityId: entity.id, active: true });
    const activeDueTypes = await manager
      .getRepository(DueType)
      .countBy({ entityId: entity.id, active: true });
    return {
      hasContacts: Boolean(entity.referentName && entity.email),
      activeAccounts,
      activeDueTypes,
      stationLinked: entity.stationId !== null,
      hasSegregationCode: entity.segregationCode !== null,
    };
  }

  checklistItems(manager: EntityManager, entityId: string): Promise<OnboardingChecklistItem[]> {
    return manager.getRepository(OnboardingChecklistItem).findBy({ entityId });
  }

  async saveChecklistItem(manager: EntityManager, item: OnboardingChecklistItem): Promise<void> {
    await manager.getRepository(OnboardingChecklistItem).upsert(item, ['entityId', 'itemKey']);
  }

  serviceActivations(manager: EntityManager, entityId: string): Promise<ServiceActivationRow[]> {
    return manager.getRepository(ServiceActivationRow).findBy({ entityId });
  }

  async saveServiceActivation(
    manager: EntityManager,
    row: Pick<ServiceActivationRow, 'entityId' | 'service' | 'status' | 'updatedBy'>,
  ): Promise<void> {
    await manager.getRepository(ServiceActivationRow).upsert(row, ['entityId', 'service']);
  }

  transitions(entityId: string): Promise<OnboardingTransition[]> {
    return this.entities.manager
      .getRepository(OnboardingTransition)
      .find({ where: { entityId }, order: { occurredAt: 'DESC', id: 'DESC' } });
  }

  async addTransition(
    manager: EntityManager,
    row: Pick<OnboardingTransition, 'entityId' | 'fromStage' | 'toStage' | 'actor' | 'note'>,
  ): Promise<void> {
    await manager.getRepository(OnboardingTransition).insert(row);
  }

  async insert(manager: EntityManager, values: Partial<CreditorEntity>): Promise<string> {
    const result = await manager.getRepository(CreditorEntity).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(manager: EntityManager, id: string, values: Partial<CreditorEntity>): Promise<void> {
    if (Object.keys(values).length === 0) return;
    await manager.getRepository(CreditorEntity).update({ id }, values);
  }

  /** Inserts or updates by fiscal code (the natural key); used by the demo seed. */
  async upsertByFiscalCode(values: Omit<CreditorEntity, 'id' | 'createdAt' | 'updatedAt'>[]): Promise<void> {
    if (values.length === 0) return;
    await this.entities.upsert(values, { conflictPaths: ['fiscalCode'], skipUpdateIfNoValuesChanged: true });
  }
}
