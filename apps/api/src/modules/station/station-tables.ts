import { DomainEventRow } from '../events/domain-event.entity';
import { PaymentActivationRow } from './payment-activation.entity';
import { ReceiptRow } from './receipt.entity';
import { StationJournalRow } from './station-journal.entity';

/** The TypeORM entities of the station module (and the outbox its receipts write to). */
export const STATION_MODULE_TABLES = [ReceiptRow, PaymentActivationRow, StationJournalRow, DomainEventRow];
