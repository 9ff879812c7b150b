import { Injectable } from '@nestjs/common';
import { ONBOARDING_STAGES, type OnboardingStage } from '@pagamenti/contracts';
import { decodeCursor, encodeCursor } from './cursor';
import { type EntitySummaryPageDto, toEntitySummary } from './dto/entity-summary.dto';
import { type ListEntitiesQuery } from './dto/list-entities.query';
import { EntitiesRepository } from './entities.repository';

@Injectable()
export class EntitiesService {
  constructor(private readonly entities: EntitiesRepository) {}

  async listPublic(query: ListEntitiesQuery): Promise<EntitySummaryPageDto> {
    const rows = await this.entities.findPage({
      stage: query.stage,
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const items = rows.slice(0, query.limit).map(toEntitySummary);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    };
  }

  /** Every stage with its count, zeros included, so that charts always show the whole pipeline. */
  async countByStage(): Promise<Record<OnboardingStage, number>> {
    const counts = Object.fromEntries(ONBOARDING_STAGES.map((stage) => [stage, 0])) as Record<
      OnboardingStage,
      number
    >;
    for (const { stage, count } of await this.entities.countByStage()) counts[stage] = count;
    return counts;
  }
}
