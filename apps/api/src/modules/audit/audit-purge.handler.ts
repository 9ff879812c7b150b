import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type JobHandler } from '../jobs/job-handler';
import { JobWorker } from '../jobs/job-worker.service';
import { JobsService } from '../jobs/jobs.service';
import { AuditService } from './audit.service';

export const AUDIT_PURGE = 'audit.purge';

/** Daily durable job: deletes audit events past the retention, then schedules the next day's run. */
@Injectable()
export class AuditPurgeHandler implements JobHandler, OnModuleInit, OnApplicationBootstrap {
  readonly type = AUDIT_PURGE;

  constructor(
    private readonly worker: JobWorker,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleFor(new Date());
  }

  async scheduleFor(day: Date): Promise<void> {
    const date = day.toISOString().slice(0, 10);
    await this.jobs.enqueue({
      type: AUDIT_PURGE,
      dedupeKey: `${AUDIT_PURGE}:${date}`,
      runAt: new Date(`${date}T03:00:00Z`),
    });
  }

  async run(): Promise<Record<string, unknown>> {
    const result = await this.audit.purge();
    await this.scheduleFor(new Date(Date.now() + 86_400_000));
    return result;
  }
}
