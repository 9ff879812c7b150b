import { CreditorEntity } from './creditor-entity.entity';
import { DueType } from './due-type.entity';
import { EntityAccount } from './entity-account.entity';
import { OnboardingChecklistItem } from './onboarding-checklist-item.entity';
import { OnboardingTransition } from './onboarding-transition.entity';
import { ServiceActivationRow } from './service-activation.entity';
import { Station } from './station.entity';

/** The TypeORM entities of the entities module, in dependency order. */
export const ENTITY_MODULE_TABLES = [
  Station,
  CreditorEntity,
  EntityAccount,
  OnboardingTransition,
  OnboardingChecklistItem,
  ServiceActivationRow,
  DueType,
];
