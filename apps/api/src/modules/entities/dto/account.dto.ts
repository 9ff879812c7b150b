import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ACCOUNT_KINDS,
  AccountKind,
  type CreateEntityAccountRequest,
  type EntityAccount,
  type UpdateEntityAccountRequest,
} from '@pagamenti/contracts';
import { IsItalianIban, NormalizeIban } from './validators';

export class EntityAccountDto implements EntityAccount {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({ example: 'IT60X0542811101000000123456' })
  iban: string;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  kind: AccountKind;

  @ApiProperty({ example: 'Tesoreria - entrate tributarie' })
  description: string;

  @ApiProperty({ format: 'date', example: '2025-01-01' })
  validFrom: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreateEntityAccountDto implements CreateEntityAccountRequest {
  @ApiProperty({
    example: 'IT60 X054 2811 1010 0000 0123 456',
    description: 'Spazi ammessi; salvato senza spazi',
  })
  @NormalizeIban()
  @IsItalianIban()
  iban: string;

  @ApiProperty({
    enum: ACCOUNT_KINDS,
    example: AccountKind.Bank,
    description: 'POSTAL solo con IBAN di Poste (ABI 07601)',
  })
  @IsIn(ACCOUNT_KINDS, { message: `kind deve essere uno tra ${ACCOUNT_KINDS.join(', ')}` })
  kind: AccountKind;

  @ApiProperty({ example: 'Tesoreria - entrate tributarie', description: 'A cosa serve il conto' })
  @IsString({ message: 'description deve essere un testo' })
  @IsNotEmpty({ message: 'description è obbligatoria' })
  @MaxLength(200, { message: 'description può avere al massimo 200 caratteri' })
  description: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-01-01',
    description: 'Da quando è accreditabile; predefinito oggi',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validFrom deve essere una data AAAA-MM-GG' })
  validFrom?: string;
}

export class UpdateEntityAccountDto implements UpdateEntityAccountRequest {
  @ApiPropertyOptional({ example: 'Tesoreria - servizi a domanda individuale' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'description è obbligatoria' })
  @MaxLength(200, { message: 'description può avere al massimo 200 caratteri' })
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active deve essere true o false' })
  active?: boolean;
}
