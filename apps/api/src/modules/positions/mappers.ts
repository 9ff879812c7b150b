import {
  type DebtPosition,
  type DebtPositionSummary,
  type PaymentOption,
  type PositionHistoryEntry,
} from '@pagamenti/contracts';
import { type PositionHistoryRow } from './position-history.entity';
import { type PositionAggregate, type SummaryRow } from './positions.repository';

export function toDebtPosition({
  position,
  options,
  entityFiscalCode,
  dueTypeCode,
}: PositionAggregate): DebtPosition {
  return {
    id: position.id,
    entityId: position.entityId,
    entityFiscalCode,
    iupd: position.iupd,
    dueTypeId: position.dueTypeId,
    dueTypeCode,
    debtor: {
      type: position.debtorType,
      idValue: position.debtorIdValue,
      name: position.debtorName,
      streetName: position.debtorStreet,
      civicNumber: position.debtorCivicNumber,
      postalCode: position.debtorPostalCode,
      city: position.debtorCity,
      province: position.debtorProvince,
      country: position.debtorCountry,
      email: position.debtorEmail,
    },
    description: position.description,
    metadata: position.metadata,
    status: position.status,
    amountCents: position.amountCents,
    paidCents: position.paidCents,
    options: options.map((option): PaymentOption => ({
      noticeNumber: option.noticeNumber,
      iuv: option.iuv,
      installment: option.installment,
      amountCents: option.amountCents,
      dueDate: option.dueDate,
      validityDate: option.validityDate,
      retentionDate: option.retentionDate,
      description: option.description,
      status: option.status,
      paidAt: option.paidAt?.toISOString() ?? null,
      transfers: option.transfers,
    })),
    version: position.version,
    createdAt: position.createdAt.toISOString(),
    updatedAt: position.updatedAt.toISOString(),
    publishedAt: position.publishedAt?.toISOString() ?? null,
    cancelledAt: position.cancelledAt?.toISOString() ?? null,
  };
}

export function toSummary(row: SummaryRow): DebtPositionSummary {
  return {
    id: row.id,
    iupd: row.iupd,
    dueTypeCode: row.dueTypeCode,
    debtorIdValue: row.debtorIdValue,
    debtorName: row.debtorName,
    description: row.description,
    status: row.status,
    amountCents: row.amountCents,
    paidCents: row.paidCents,
    noticeNumber: row.noticeNumber,
    dueDate: row.dueDate,
    installments: row.installments,
    createdAt: row.createdAt,
  };
}

export function toHistoryEntry(row: PositionHistoryRow): PositionHistoryEntry {
  return {
    at: row.occurredAt.toISOString(),
    actor: row.actor,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    note: row.note,
  };
}
