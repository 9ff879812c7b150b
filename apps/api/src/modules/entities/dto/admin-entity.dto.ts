import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type AdminEntitiesFilter,
  type ChecklistItem,
  type CreateEntityRequest,
  ENTITY_SERVICES,
  EntityCategory,
  type EntityDetail,
  type EntityListItem,
  type EntityPipeline,
  EntityService,
  NOTICE_LANGUAGES,
  type NoticeLanguage,
  ONBOARDING_STAGES,
  OnboardingStage,
  type OnboardingTransitionRecord,
  type OnboardingTransitionRequest,
  type Page,
  SERVICE_STATUSES,
  type ServiceActivation,
  ServiceStatus,
  type StationRef,
  type UpdateChecklistItemRequest,
  type UpdateEntityRequest,
  type UpdateServiceActivationRequest,
} from '@pagamenti/contracts';
import { EntitySummaryDto } from './entity-summary.dto';
import { IdParam } from './params';
import { IsEntityFiscalCode, TrimToNull, TrimUpper } from './validators';

const CATEGORIES = Object.values(EntityCategory);

export class AdminListEntitiesQuery implements AdminEntitiesFilter {
  @ApiPropertyOptional({ enum: ONBOARDING_STAGES, description: 'Solo gli enti in questa fase' })
  @IsOptional()
  @IsIn(ONBOARDING_STAGES, { message: `stage deve essere uno tra ${ONBOARDING_STAGES.join(', ')}` })
  stage?: OnboardingStage;

  @ApiPropertyOptional({ example: 'CH', description: 'Sigla della provincia' })
  @IsOptional()
  @TrimUpper()
  @Matches(/^[A-Z]{2}$/, { message: 'province deve essere una sigla di 2 lettere' })
  province?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `category deve essere uno tra ${CATEGORIES.join(', ')}` })
  category?: EntityCategory;

  @ApiPropertyOptional({ description: 'Parte del nome, codice fiscale o codice IPA', example: 'Pineto' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q può avere al massimo 100 caratteri' })
  q?: string;

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

export class PipelineQuery {
  @ApiPropertyOptional({ example: 'CH' })
  @IsOptional()
  @TrimUpper()
  @Matches(/^[A-Z]{2}$/, { message: 'province deve essere una sigla di 2 lettere' })
  province?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `category deve essere uno tra ${CATEGORIES.join(', ')}` })
  category?: EntityCategory;
}

export class EntityListItemDto extends EntitySummaryDto implements EntityListItem {
  @ApiProperty({ type: String, nullable: true, example: 'c_g687' })
  ipaCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '99000000010_01' })
  stationCode: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class EntityListPageDto implements Page<EntityListItem> {
  @ApiProperty({ type: [EntityListItemDto] })
  items: EntityListItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursore della pagina successiva; null sull’ultima.',
  })
  nextCursor: string | null;
}

export class EntityPipelineDto implements EntityPipeline {
  @ApiProperty({
    description: 'Numero di enti per fase (tutte le fasi, anche a zero)',
    example: {
      ADHESION_REQUESTED: 2,
      AGREEMENT_SIGNED: 1,
      CONFIGURATION: 2,
      TESTING: 2,
      PRODUCTION: 39,
      SUSPENDED: 1,
      WITHDRAWN: 0,
    },
  })
  byStage: Record<OnboardingStage, number>;

  @ApiProperty({ example: 47 })
  total: number;
}

export class StationRefDto implements StationRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '99000000010_01' })
  stationCode: string;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ enum: [1, 2] })
  primitiveVersion: number;
}

export class ChecklistItemDto implements ChecklistItem {
  @ApiProperty({ example: 'test-payment' })
  key: string;

  @ApiProperty({ enum: ONBOARDING_STAGES })
  stage: OnboardingStage;

  @ApiProperty({ example: 'Pagamento di prova completato' })
  label: string;

  @ApiProperty({ description: 'Vero se lo stato è ricavato dai dati dell’ente e non si spunta a mano' })
  automatic: boolean;

  @ApiProperty()
  done: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  doneBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class ServiceActivationDto implements ServiceActivation {
  @ApiProperty({ enum: ENTITY_SERVICES })
  service: EntityService;

  @ApiProperty({ enum: SERVICE_STATUSES })
  status: ServiceStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  updatedBy: string | null;
}

export class EntityDetailDto extends EntitySummaryDto implements EntityDetail {
  @ApiProperty({ type: String, nullable: true, example: 'c_g687' })
  ipaCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.comune.pineto.te.it/logo.png' })
  logoUrl: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ragioneria@comune.pineto.te.it' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'protocollo@pec.comune.pineto.te.it' })
  pec: string | null;

  @ApiProperty({ type: String, nullable: true, example: '085 9497111' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Maria Rossi' })
  referentName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '07', pattern: '^[0-9]{2}$' })
  segregationCode: string | null;

  @ApiProperty({ example: 3, minimum: 0, maximum: 3 })
  auxDigit: number;

  @ApiProperty({ type: StationRefDto, nullable: true })
  station: StationRefDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'A1B2C' })
  cbillCode: string | null;

  @ApiProperty({ enum: NOTICE_LANGUAGES, isArray: true, example: ['de'] })
  noticeLanguages: NoticeLanguage[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ enum: ONBOARDING_STAGES, isArray: true, example: ['TESTING', 'WITHDRAWN'] })
  allowedTransitions: OnboardingStage[];

  @ApiProperty({ enum: ONBOARDING_STAGES, nullable: true, example: OnboardingStage.Testing })
  nextStage: OnboardingStage | null;

  @ApiProperty({ type: [ChecklistItemDto] })
  checklist: ChecklistItemDto[];

  @ApiProperty({ type: [ServiceActivationDto] })
  services: ServiceActivationDto[];
}

/** The optional configuration fields shared by creation and update. `null` clears a field. */
export class EntityConfigFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'c_g687' })
  @IsOptional()
  @TrimToNull()
  @Matches(/^[A-Za-z0-9_]{2,20}$/, {
    message: 'ipaCode: codice IPA non valido (lettere, cifre e _, da 2 a 20)',
  })
  ipaCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.comune.pineto.te.it/logo.png' })
  @IsOptional()
  @TrimToNull()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'logoUrl deve essere un indirizzo https' },
  )
  @MaxLength(500, { message: 'logoUrl può avere al massimo 500 caratteri' })
  logoUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ragioneria@comune.pineto.te.it' })
  @IsOptional()
  @TrimToNull()
  @IsEmail({}, { message: 'email non valida' })
  @MaxLength(256, { message: 'email può avere al massimo 256 caratteri' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'protocollo@pec.comune.pineto.te.it' })
  @IsOptional()
  @TrimToNull()
  @IsEmail({}, { message: 'pec: indirizzo PEC non valido' })
  @MaxLength(256, { message: 'pec può avere al massimo 256 caratteri' })
  pec?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '085 9497111' })
  @IsOptional()
  @TrimToNull()
  @Matches(/^\+?[0-9 ./-]{6,30}$/, { message: 'phone: numero di telefono non valido' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Maria Rossi' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(200, { message: 'referentName può avere al massimo 200 caratteri' })
  referentName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '07', pattern: '^[0-9]{2}$' })
  @IsOptional()
  @TrimToNull()
  @Matches(/^[0-9]{2}$/, { message: 'segregationCode: il codice di segregazione ha 2 cifre' })
  segregationCode?: string | null;

  @ApiPropertyOptional({
    example: 3,
    minimum: 0,
    maximum: 3,
    description: 'Solo 3 per le nuove configurazioni',
  })
  @IsOptional()
  @IsInt({ message: 'auxDigit deve essere un numero intero' })
  @Min(0, { message: 'auxDigit deve essere tra 0 e 3' })
  @Max(3, { message: 'auxDigit deve essere tra 0 e 3' })
  auxDigit?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'stationId deve essere l’id di una stazione' })
  stationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'A1B2C' })
  @IsOptional()
  @TrimToNull()
  @TrimUpper()
  @Matches(/^[A-Z0-9]{5}$/, { message: 'cbillCode: il codice CBILL ha 5 caratteri alfanumerici' })
  cbillCode?: string | null;

  @ApiPropertyOptional({ enum: NOTICE_LANGUAGES, isArray: true, example: ['de'] })
  @IsOptional()
  @IsArray({ message: 'noticeLanguages deve essere un elenco' })
  @ArrayMaxSize(1, { message: 'noticeLanguages: l’avviso ammette una sola lingua oltre all’italiano' })
  @ArrayUnique({ message: 'noticeLanguages non può ripetere una lingua' })
  @IsIn(NOTICE_LANGUAGES, {
    each: true,
    message: `noticeLanguages: lingue ammesse ${NOTICE_LANGUAGES.join(', ')}`,
  })
  noticeLanguages?: NoticeLanguage[];
}

/** PATCH: every field optional; `null` clears an optional field. */
export class UpdateEntityDto extends EntityConfigFieldsDto implements UpdateEntityRequest {
  @ApiPropertyOptional({ example: 'Comune di Pineto', maxLength: 255 })
  @IsOptional()
  @IsString({ message: 'name deve essere un testo' })
  @IsNotEmpty({ message: 'name è obbligatorio' })
  @MaxLength(255, { message: 'name può avere al massimo 255 caratteri' })
  name?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `category deve essere uno tra ${CATEGORIES.join(', ')}` })
  category?: EntityCategory;

  @ApiPropertyOptional({ example: 'TE', pattern: '^[A-Z]{2}$' })
  @IsOptional()
  @TrimUpper()
  @Matches(/^[A-Z]{2}$/, { message: 'province deve essere una sigla di 2 lettere' })
  province?: string;
}

export class CreateEntityDto extends EntityConfigFieldsDto implements CreateEntityRequest {
  @ApiProperty({
    example: '99023040399',
    description: 'Codice fiscale ente (11 cifre, carattere di controllo)',
  })
  @IsString({ message: 'fiscalCode deve essere un testo' })
  @IsEntityFiscalCode()
  fiscalCode: string;

  @ApiProperty({ example: 'Comune di Pineto' })
  @IsString({ message: 'name deve essere un testo' })
  @IsNotEmpty({ message: 'name è obbligatorio' })
  @MaxLength(255, { message: 'name può avere al massimo 255 caratteri' })
  name: string;

  @ApiProperty({ enum: CATEGORIES, example: EntityCategory.Municipality })
  @IsIn(CATEGORIES, { message: `category deve essere uno tra ${CATEGORIES.join(', ')}` })
  category: EntityCategory;

  @ApiProperty({ example: 'TE', pattern: '^[A-Z]{2}$' })
  @TrimUpper()
  @Matches(/^[A-Z]{2}$/, { message: 'province deve essere una sigla di 2 lettere' })
  province: string;

  @ApiPropertyOptional({ example: 'Delibera di adesione n. 12 del 03/02/2025' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note può avere al massimo 2000 caratteri' })
  note?: string;
}

export class OnboardingTransitionDto implements OnboardingTransitionRequest {
  @ApiProperty({ enum: ONBOARDING_STAGES, example: OnboardingStage.Testing })
  @IsIn(ONBOARDING_STAGES, { message: `toStage deve essere uno tra ${ONBOARDING_STAGES.join(', ')}` })
  toStage: OnboardingStage;

  @ApiPropertyOptional({
    example: 'Configurazione completata, avvio del collaudo',
    description: 'Obbligatoria per sospensione, ripresa, recesso e ritorno a una fase precedente',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000, { message: 'note può avere al massimo 2000 caratteri' })
  note?: string;
}

export class OnboardingTransitionRecordDto implements OnboardingTransitionRecord {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ONBOARDING_STAGES, nullable: true })
  fromStage: OnboardingStage | null;

  @ApiProperty({ enum: ONBOARDING_STAGES })
  toStage: OnboardingStage;

  @ApiProperty({
    example: 'MRNGPP81B20A345W',
    description: 'Chi ha eseguito il passaggio: codice fiscale della persona autenticata, o la chiave API',
  })
  actor: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class UpdateChecklistItemDto implements UpdateChecklistItemRequest {
  @ApiProperty({ example: true })
  @IsBoolean({ message: 'done deve essere true o false' })
  done: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Verbale di collaudo del 12/03/2025' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000, { message: 'note può avere al massimo 2000 caratteri' })
  note?: string | null;
}

export class UpdateServiceActivationDto implements UpdateServiceActivationRequest {
  @ApiProperty({ enum: SERVICE_STATUSES, example: ServiceStatus.Active })
  @IsIn(SERVICE_STATUSES, { message: `status deve essere uno tra ${SERVICE_STATUSES.join(', ')}` })
  status: ServiceStatus;
}

export class ServiceParam extends IdParam {
  @ApiProperty({ enum: ENTITY_SERVICES })
  @IsIn(ENTITY_SERVICES, { message: `service deve essere uno tra ${ENTITY_SERVICES.join(', ')}` })
  service: EntityService;
}
