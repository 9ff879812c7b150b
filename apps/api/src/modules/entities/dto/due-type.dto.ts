import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AMOUNT_MODES,
  AmountMode,
  type CreateDueTypeRequest,
  type DueType,
  type DueTypeFormSchema,
  type DueTypePreset,
  type UpdateDueTypeRequest,
} from '@pagamenti/contracts';
import { IsTaxonomyCode, TrimToNull } from './validators';

const MAX_CENTS = 99_999_999_999;

const FORM_SCHEMA_EXAMPLE: DueTypeFormSchema = {
  type: 'object',
  title: 'Dati del permesso',
  properties: {
    targa: { type: 'string', title: 'Targa del veicolo', pattern: '^[A-Z0-9]{5,8}$' },
    zona: { type: 'string', title: 'Zona di sosta', maxLength: 40 },
  },
  required: ['targa'],
  additionalProperties: false,
};

const FORM_SCHEMA_DOC =
  'JSON Schema del modulo per il pagamento spontaneo: oggetto piatto con al massimo 30 campi string, integer, ' +
  'number o boolean; parole chiave ammesse title, description, pattern, minLength, maxLength, minimum, maximum, ' +
  'enum, format (date, email); niente $ref; al massimo 16 KB.';

export class DueTypeDto implements DueType {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({ example: 'PERMESSO_SOSTA' })
  code: string;

  @ApiProperty({ example: 'Permesso di sosta' })
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ example: '9/0115101TS/' })
  taxonomyCode: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Conto di accredito predefinito',
  })
  accountId: string | null;

  @ApiProperty({ enum: AMOUNT_MODES })
  amountMode: AmountMode;

  @ApiProperty({ type: Number, nullable: true, example: 3000, description: 'Centesimi' })
  fixedAmountCents: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  minAmountCents: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  maxAmountCents: number | null;

  @ApiProperty({ description: 'Pagabile spontaneamente dal portale (modalità "base")' })
  spontaneous: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: FORM_SCHEMA_EXAMPLE,
    description: FORM_SCHEMA_DOC,
  })
  formSchema: DueTypeFormSchema | null;

  @ApiProperty()
  debtorRequired: boolean;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'PERMESSO_SOSTA' })
  presetKey: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class DueTypePresetDto implements DueTypePreset {
  @ApiProperty({ example: 'PERMESSO_SOSTA' })
  key: string;

  @ApiProperty({ example: 'Permesso di sosta' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ example: 'PERMESSO_SOSTA' })
  code: string;

  @ApiProperty({ example: '9/0115101TS/' })
  taxonomyCode: string;

  @ApiProperty({ enum: AMOUNT_MODES })
  amountMode: AmountMode;

  @ApiProperty({ type: Number, nullable: true })
  fixedAmountCents: number | null;

  @ApiProperty({ type: Number, nullable: true })
  minAmountCents: number | null;

  @ApiProperty({ type: Number, nullable: true })
  maxAmountCents: number | null;

  @ApiProperty()
  spontaneous: boolean;

  @ApiProperty()
  debtorRequired: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: FORM_SCHEMA_EXAMPLE })
  formSchema: DueTypeFormSchema | null;
}

class DueTypeFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000, { message: 'description può avere al massimo 1000 caratteri' })
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'accountId deve essere l’id di un conto dell’ente' })
  accountId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3000,
    description: 'Centesimi, con amountMode FIXED',
  })
  @IsOptional()
  @IsInt({ message: 'fixedAmountCents deve essere un numero intero di centesimi' })
  @Min(1, { message: 'fixedAmountCents deve essere almeno 1 centesimo' })
  @Max(MAX_CENTS, { message: 'fixedAmountCents supera 999.999.999,99 €' })
  fixedAmountCents?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Centesimi, con amountMode FREE' })
  @IsOptional()
  @IsInt({ message: 'minAmountCents deve essere un numero intero di centesimi' })
  @Min(1, { message: 'minAmountCents deve essere almeno 1 centesimo' })
  @Max(MAX_CENTS, { message: 'minAmountCents supera 999.999.999,99 €' })
  minAmountCents?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Centesimi, con amountMode FREE' })
  @IsOptional()
  @IsInt({ message: 'maxAmountCents deve essere un numero intero di centesimi' })
  @Min(1, { message: 'maxAmountCents deve essere almeno 1 centesimo' })
  @Max(MAX_CENTS, { message: 'maxAmountCents supera 999.999.999,99 €' })
  maxAmountCents?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'spontaneous deve essere true o false' })
  spontaneous?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: FORM_SCHEMA_EXAMPLE,
    description: FORM_SCHEMA_DOC,
  })
  @IsOptional()
  @IsObject({ message: 'formSchema deve essere un oggetto JSON Schema' })
  formSchema?: DueTypeFormSchema | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'debtorRequired deve essere true o false' })
  debtorRequired?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active deve essere true o false' })
  active?: boolean;
}

export class UpdateDueTypeDto extends DueTypeFieldsDto implements UpdateDueTypeRequest {
  @ApiPropertyOptional({ example: 'Permesso di sosta' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'name è obbligatorio' })
  @MaxLength(100, { message: 'name può avere al massimo 100 caratteri' })
  name?: string;

  @ApiPropertyOptional({ example: '9/0115101TS/' })
  @IsOptional()
  @IsTaxonomyCode()
  taxonomyCode?: string;

  @ApiPropertyOptional({ enum: AMOUNT_MODES })
  @IsOptional()
  @IsIn(AMOUNT_MODES, { message: `amountMode deve essere uno tra ${AMOUNT_MODES.join(', ')}` })
  amountMode?: AmountMode;
}

export class CreateDueTypeDto extends DueTypeFieldsDto implements CreateDueTypeRequest {
  @ApiProperty({ example: 'PERMESSO_SOSTA', description: 'Univoco nell’ente: maiuscole, cifre, _ e -' })
  @Matches(/^[A-Z0-9_-]{1,35}$/, { message: 'code: maiuscole, cifre, _ e -, fino a 35 caratteri' })
  code: string;

  @ApiProperty({ example: 'Permesso di sosta' })
  @IsString({ message: 'name deve essere un testo' })
  @IsNotEmpty({ message: 'name è obbligatorio' })
  @MaxLength(100, { message: 'name può avere al massimo 100 caratteri' })
  name: string;

  @ApiProperty({ example: '9/0115101TS/', description: 'Codice tassonomico pagoPA (formato verificato)' })
  @IsTaxonomyCode()
  taxonomyCode: string;

  @ApiProperty({ enum: AMOUNT_MODES, example: AmountMode.Fixed })
  @IsIn(AMOUNT_MODES, { message: `amountMode deve essere uno tra ${AMOUNT_MODES.join(', ')}` })
  amountMode: AmountMode;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'PERMESSO_SOSTA',
    description: 'Il modello di partenza',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/, { message: 'presetKey non valido' })
  presetKey?: string | null;
}
