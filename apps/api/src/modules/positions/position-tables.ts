import { DebtPositionRow } from './debt-position.entity';
import { NoticeNumberCounter } from './notice-number-counter.entity';
import { PaymentOptionRow } from './payment-option.entity';
import { PositionHistoryRow } from './position-history.entity';

/** The TypeORM entities of the positions module, in dependency order. */
export const POSITION_MODULE_TABLES = [
  DebtPositionRow,
  PaymentOptionRow,
  PositionHistoryRow,
  NoticeNumberCounter,
];
