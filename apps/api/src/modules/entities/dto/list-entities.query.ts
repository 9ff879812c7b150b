import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ONBOARDING_STAGES, type OnboardingStage } from '@pagamenti/contracts';

export class ListEntitiesQuery {
  @ApiPropertyOptional({ enum: ONBOARDING_STAGES, description: 'Solo gli enti in questa fase' })
  @IsOptional()
  @IsIn(ONBOARDING_STAGES, { message: `stage deve essere uno tra ${ONBOARDING_STAGES.join(', ')}` })
  stage?: OnboardingStage;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @Max(100, { message: 'limit può essere al massimo 100' })
  @Min(1, { message: 'limit deve essere almeno 1' })
  @IsInt({ message: 'limit deve essere un numero intero' })
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Il nextCursor della pagina precedente' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor non valido' })
  cursor?: string;
}
