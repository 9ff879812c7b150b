import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type DebtPositionFilters, POSITION_STATUSES, type PositionStatus } from '@pagamenti/contracts';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_CENTS = 99_999_999_999;

/** The filters of the list and of the exports. */
export class PositionFiltersQuery implements DebtPositionFilters {
  @ApiPropertyOptional({ enum: POSITION_STATUSES })
  @IsOptional()
  @IsIn(POSITION_STATUSES, { message: `status deve essere uno tra ${POSITION_STATUSES.join(', ')}` })
  status?: PositionStatus;

  @ApiPropertyOptional({ example: 'TARI', description: 'Codice del tipo dovuto' })
  @IsOptional()
  @IsString({ message: 'dueTypeCode deve essere un testo' })
  @MaxLength(35, { message: 'dueTypeCode può avere al massimo 35 caratteri' })
  dueTypeCode?: string;

  @ApiPropertyOptional({
    example: 'RSSMRA80A01H501U',
    description: 'Codice fiscale o partita IVA (esatto) oppure inizio del nome del debitore',
  })
  @IsOptional()
  @IsString({ message: 'debtor deve essere un testo' })
  @MaxLength(140, { message: 'debtor può avere al massimo 140 caratteri' })
  debtor?: string;

  @ApiPropertyOptional({
    example: '307000000000001234',
    description: 'Numero avviso (anche con spazi), IUV o IUPD, esatti',
  })
  @IsOptional()
  @IsString({ message: 'q deve essere un testo' })
  @MaxLength(70, { message: 'q può avere al massimo 70 caratteri' })
  q?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Con almeno un’opzione in scadenza da questo giorno' })
  @IsOptional()
  @Matches(DATE, { message: 'dueFrom deve essere una data AAAA-MM-GG' })
  dueFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Con almeno un’opzione in scadenza fino a questo giorno',
  })
  @IsOptional()
  @Matches(DATE, { message: 'dueTo deve essere una data AAAA-MM-GG' })
  dueTo?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Create da questo giorno (ora italiana)' })
  @IsOptional()
  @Matches(DATE, { message: 'createdFrom deve essere una data AAAA-MM-GG' })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Create fino a questo giorno compreso (ora italiana)' })
  @IsOptional()
  @Matches(DATE, { message: 'createdTo deve essere una data AAAA-MM-GG' })
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Importo minimo della posizione, in centesimi' })
  @IsOptional()
  @Type(() => Number)
  @Min(0, { message: 'minAmountCents non può essere negativo' })
  @Max(MAX_CENTS, { message: `minAmountCents può essere al massimo ${MAX_CENTS}` })
  @IsInt({ message: 'minAmountCents deve essere un numero intero di centesimi' })
  minAmountCents?: number;

  @ApiPropertyOptional({ description: 'Importo massimo della posizione, in centesimi' })
  @IsOptional()
  @Type(() => Number)
  @Min(0, { message: 'maxAmountCents non può essere negativo' })
  @Max(MAX_CENTS, { message: `maxAmountCents può essere al massimo ${MAX_CENTS}` })
  @IsInt({ message: 'maxAmountCents deve essere un numero intero di centesimi' })
  maxAmountCents?: number;
}

export class ListPositionsQuery extends PositionFiltersQuery {
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

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportPositionsQuery extends PositionFiltersQuery {
  @ApiProperty({
    enum: EXPORT_FORMATS,
    description: 'csv (separato da punto e virgola, UTF-8 con BOM) o xlsx',
  })
  @IsIn(EXPORT_FORMATS, { message: 'format deve essere csv o xlsx' })
  format: ExportFormat;
}
