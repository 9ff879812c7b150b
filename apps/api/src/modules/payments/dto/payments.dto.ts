import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AMOUNT_MODES,
  type AmountMode,
  type CheckoutRequest,
  type CheckoutReturnUrls,
  type CheckoutStarted,
  type DebtorType,
  type DueTypeFormSchema,
  MAX_CART_NOTICES,
  type MyPaymentOption,
  type MyPosition,
  type MyReceipt,
  type MyReceiptsQuery,
  type NoticePayability,
  type NoticeReference,
  type Page,
  type PaymentAttempt,
  type PaymentAttemptNotice,
  type PaymentAttemptReceipt,
  type PaymentAttemptStatus,
  POSITION_STATUSES,
  type PortalCheckoutRequest,
  type PositionStatus,
  type PublicNotice,
  type SpontaneousDebtor,
  type SpontaneousPaymentRequest,
  type SpontaneousPaymentStarted,
  type SpontaneousService,
  type SpontaneousServiceDetail,
  type SpontaneousServicesQuery,
} from '@pagamenti/contracts';

const PAYABILITIES: NoticePayability[] = ['PAYABLE', 'PAID', 'EXPIRED', 'CANCELLED', 'UNKNOWN'];
const ATTEMPT_STATUSES: PaymentAttemptStatus[] = ['IN_CORSO', 'PAGATO', 'ANNULLATO', 'ERRORE'];
const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;
const EMAIL_MESSAGE = 'Inserisci un indirizzo e-mail valido.';
const compact = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, '') : value;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const optionalInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

// ---------------------------------------------------------------- requests

export class NoticeParam implements NoticeReference {
  @ApiProperty({
    example: '99023040399',
    pattern: '^[0-9]{11}$',
    description: 'Codice fiscale dell’ente creditore',
  })
  @Matches(/^\d{11}$/, { message: 'Inserisci 11 cifre.' })
  entityFiscalCode: string;

  @ApiProperty({ example: '307000000000000123', pattern: '^[0-9]{18}$', description: 'Codice avviso' })
  @Transform(compact)
  @Matches(/^\d{18}$/, { message: 'Inserisci 18 cifre.' })
  noticeNumber: string;
}

export class NoticeReferenceDto extends NoticeParam {}

export class CheckoutDto implements CheckoutRequest {
  @ApiProperty({ type: [NoticeReferenceDto], minItems: 1, maxItems: MAX_CART_NOTICES })
  @IsArray({ message: 'notices deve essere un elenco di avvisi.' })
  @ArrayMinSize(1, { message: 'Indica almeno un avviso.' })
  @ArrayMaxSize(MAX_CART_NOTICES, { message: `Puoi pagare fino a ${MAX_CART_NOTICES} avvisi insieme.` })
  @ValidateNested({ each: true })
  @Type(() => NoticeReferenceDto)
  notices: NoticeReferenceDto[];

  @ApiPropertyOptional({
    example: 'mario.rossi@example.it',
    description: 'Dove Checkout invia l’esito; non è conservata',
  })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(256, { message: EMAIL_MESSAGE })
  @Matches(EMAIL, { message: EMAIL_MESSAGE })
  email?: string;
}

export class ReturnUrlsDto implements CheckoutReturnUrls {
  @ApiProperty({ example: 'https://www.comune.pineto.te.it/pagamenti/esito?esito=ok' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'URL http(s) non valido.' },
  )
  @MaxLength(2000)
  returnOkUrl: string;

  @ApiProperty({ example: 'https://www.comune.pineto.te.it/pagamenti/esito?esito=annullato' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'URL http(s) non valido.' },
  )
  @MaxLength(2000)
  returnCancelUrl: string;

  @ApiProperty({ example: 'https://www.comune.pineto.te.it/pagamenti/esito?esito=errore' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'URL http(s) non valido.' },
  )
  @MaxLength(2000)
  returnErrorUrl: string;
}

export class PortalNoticeDto {
  @ApiProperty({ example: '307000000000000123', pattern: '^[0-9]{18}$' })
  @Transform(compact)
  @Matches(/^\d{18}$/, { message: 'Inserisci 18 cifre.' })
  noticeNumber: string;
}

export class PortalCheckoutDto implements PortalCheckoutRequest {
  @ApiProperty({
    type: [PortalNoticeDto],
    minItems: 1,
    maxItems: MAX_CART_NOTICES,
    description: 'Avvisi dell’ente della chiave API',
  })
  @IsArray({ message: 'notices deve essere un elenco di avvisi.' })
  @ArrayMinSize(1, { message: 'Indica almeno un avviso.' })
  @ArrayMaxSize(MAX_CART_NOTICES, { message: `Al massimo ${MAX_CART_NOTICES} avvisi per carrello.` })
  @ValidateNested({ each: true })
  @Type(() => PortalNoticeDto)
  notices: PortalNoticeDto[];

  @ApiProperty({ type: ReturnUrlsDto })
  @ValidateNested()
  @Type(() => ReturnUrlsDto)
  @IsObject({ message: 'returnUrls è obbligatorio.' })
  returnUrls: ReturnUrlsDto;

  @ApiPropertyOptional({ example: 'mario.rossi@example.it' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(256, { message: EMAIL_MESSAGE })
  @Matches(EMAIL, { message: EMAIL_MESSAGE })
  email?: string;
}

export class ReferenceParam {
  @ApiProperty({
    example: 'q3Zt0mH1yW8c2V6bX9aL4sR7uE5nK0pD',
    description: 'Riferimento del pagamento (32 caratteri)',
  })
  @Matches(/^[A-Za-z0-9_-]{32}$/, { message: 'Riferimento del pagamento non valido.' })
  reference: string;
}

export class ReferenceReceiptParam extends ReferenceParam {
  @ApiProperty({ format: 'uuid', description: 'Identificativo della ricevuta (id restituito nello stato)' })
  @IsUUID('all', { message: 'receiptId deve essere un UUID.' })
  receiptId: string;
}

export class DeclareOutcomeDto {
  @ApiProperty({
    enum: ['CANCELLED', 'ERROR'],
    description: 'L’URL di ritorno da cui il cittadino è rientrato',
  })
  @IsIn(['CANCELLED', 'ERROR'], { message: 'outcome deve essere CANCELLED o ERROR.' })
  outcome: 'CANCELLED' | 'ERROR';
}

export class SpontaneousServicesQueryDto implements SpontaneousServicesQuery {
  @ApiPropertyOptional({ example: 'mensa', description: 'Parole del nome del servizio o dell’ente' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '99023040399', description: 'Ente: id, codice fiscale o parte del nome' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;
}

export class DueTypeIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'dueTypeId deve essere un UUID.' })
  dueTypeId: string;
}

export class SpontaneousDebtorDto implements SpontaneousDebtor {
  @ApiProperty({ enum: ['F', 'G'], description: 'F persona fisica, G persona giuridica' })
  @IsIn(['F', 'G'], { message: 'Scegli persona fisica o giuridica.' })
  type: DebtorType;

  @ApiProperty({ example: 'RSSMRA80A01H501U', description: 'Codice fiscale o partita IVA' })
  @Transform(compact)
  @Matches(/^([A-Za-z0-9]{16}|\d{11})$/, { message: 'Il codice fiscale non è corretto.' })
  idValue: string;

  @ApiProperty({ example: 'Mario Rossi', maxLength: 140 })
  @Transform(trimmed)
  @IsString()
  @MinLength(2, { message: 'Inserisci nome e cognome, o la ragione sociale.' })
  @MaxLength(140, { message: 'Al massimo 140 caratteri.' })
  name: string;

  @ApiPropertyOptional({ example: 'mario.rossi@example.it' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(256, { message: EMAIL_MESSAGE })
  @Matches(EMAIL, { message: EMAIL_MESSAGE })
  email?: string;
}

export class SpontaneousPaymentDto implements SpontaneousPaymentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'dueTypeId deve essere un UUID.' })
  dueTypeId: string;

  @ApiPropertyOptional({
    type: SpontaneousDebtorDto,
    description: 'Chi deve pagare; assente: la persona collegata (o anonimo, se il servizio lo consente)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpontaneousDebtorDto)
  debtor?: SpontaneousDebtorDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { targa: 'AB123CD', zona: 'Centro' },
    description: 'Valori del modulo del servizio, controllati con il suo JSON Schema',
  })
  @IsObject({ message: 'formValues deve essere un oggetto.' })
  formValues: Record<string, string | number | boolean>;

  @ApiPropertyOptional({ example: 2500, description: 'Importo in centesimi, per i servizi a importo libero' })
  @IsOptional()
  @IsInt({ message: 'Importo non valido.' })
  @Min(1, { message: 'Importo non valido.' })
  amountCents?: number;

  @ApiPropertyOptional({ example: 'mario.rossi@example.it' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(256, { message: EMAIL_MESSAGE })
  @Matches(EMAIL, { message: EMAIL_MESSAGE })
  email?: string;
}

export class MyPositionIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'positionId deve essere un UUID.' })
  positionId: string;
}

export class MyReceiptParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'receiptId deve essere un UUID.' })
  receiptId: string;
}

export class MyReceiptsQueryDto implements MyReceiptsQuery {
  @ApiPropertyOptional({ description: 'Codice fiscale dell’ente (11 cifre) o parte del nome' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Pagate dal giorno (ora italiana)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Data nel formato AAAA-MM-GG.' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Pagate fino al giorno incluso' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Data nel formato AAAA-MM-GG.' })
  to?: string;

  @ApiPropertyOptional({ example: 1000 })
  @IsOptional()
  @Transform(optionalInt)
  @IsInt({ message: 'Importo in centesimi non valido.' })
  @Min(0)
  minAmountCents?: number;

  @ApiPropertyOptional({ example: 50000 })
  @IsOptional()
  @Transform(optionalInt)
  @IsInt({ message: 'Importo in centesimi non valido.' })
  @Min(0)
  maxAmountCents?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(optionalInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor della pagina precedente' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

// ---------------------------------------------------------------- responses

export class PublicNoticeDto implements PublicNotice {
  @ApiProperty({ example: '307000000000000123' }) noticeNumber: string;
  @ApiProperty({ example: '99023040399' }) entityFiscalCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Comune di Pineto' }) entityName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'TARI 2026' }) description: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 31200 }) amountCents: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-06-16' }) dueDate: string | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) installment: number | null;
  @ApiProperty({ enum: PAYABILITIES }) payability: NoticePayability;
  @ApiProperty({ example: 'da pagare' }) payabilityLabel: string;
  @ApiProperty({ example: 'Puoi pagare questo avviso online con pagoPA.' }) message: string;
  @ApiProperty() paymentInProgress: boolean;
}

export class CheckoutStartedDto implements CheckoutStarted {
  @ApiProperty({ example: 'https://checkout.pagopa.it/c/3f8b…' }) checkoutUrl: string;
  @ApiProperty({ example: 'q3Zt0mH1yW8c2V6bX9aL4sR7uE5nK0pD' }) reference: string;
}

export class PaymentAttemptNoticeDto implements PaymentAttemptNotice {
  @ApiProperty() noticeNumber: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty() entityName: string;
  @ApiProperty() description: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) receiptId: string | null;
}

export class PaymentAttemptReceiptDto implements PaymentAttemptReceipt {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() receiptId: string;
  @ApiProperty() noticeNumber: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty() companyName: string;
  @ApiProperty() description: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ type: Number, nullable: true }) feeCents: number | null;
  @ApiProperty() paidAt: string;
  @ApiProperty() pspCompanyName: string;
}

export class PaymentAttemptDto implements PaymentAttempt {
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status: PaymentAttemptStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty() totalAmountCents: number;
  @ApiProperty({ type: [PaymentAttemptNoticeDto] }) notices: PaymentAttemptNoticeDto[];
  @ApiProperty({ type: [PaymentAttemptReceiptDto] }) receipts: PaymentAttemptReceiptDto[];
}

export class SpontaneousServiceDto implements SpontaneousService {
  @ApiProperty({ format: 'uuid' }) dueTypeId: string;
  @ApiProperty({ example: 'PERMESSO_SOSTA' }) code: string;
  @ApiProperty({ example: 'Permesso di sosta' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: '99023040399' }) entityFiscalCode: string;
  @ApiProperty({ example: 'Comune di Pineto' }) entityName: string;
  @ApiProperty({ enum: AMOUNT_MODES }) amountMode: AmountMode;
  @ApiProperty({ type: Number, nullable: true }) fixedAmountCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) minAmountCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAmountCents: number | null;
}

export class SpontaneousServiceDetailDto extends SpontaneousServiceDto implements SpontaneousServiceDetail {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'JSON Schema del modulo',
  })
  formSchema: DueTypeFormSchema | null;

  @ApiProperty() debtorRequired: boolean;
}

export class SpontaneousPaymentStartedDto extends CheckoutStartedDto implements SpontaneousPaymentStarted {
  @ApiProperty() noticeNumber: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty() amountCents: number;
}

export class MyPaymentOptionDto implements MyPaymentOption {
  @ApiProperty() noticeNumber: string;
  @ApiProperty({ type: Number, nullable: true }) installment: number | null;
  @ApiProperty() amountCents: number;
  @ApiProperty() dueDate: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PAYABILITIES }) payability: NoticePayability;
  @ApiProperty() payabilityLabel: string;
  @ApiProperty() paymentInProgress: boolean;
  @ApiProperty({ type: String, nullable: true }) paidAt: string | null;
}

export class MyPositionDto implements MyPosition {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty() entityName: string;
  @ApiProperty() dueTypeName: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: POSITION_STATUSES }) status: PositionStatus;
  @ApiProperty() amountCents: number;
  @ApiProperty() paidCents: number;
  @ApiProperty({ type: [MyPaymentOptionDto] }) options: MyPaymentOptionDto[];
  @ApiProperty() updatedAt: string;
}

export class MyReceiptDto implements MyReceipt {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() receiptId: string;
  @ApiProperty() noticeNumber: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty() companyName: string;
  @ApiProperty() description: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ type: Number, nullable: true }) feeCents: number | null;
  @ApiProperty() paidAt: string;
  @ApiProperty() pspCompanyName: string;
  @ApiProperty() debtorName: string;
  @ApiProperty({ enum: ['DEBTOR', 'PAYER', 'BOTH'] }) role: 'DEBTOR' | 'PAYER' | 'BOTH';
}

export class MyReceiptPageDto implements Page<MyReceipt> {
  @ApiProperty({ type: [MyReceiptDto] }) items: MyReceiptDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
