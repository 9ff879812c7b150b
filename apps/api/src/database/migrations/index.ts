import { Foundation1795689602966 } from './1795689602966-Foundation';
import { EntitiesOnboardingCatalogue1795691871334 } from './1795691871334-EntitiesOnboardingCatalogue';
import { IdentityAndAudit1795691907034 } from './1795691907034-IdentityAndAudit';
import { SamlRequestReturnTo1795695054451 } from './1795695054451-SamlRequestReturnTo';
import { DebtPositions1795699899781 } from './1795699899781-DebtPositions';
import { StationReceiptsJournal1795700654712 } from './1795700654712-StationReceiptsJournal';
import { PositionImports1795700950989 } from './1795700950989-PositionImports';
import { NoticeBatches1795701570263 } from './1795701570263-NoticeBatches';
import { PositionListIndexes1795701600000 } from './1795701600000-PositionListIndexes';
import { PaymentAttempts1795702550876 } from './1795702550876-PaymentAttempts';

/** Every migration, in order. `npm run db:migration:generate -- Name` writes a new file; add it here. */
export const MIGRATIONS = [
  Foundation1795689602966,
  EntitiesOnboardingCatalogue1795691871334,
  IdentityAndAudit1795691907034,
  SamlRequestReturnTo1795695054451,
  DebtPositions1795699899781,
  StationReceiptsJournal1795700654712,
  PositionImports1795700950989,
  NoticeBatches1795701570263,
  PositionListIndexes1795701600000,
  PaymentAttempts1795702550876,
];
