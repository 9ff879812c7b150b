import { ENTITY_MODULE_TABLES } from '../modules/entities/entity-tables';
import { AuditEventRow } from '../modules/audit/audit-event.entity';
import {
  ApiKey,
  EntityRoleGrant,
  IntermediaryRoleGrant,
  Person,
  SamlRequest,
  UserSession,
} from '../modules/identity/identity.entities';
import { Job } from '../modules/jobs/job.entity';
import { NOTICE_TABLES } from '../modules/notices/batches/notice-batch.entity';
import { PAYMENT_TABLES } from '../modules/payments/payment-attempt.entity';
import { Intermediary } from '../modules/platform/intermediary.entity';
import { POSITION_IMPORT_TABLES } from '../modules/positions/imports/position-import.entity';
import { POSITION_MODULE_TABLES } from '../modules/positions/position-tables';
import { STATION_MODULE_TABLES } from '../modules/station/station-tables';

/** Every TypeORM entity, listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [
  Intermediary,
  ...ENTITY_MODULE_TABLES,
  ...POSITION_MODULE_TABLES,
  ...POSITION_IMPORT_TABLES,
  ...STATION_MODULE_TABLES,
  ...NOTICE_TABLES,
  ...PAYMENT_TABLES,
  Job,
  Person,
  EntityRoleGrant,
  IntermediaryRoleGrant,
  SamlRequest,
  UserSession,
  ApiKey,
  AuditEventRow,
];
