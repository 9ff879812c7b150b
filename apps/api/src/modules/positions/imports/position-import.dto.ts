import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type PositionImport,
  type PositionImportCounts,
  type PositionImportFormat,
  PositionImportStatus,
} from '@pagamenti/contracts';
import { EntityParam } from '../../entities/dto/params';

export class PositionImportParam extends EntityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id deve essere un UUID' })
  id: string;
}

export class DueTypeTemplateParam extends EntityParam {
  @ApiProperty({ example: 'TARI', description: 'Codice del tipo dovuto' })
  @Matches(/^[A-Za-z0-9._-]{1,35}$/, { message: 'code deve essere il codice di un tipo dovuto' })
  code: string;
}

export class UploadPositionImportQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Verifica ogni riga e scrive solo il rapporto, senza creare né modificare posizioni',
  })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsBoolean({ message: 'dryRun deve essere true o false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ example: 'tari-2026.csv', description: 'Nome del file (per corpi non multipart)' })
  @IsOptional()
  @IsString({ message: 'fileName deve essere un testo' })
  @MaxLength(255, { message: 'fileName può avere al massimo 255 caratteri' })
  fileName?: string;
}

export class ListPositionImportsQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit deve essere un intero' })
  @Min(1, { message: 'limit deve essere almeno 1' })
  @Max(100, { message: 'limit può essere al massimo 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor della pagina precedente' })
  @IsOptional()
  @IsString({ message: 'cursor deve essere un testo' })
  @MaxLength(200, { message: 'cursor non valido' })
  cursor?: string;
}

export class PositionImportCountsDto implements PositionImportCounts {
  @ApiProperty({ description: 'Posizioni create (verifica: che sarebbero create)' })
  created: number;
  @ApiProperty()
  updated: number;
  @ApiProperty()
  cancelled: number;
  @ApiProperty({
    description: 'Già presenti con lo stesso IUPD e gli stessi dati (ricaricamento): lasciate come sono',
  })
  unchanged: number;
  @ApiProperty({ description: 'Righe rifiutate, ciascuna con il motivo nel rapporto errori' })
  failedRows: number;
}

export class PositionImportDto implements PositionImport {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  @ApiProperty({ enum: Object.values(PositionImportStatus), example: 'RUNNING' })
  status: PositionImport['status'];
  @ApiProperty()
  dryRun: boolean;
  @ApiProperty({ enum: ['CSV', 'JSON'] })
  format: PositionImportFormat;
  @ApiProperty({ type: String, nullable: true, example: 'tari-2026.csv' })
  fileName: string | null;
  @ApiProperty({ example: 48_213_004 })
  sizeBytes: number;
  @ApiProperty({ example: '9f2c…' })
  sha256: string;
  @ApiProperty({ type: String, nullable: true, example: 'UTF-8 con BOM' })
  encoding: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'punto e virgola' })
  separator: string | null;
  @ApiProperty({ example: 250_000 })
  totalRows: number;
  @ApiProperty({ example: 120_000 })
  rowsDone: number;
  @ApiProperty({ type: PositionImportCountsDto })
  counts: PositionImportCountsDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Il problema del file che ha fermato il caricamento',
  })
  error: string | null;
  @ApiProperty({ type: [String] })
  warnings: string[];
  @ApiProperty({ example: 'FRRNNA90E50A345B' })
  createdBy: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 12 })
  estimatedSecondsLeft: number | null;
}

export class PositionImportPageDto {
  @ApiProperty({ type: [PositionImportDto] })
  items: PositionImportDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
