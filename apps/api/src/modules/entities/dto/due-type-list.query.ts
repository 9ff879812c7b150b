import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class DueTypeListQuery {
  @ApiPropertyOptional({ description: 'Solo i tipi pagabili spontaneamente (true) o solo gli altri (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'spontaneous deve essere true o false' })
  spontaneous?: boolean;

  @ApiPropertyOptional({ description: 'Solo i tipi attivi (true) o solo i disattivati (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active deve essere true o false' })
  active?: boolean;
}
