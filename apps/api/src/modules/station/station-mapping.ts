import { type MetadataEntry } from '@pagamenti/contracts';
import {
  type Metadata,
  type PaymentPA,
  type PaymentPAV2,
  type PaVerifyPaymentNoticeRes,
  type Receipt,
  type ReceiptV2,
  type Subject,
  type TransferPA,
  type TransferPAV2,
} from '@pagamenti/pagopa/soap';
import { type DirectoryEntity } from './station-directory.service';
import { type ReceiptSubject, type ReceiptTransfer } from './receipt.entity';
import { type OptionRecord } from './station.repository';

/** Cuts a text to the schema's length (in characters), or undefined when empty. */
export function fit(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const chars = Array.from(trimmed);
  return chars.length <= max ? trimmed : chars.slice(0, max).join('');
}

function required(text: string | null | undefined, max: number, fallback: string): string {
  return fit(text, max) ?? fallback;
}

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;
const TWO_LETTERS = /^[A-Z]{2}$/;

function metadataOf(entries: readonly MetadataEntry[] | undefined): Metadata | undefined {
  const mapEntry = (entries ?? [])
    .map((entry) => ({ key: fit(entry.key, 140), value: fit(entry.value, 140) }))
    .filter((entry): entry is { key: string; value: string } => !!entry.key && !!entry.value)
    .slice(0, 15);
  return mapEntry.length > 0 ? { mapEntry } : undefined;
}

function debtorOf(record: OptionRecord): Subject {
  const debtor = record.debtor;
  const country = debtor.country?.toUpperCase();
  const province = debtor.province?.toUpperCase();
  return {
    uniqueIdentifier: {
      entityUniqueIdentifierType: debtor.type,
      entityUniqueIdentifierValue: required(debtor.idValue, 16, 'ANONIMO'),
    },
    fullName: required(debtor.name, 70, 'ANONIMO'),
    streetName: fit(debtor.street, 70),
    civicNumber: fit(debtor.civicNumber, 16),
    postalCode: fit(debtor.postalCode, 16),
    city: fit(debtor.city, 35),
    stateProvinceRegion: fit(province, 35),
    country: country && TWO_LETTERS.test(country) ? country : undefined,
    email: debtor.email && debtor.email.length <= 256 && EMAIL.test(debtor.email) ? debtor.email : undefined,
  };
}

/** The verify answer: always the current amount and due date of the option. */
export function verifyResponse(record: OptionRecord, entity: DirectoryEntity): PaVerifyPaymentNoticeRes {
  return {
    outcome: 'OK',
    paymentList: {
      paymentOptionDescription: {
        amount: record.amountCents,
        options: 'EQ',
        dueDate: record.dueDate,
        detailDescription: fit(record.optionDescription, 140),
        // Every transfer creditable to a postal account: only then can the notice be paid with a bollettino.
        allCCP: record.transfers.every((transfer) => transfer.postalIban && transfer.iban !== null),
      },
    },
    paymentDescription: required(record.positionDescription, 140, record.iuv),
    fiscalCodePA: entity.fiscalCode,
    companyName: required(entity.name, 140, entity.fiscalCode),
  };
}

/** A V1 transfer needs an IBAN: a digital stamp can only travel in paGetPaymentV2. */
export function hasStampTransfer(record: OptionRecord): boolean {
  return record.transfers.some((transfer) => transfer.iban === null);
}

function sortedTransfers(record: OptionRecord) {
  return [...record.transfers].sort((a, b) => a.index - b.index);
}

function paymentHead(record: OptionRecord) {
  return {
    creditorReferenceId: record.iuv,
    paymentAmount: record.amountCents,
    dueDate: record.dueDate,
    ...(record.retentionDate ? { retentionDate: `${record.retentionDate}T23:59:59` } : {}),
    description: required(record.optionDescription || record.positionDescription, 140, record.iuv),
  };
}

/** The paGetPayment (V1) data. The caller checked that no transfer is a stamp. */
export function paymentDataV1(record: OptionRecord, entity: DirectoryEntity): PaymentPA {
  return {
    ...paymentHead(record),
    companyName: required(entity.name, 140, entity.fiscalCode),
    debtor: debtorOf(record),
    transferList: {
      transfer: sortedTransfers(record).map((transfer): TransferPA => ({
        idTransfer: transfer.index,
        transferAmount: transfer.amountCents,
        fiscalCodePA: transfer.beneficiaryFiscalCode,
        IBAN: transfer.iban ?? '',
        remittanceInformation: required(transfer.remittanceInformation, 140, record.iuv),
        transferCategory: transfer.category,
        metadata: metadataOf(transfer.metadata),
      })),
    },
    metadata: metadataOf(record.metadata),
  };
}

/** The paGetPaymentV2 data: stamps allowed, beneficiary names where we know the entity. */
export function paymentDataV2(
  record: OptionRecord,
  entity: DirectoryEntity,
  beneficiaryName: (fiscalCode: string) => string | undefined,
): PaymentPAV2 {
  return {
    ...paymentHead(record),
    companyName: required(entity.name, 140, entity.fiscalCode),
    debtor: debtorOf(record),
    transferList: {
      transfer: sortedTransfers(record).map((transfer): TransferPAV2 => ({
        idTransfer: transfer.index,
        transferAmount: transfer.amountCents,
        fiscalCodePA: transfer.beneficiaryFiscalCode,
        companyName: fit(beneficiaryName(transfer.beneficiaryFiscalCode), 140),
        ...(transfer.iban !== null
          ? { IBAN: transfer.iban }
          : {
              richiestaMarcaDaBollo: {
                hashDocumento: transfer.stamp?.hashDocument ?? '',
                tipoBollo: '01' as const,
                provinciaResidenza: transfer.stamp?.province ?? '',
              },
            }),
        remittanceInformation: required(transfer.remittanceInformation, 140, record.iuv),
        transferCategory: transfer.category,
        metadata: metadataOf(transfer.metadata),
      })),
    },
    metadata: metadataOf(record.metadata),
  };
}

export function receiptSubject(subject: Subject): ReceiptSubject {
  return {
    type: subject.uniqueIdentifier.entityUniqueIdentifierType,
    idValue: subject.uniqueIdentifier.entityUniqueIdentifierValue,
    name: subject.fullName,
    ...(subject.streetName ? { streetName: subject.streetName } : {}),
    ...(subject.civicNumber ? { civicNumber: subject.civicNumber } : {}),
    ...(subject.postalCode ? { postalCode: subject.postalCode } : {}),
    ...(subject.city ? { city: subject.city } : {}),
    ...(subject.stateProvinceRegion ? { province: subject.stateProvinceRegion } : {}),
    ...(subject.country ? { country: subject.country } : {}),
    ...(subject.email ? { email: subject.email } : {}),
  };
}

export function receiptTransfers(receipt: Receipt | ReceiptV2): ReceiptTransfer[] {
  return receipt.transferList.transfer.map((transfer) => ({
    index: transfer.idTransfer,
    amountCents: transfer.transferAmount,
    beneficiaryFiscalCode: transfer.fiscalCodePA,
    ...('companyName' in transfer && transfer.companyName ? { beneficiaryName: transfer.companyName } : {}),
    ...(transfer.IBAN ? { iban: transfer.IBAN } : {}),
    ...('MBDAttachment' in transfer && transfer.MBDAttachment
      ? { stampAttachment: transfer.MBDAttachment }
      : {}),
    remittanceInformation: transfer.remittanceInformation,
    category: transfer.transferCategory,
    ...(transfer.metadata ? { metadata: transfer.metadata.mapEntry } : {}),
  }));
}
