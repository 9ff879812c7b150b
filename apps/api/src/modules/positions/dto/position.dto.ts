import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CancelDebtPositionRequest,
  type CreateDebtPositionRequest,
  type DebtPosition,
  type DebtPositionSummary,
  type Debtor,
  type DebtorType,
  type MetadataEntry,
  type Page,
  type PaymentOption,
  type PaymentOptionInput,
  type PaymentOptionStatus,
  POSITION_STATUSES,
  type PositionHistoryEntry,
  type PositionStatus,
  type Transfer,
  type TransferInput,
  type UpdateDebtPositionRequest,
} from '@pagamenti/contracts';

/*
 * OpenAPI documentation of the positions API. Request bodies are not validated by class-validator: the domain
 * validation of libs/pagopa checks them (the same rules as the bulk upload) and names every bad field as
 * `options[1].transfers[0].iban`; see positions.service.ts.
 */

export class MetadataEntryDto implements MetadataEntry {
  @ApiProperty({ example: 'RC_AC_1', maxLength: 140 })
  key: string;

  @ApiProperty({ example: '2026', maxLength: 140 })
  value: string;
}

export class StampDto {
  @ApiProperty({ example: '01', description: 'Tipo di marca da bollo, 2 cifre' })
  type: string;

  @ApiProperty({
    example: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=',
    description: 'SHA-256 del documento, base64',
  })
  hashDocument: string;

  @ApiProperty({ example: 'TE', description: 'Provincia di residenza, sigla' })
  province: string;
}

export class DebtorDto implements Debtor {
  @ApiProperty({ enum: ['F', 'G'], description: 'F persona fisica, G persona giuridica' })
  type: DebtorType;

  @ApiProperty({
    example: 'RSSMRA80A01H501U',
    description: 'Codice fiscale (16, con carattere di controllo) o partita IVA (11 cifre), oppure ANONIMO',
  })
  idValue: string;

  @ApiProperty({ example: 'Mario Rossi', maxLength: 140 })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Via Roma', maxLength: 70 })
  streetName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '12', maxLength: 16 })
  civicNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '64025', maxLength: 16 })
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Pineto', maxLength: 35 })
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'TE' })
  province?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'IT' })
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'mario.rossi@example.it' })
  email?: string | null;
}

export class TransferInputDto implements TransferInput {
  @ApiPropertyOptional({ example: '99023040399', description: 'Predefinito: l’ente della posizione' })
  beneficiaryFiscalCode?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'IT22Q0538715400000000122286',
    description: 'Predefinito (per l’ente stesso): il conto del tipo dovuto. Alternativo a stamp',
  })
  iban?: string | null;

  @ApiPropertyOptional({
    type: StampDto,
    nullable: true,
    description: 'Marca da bollo digitale, alternativa a iban',
  })
  stamp?: StampDto | null;

  @ApiPropertyOptional({ example: '9/0101101IM/', description: 'Predefinito: la tassonomia del tipo dovuto' })
  category?: string;

  @ApiPropertyOptional({ example: 'TARI 2026', description: 'Predefinito: la descrizione dell’opzione' })
  remittanceInformation?: string;

  @ApiProperty({ example: 28500, description: 'Centesimi; i versamenti sommano all’importo dell’opzione' })
  amountCents: number;

  @ApiPropertyOptional({ type: [MetadataEntryDto] })
  metadata?: MetadataEntryDto[];
}

export class PaymentOptionInputDto implements PaymentOptionInput {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: null,
    description: 'Vuoto: pagamento unico; 1..n: rata (almeno 2 rate, numerate senza salti)',
  })
  installment?: number | null;

  @ApiProperty({ example: 30000, description: 'Centesimi, da 1 a 99999999999' })
  amountCents: number;

  @ApiProperty({ format: 'date', example: '2026-06-30' })
  dueDate: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Fino a quando si può pagare; predefinita la scadenza, non prima di essa',
  })
  validityDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  retentionDate?: string | null;

  @ApiPropertyOptional({ example: 'TARI 2026 - unica soluzione', description: 'Predefinita: la descrizione' })
  description?: string;

  @ApiPropertyOptional({
    type: [TransferInputDto],
    description: 'Da 1 a 5. Assenti: un versamento di tutto l’importo all’ente sul conto del tipo dovuto',
  })
  transfers?: TransferInputDto[];
}

export const TARI_EXAMPLE: CreateDebtPositionRequest = {
  iupd: 'TARI-2026-000123',
  dueTypeCode: 'TARI',
  debtor: { type: 'F', idValue: 'RSSMRA80A01H501U', name: 'Mario Rossi', email: 'mario.rossi@example.it' },
  description: 'TARI 2026 - utenza domestica',
  metadata: [{ key: 'RC_AC_1', value: '2026' }],
  options: [
    {
      amountCents: 30000,
      dueDate: '2026-06-30',
      transfers: [
        { amountCents: 28500 },
        {
          beneficiaryFiscalCode: '99049220017',
          iban: 'IT60X0542811101000000123456',
          category: '9/0201102IM/',
          remittanceInformation: 'TEFA 2026',
          amountCents: 1500,
        },
      ],
    },
    { installment: 1, amountCents: 10000, dueDate: '2026-06-30' },
    { installment: 2, amountCents: 10000, dueDate: '2026-09-30' },
    { installment: 3, amountCents: 10000, dueDate: '2026-12-31' },
  ],
};

export class CreateDebtPositionDto implements CreateDebtPositionRequest {
  @ApiPropertyOptional({
    example: 'TARI-2026-000123',
    description: 'Unico nell’ente; 1-70 tra lettere, cifre, . _ -. Assente: IUPD-<IUV della prima opzione>',
  })
  iupd?: string;

  @ApiProperty({ example: 'TARI', description: 'Codice del tipo dovuto nel catalogo dell’ente' })
  dueTypeCode: string;

  @ApiProperty({ type: DebtorDto })
  debtor: DebtorDto;

  @ApiProperty({
    example: 'TARI 2026 - utenza domestica',
    description: 'Senza dati personali: arriva ai PSP',
  })
  description: string;

  @ApiPropertyOptional({ type: [MetadataEntryDto], description: 'Al massimo 10 coppie' })
  metadata?: MetadataEntryDto[];

  @ApiProperty({
    type: [PaymentOptionInputDto],
    description: 'Pagamento unico e/o rate; almeno un’opzione ancora pagabile oggi',
  })
  options: PaymentOptionInputDto[];

  @ApiPropertyOptional({ default: true, description: 'false: resta in bozza (non pagabile) fino a publish' })
  publish?: boolean;
}

export class UpdateDebtPositionDto implements UpdateDebtPositionRequest {
  @ApiProperty({ type: DebtorDto })
  debtor: DebtorDto;

  @ApiProperty({ example: 'TARI 2026 - utenza domestica' })
  description: string;

  @ApiPropertyOptional({ type: [MetadataEntryDto] })
  metadata?: MetadataEntryDto[];

  @ApiProperty({
    type: [PaymentOptionInputDto],
    description:
      'L’elenco completo: le opzioni con lo stesso numero di rata (o il pagamento unico) mantengono numero avviso e IUV; ' +
      'le nuove ricevono numeri nuovi; quelle tolte non sono più pagabili e i loro numeri non vengono riusati',
  })
  options: PaymentOptionInputDto[];

  @ApiPropertyOptional({ example: 1, description: 'La versione letta: se nel frattempo è cambiata, 409' })
  version?: number;
}

export class CancelDebtPositionDto implements CancelDebtPositionRequest {
  @ApiProperty({ example: 'Emessa per errore: utenza cessata nel 2025', minLength: 3, maxLength: 500 })
  reason: string;
}

export class TransferDto implements Transfer {
  @ApiProperty({ example: 1 })
  index: number;

  @ApiProperty({ example: '99023040399' })
  beneficiaryFiscalCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'IT22Q0538715400000000122286' })
  iban: string | null;

  @ApiProperty({ description: 'IBAN di Poste Italiane (stampato nella sezione bollettino dell’avviso)' })
  postalIban: boolean;

  @ApiProperty({ type: StampDto, nullable: true })
  stamp: StampDto | null;

  @ApiProperty({ example: '9/0101101IM/' })
  category: string;

  @ApiProperty({ example: 'TARI 2026' })
  remittanceInformation: string;

  @ApiProperty({ example: 28500 })
  amountCents: number;

  @ApiPropertyOptional({ type: [MetadataEntryDto] })
  metadata?: MetadataEntryDto[];
}

export class PaymentOptionDto implements PaymentOption {
  @ApiProperty({ example: '307000000000001234', description: 'Numero avviso, 18 cifre (cifra ausiliaria 3)' })
  noticeNumber: string;

  @ApiProperty({ example: '07000000000001234' })
  iuv: string;

  @ApiProperty({ type: Number, nullable: true, example: null })
  installment: number | null;

  @ApiProperty({ example: 30000 })
  amountCents: number;

  @ApiProperty({ format: 'date', example: '2026-06-30' })
  dueDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  validityDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  retentionDate: string | null;

  @ApiProperty({ example: 'TARI 2026 - utenza domestica' })
  description: string;

  @ApiProperty({ enum: ['UNPAID', 'PAID', 'REPORTED'] })
  status: PaymentOptionStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;

  @ApiProperty({ type: [TransferDto] })
  transfers: TransferDto[];
}

export class DebtPositionDto implements DebtPosition {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({ example: '99023040399' })
  entityFiscalCode: string;

  @ApiProperty({ example: 'TARI-2026-000123' })
  iupd: string;

  @ApiProperty({ format: 'uuid' })
  dueTypeId: string;

  @ApiProperty({ example: 'TARI' })
  dueTypeCode: string;

  @ApiProperty({ type: DebtorDto })
  debtor: DebtorDto;

  @ApiProperty({ example: 'TARI 2026 - utenza domestica' })
  description: string;

  @ApiProperty({ type: [MetadataEntryDto] })
  metadata: MetadataEntryDto[];

  @ApiProperty({ enum: POSITION_STATUSES })
  status: PositionStatus;

  @ApiProperty({ example: 30000, description: 'Il pagamento unico, o il totale delle rate se non c’è' })
  amountCents: number;

  @ApiProperty({ example: 0 })
  paidCents: number;

  @ApiProperty({ type: [PaymentOptionDto], description: 'Prima il pagamento unico, poi le rate in ordine' })
  options: PaymentOptionDto[];

  @ApiProperty({ example: 1, description: 'Da rimandare nella modifica (controllo di concorrenza)' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
}

export class DebtPositionSummaryDto implements DebtPositionSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'TARI-2026-000123' })
  iupd: string;

  @ApiProperty({ example: 'TARI' })
  dueTypeCode: string;

  @ApiProperty({ example: 'RSSMRA80A01H501U' })
  debtorIdValue: string;

  @ApiProperty({ example: 'Mario Rossi' })
  debtorName: string;

  @ApiProperty({ example: 'TARI 2026 - utenza domestica' })
  description: string;

  @ApiProperty({ enum: POSITION_STATUSES })
  status: PositionStatus;

  @ApiProperty({ example: 30000 })
  amountCents: number;

  @ApiProperty({ example: 0 })
  paidCents: number;

  @ApiProperty({ example: '307000000000001234', description: 'Del pagamento unico, o della prima rata' })
  noticeNumber: string;

  @ApiProperty({ format: 'date', example: '2026-06-30' })
  dueDate: string;

  @ApiProperty({ example: 3, description: 'Numero di rate (0: solo pagamento unico)' })
  installments: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DebtPositionPageDto implements Page<DebtPositionSummary> {
  @ApiProperty({ type: [DebtPositionSummaryDto] })
  items: DebtPositionSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Da passare come cursor per la pagina seguente' })
  nextCursor: string | null;
}

export class PositionHistoryEntryDto implements PositionHistoryEntry {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'FRRNNA90E50A345B', description: 'Codice fiscale, «chiave API <id>» o «sistema»' })
  actor: string;

  @ApiProperty({ enum: POSITION_STATUSES, nullable: true })
  fromStatus: PositionStatus | null;

  @ApiProperty({ enum: POSITION_STATUSES })
  toStatus: PositionStatus;

  @ApiProperty({ type: String, nullable: true, example: 'Pubblicata: ora è pagabile.' })
  note: string | null;
}
