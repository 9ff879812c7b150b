import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  type CreateStationRequest,
  type Station,
  STATION_ENVIRONMENTS,
  StationEnvironment,
  type UpdateStationRequest,
} from '@pagamenti/contracts';
import { TrimToNull } from './validators';

export class StationDto implements Station {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '99000000010_01', description: 'idStation' })
  stationCode: string;

  @ApiProperty({ example: '99000000010', description: 'idBrokerPA' })
  brokerCode: string;

  @ApiProperty({ example: 'Stazione principale di produzione' })
  description: string;

  @ApiProperty({ enum: [1, 2], example: 2 })
  primitiveVersion: 1 | 2;

  @ApiProperty({ description: 'Riceve le ricevute in broadcast' })
  broadcast: boolean;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ enum: STATION_ENVIRONMENTS })
  environment: StationEnvironment;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://api.platform.pagopa.it/nodo-auth/node-for-pa/v1',
  })
  nodeEndpointUrl: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://pagamenti.regione.abruzzo.it/pagopa/paForNode',
  })
  stationEndpointUrl: string | null;

  @ApiProperty({ description: 'Vero se la password della stazione è registrata (non viene mai restituita)' })
  passwordSet: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'a9f3',
    description: 'Ultimi 4 caratteri della chiave',
  })
  subscriptionKeyHint: string | null;

  @ApiProperty({ example: 12 })
  entitiesCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

class StationFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'broadcast deve essere true o false' })
  broadcast?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'enabled deve essere true o false' })
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'nodeEndpointUrl deve essere un URL' },
  )
  @MaxLength(500)
  nodeEndpointUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'stationEndpointUrl deve essere un URL' },
  )
  @MaxLength(500)
  stationEndpointUrl?: string | null;

  @ApiPropertyOptional({
    writeOnly: true,
    example: 'Pa55word!',
    description: 'Password della stazione (8–15 caratteri), cifrata a riposo',
  })
  @IsOptional()
  @IsString()
  @Length(8, 15, { message: 'password: la password della stazione ha da 8 a 15 caratteri' })
  password?: string;

  @ApiPropertyOptional({
    writeOnly: true,
    description: 'Chiave di sottoscrizione del nodo, cifrata a riposo',
  })
  @IsOptional()
  @IsString()
  @Length(16, 128, { message: 'subscriptionKey: da 16 a 128 caratteri' })
  subscriptionKey?: string;
}

export class UpdateStationDto extends StationFieldsDto implements UpdateStationRequest {
  @ApiPropertyOptional({ enum: STATION_ENVIRONMENTS })
  @IsOptional()
  @IsIn(STATION_ENVIRONMENTS, {
    message: `environment deve essere uno tra ${STATION_ENVIRONMENTS.join(', ')}`,
  })
  environment?: StationEnvironment;

  @ApiPropertyOptional({ example: '99000000010' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,35}$/, { message: 'brokerCode: idBrokerPA non valido (fino a 35 caratteri)' })
  brokerCode?: string;

  @ApiPropertyOptional({ example: 'Stazione principale di produzione' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'description è obbligatoria' })
  @MaxLength(255, { message: 'description può avere al massimo 255 caratteri' })
  description?: string;

  @ApiPropertyOptional({ enum: [1, 2], example: 2 })
  @IsOptional()
  @IsIn([1, 2], { message: 'primitiveVersion deve essere 1 o 2' })
  primitiveVersion?: 1 | 2;
}

export class CreateStationDto extends StationFieldsDto implements CreateStationRequest {
  @ApiProperty({ example: '99000000010_03', description: 'idStation, di norma <idBrokerPA>_NN' })
  @Matches(/^[A-Za-z0-9_-]{1,35}$/, {
    message: 'stationCode: idStation non valido (lettere, cifre, _ e -, fino a 35)',
  })
  stationCode: string;

  @ApiProperty({ example: '99000000010' })
  @Matches(/^[A-Za-z0-9_-]{1,35}$/, { message: 'brokerCode: idBrokerPA non valido (fino a 35 caratteri)' })
  brokerCode: string;

  @ApiProperty({ example: 'Stazione di collaudo' })
  @IsString()
  @IsNotEmpty({ message: 'description è obbligatoria' })
  @MaxLength(255, { message: 'description può avere al massimo 255 caratteri' })
  description: string;

  @ApiProperty({ enum: [1, 2], example: 2 })
  @IsIn([1, 2], { message: 'primitiveVersion deve essere 1 o 2' })
  primitiveVersion: 1 | 2;

  @ApiProperty({ enum: STATION_ENVIRONMENTS, example: StationEnvironment.Test })
  @IsIn(STATION_ENVIRONMENTS, {
    message: `environment deve essere uno tra ${STATION_ENVIRONMENTS.join(', ')}`,
  })
  environment: StationEnvironment;
}
