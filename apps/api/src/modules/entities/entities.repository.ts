import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type OnboardingStage } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';

export interface EntityListFilter {
  stage?: OnboardingStage;
  limit: number;
  after?: { name: string; id: string };
}

@Injectable()
export class EntitiesRepository {
  constructor(@InjectRepository(CreditorEntity) private readonly entities: Repository<CreditorEntity>) {}

  /** A page ordered by name (then id, to break ties), starting after the given keyset position. */
  findPage(filter: EntityListFilter): Promise<CreditorEntity[]> {
    const query = this.entities.createQueryBuilder('e').orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC');
    if (filter.stage) query.andWhere('e.onboarding_stage = :stage', { stage: filter.stage });
    if (filter.after) query.andWhere('(e.name, e.id) > (:name, :id)', filter.after);
    return query.limit(filter.limit).getMany();
  }

  async countByStage(): Promise<{ stage: OnboardingStage; count: number }[]> {
    const rows: { stage: OnboardingStage; count: string }[] = await this.entities
      .createQueryBuilder('e')
      .select('e.onboarding_stage', 'stage')
      .addSelect('count(*)', 'count')
      .groupBy('e.onboarding_stage')
      .getRawMany();
    return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
  }

  /** Inserts or updates by fiscal code (the natural key); used by the demo seed. */
  async upsertByFiscalCode(values: Omit<CreditorEntity, 'id' | 'createdAt' | 'updatedAt'>[]): Promise<void> {
    if (values.length === 0) return;
    await this.entities.upsert(values, { conflictPaths: ['fiscalCode'], skipUpdateIfNoValuesChanged: true });
  }
}
