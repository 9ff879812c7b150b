import { ApiProperty } from '@nestjs/swagger';
import {
  ONBOARDING_STAGES,
  type OnboardingStage,
  type PlatformEnvironment,
  type PlatformInfo,
  type PlatformStats,
} from '@pagamenti/contracts';

class IntermediaryDto {
  @ApiProperty({ example: 'Regione Abruzzo' })
  name: string;

  @ApiProperty({ example: '80003170661' })
  fiscalCode: string;
}

export class PlatformInfoDto implements PlatformInfo {
  @ApiProperty({ example: 'Piattaforma pagamenti pagoPA' })
  platformName: string;

  @ApiProperty({ type: IntermediaryDto })
  intermediary: IntermediaryDto;

  @ApiProperty({ enum: ['development', 'test', 'production'] })
  environment: PlatformEnvironment;

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ description: 'Vero se l’installazione usa dati dimostrativi e il simulatore pagoPA' })
  demo: boolean;
}

class EntityStatsDto {
  @ApiProperty()
  total: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ONBOARDING_STAGES.map((stage) => [stage, { type: 'integer' }])),
    example: { PRODUCTION: 40, TESTING: 3 },
  })
  byStage: Record<OnboardingStage, number>;
}

export class PlatformStatsDto implements PlatformStats {
  @ApiProperty({ type: EntityStatsDto })
  entities: EntityStatsDto;

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;
}
