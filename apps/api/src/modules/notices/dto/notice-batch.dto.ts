import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PositionFiltersQuery } from '../../positions/dto/list-positions.query';
import { EntityParam } from '../../entities/dto/params';
import { MAX_BATCH_NOTICES } from '../batches/notice-batch.handler';
import type { NoticeBatchView } from '../notices.service';

export class CreateNoticeBatchDto {
  @ApiProperty({
    enum: ['pdf', 'zip'],
    description: 'Un PDF unico con tutti gli avvisi, o uno ZIP con un PDF per avviso',
  })
  @IsIn(['pdf', 'zip'], { message: 'format deve essere pdf o zip' })
  format: 'pdf' | 'zip';

  @ApiPropertyOptional({
    type: PositionFiltersQuery,
    description: 'Le posizioni che l’elenco mostra con questi filtri ({} = tutte)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositionFiltersQuery)
  filters?: PositionFiltersQuery;

  @ApiPropertyOptional({ type: [String], example: ['TARI-2026-000123'], description: 'IUPD delle posizioni' })
  @IsOptional()
  @IsArray({ message: 'iupds deve essere un elenco' })
  @ArrayMinSize(1, { message: 'iupds non può essere vuoto' })
  @ArrayMaxSize(MAX_BATCH_NOTICES, { message: `iupds può avere al massimo ${MAX_BATCH_NOTICES} elementi` })
  @Matches(/^[A-Za-z0-9._-]{1,70}$/, { each: true, message: 'iupds contiene un IUPD non valido' })
  iupds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Le posizioni create da un caricamento massivo' })
  @IsOptional()
  @IsUUID('all', { message: 'importId deve essere un UUID' })
  importId?: string;
}

export class NoticeBatchDto implements NoticeBatchView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pdf', 'zip'] }) format: 'pdf' | 'zip';
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  @ApiProperty({ type: Number, nullable: true, description: 'Posizioni scelte (nota dopo l’avvio)' })
  total: number | null;
  @ApiProperty({ description: 'Posizioni trattate: stampate o saltate' }) done: number;
  @ApiProperty({ description: 'Posizioni saltate: nulla da pagare (pagate, annullate, bozze…)' })
  skipped: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Pagine del PDF unico' }) pages: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Secondi stimati alla fine' })
  secondsLeft: number | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Perché la stampa non è riuscita' })
  error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class NoticeBatchParam extends EntityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'batchId deve essere un UUID' })
  batchId: string;
}

export class ReceiptParam extends EntityParam {
  @ApiProperty({ description: 'Identificativo della ricevuta (receiptId di pagoPA)' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'receiptId non valido' })
  receiptId: string;
}

export class MyPositionParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'positionId deve essere un UUID' })
  positionId: string;
}
