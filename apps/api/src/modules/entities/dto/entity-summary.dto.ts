import { ApiProperty } from '@nestjs/swagger';
import {
  EntityCategory,
  type EntitySummary,
  ONBOARDING_STAGES,
  OnboardingStage,
  type Page,
} from '@pagamenti/contracts';
import { type CreditorEntity } from '../creditor-entity.entity';

export class EntitySummaryDto implements EntitySummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '80003170661', pattern: '^[0-9]{11}$', description: 'Codice fiscale ente (idPA)' })
  fiscalCode: string;

  @ApiProperty({ example: 'Comune di Pineto' })
  name: string;

  @ApiProperty({ enum: Object.values(EntityCategory), example: EntityCategory.Municipality })
  category: EntityCategory;

  @ApiProperty({ example: 'TE', pattern: '^[A-Z]{2}$' })
  province: string;

  @ApiProperty({ enum: ONBOARDING_STAGES, example: OnboardingStage.Production })
  onboardingStage: OnboardingStage;
}

export class EntitySummaryPageDto implements Page<EntitySummary> {
  @ApiProperty({ type: [EntitySummaryDto] })
  items: EntitySummaryDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursore della pagina successiva; null sull’ultima.',
  })
  nextCursor: string | null;
}

export function toEntitySummary(entity: CreditorEntity): EntitySummaryDto {
  return {
    id: entity.id,
    fiscalCode: entity.fiscalCode,
    name: entity.name,
    category: entity.category,
    province: entity.province,
    onboardingStage: entity.onboardingStage,
  };
}
