import { CreditorEntity } from '../modules/entities/creditor-entity.entity';
import { Job } from '../modules/jobs/job.entity';
import { Intermediary } from '../modules/platform/intermediary.entity';

/** Every TypeORM entity, listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [Intermediary, CreditorEntity, Job];
