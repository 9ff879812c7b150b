import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type JobHandler } from './job-handler';
import { JobWorker } from './job-worker.service';
import { JobsRepository } from './jobs.repository';

export const JOBS_CLEANUP = 'jobs.cleanup';

/** Daily: deletes finished jobs older than the retention, then schedules tomorrow's run. */
@Injectable()
export class JobsCleanupHandler implements JobHandler, OnModuleInit {
  readonly type = JOBS_CLEANUP;

  constructor(
    private readonly worker: JobWorker,
    private readonly jobs: JobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.worker.register(this);
  }

  /** Enqueues today's run once, whichever replica asks first (the dedupe key is the date). */
  async scheduleFor(day: Date): Promise<void> {
    const date = day.toISOString().slice(0, 10);
    await this.jobs.insert({
      type: JOBS_CLEANUP,
      dedupeKey: `${JOBS_CLEANUP}:${date}`,
      runAt: new Date(`${date}T02:00:00Z`),
    });
  }

  async run(): Promise<Record<string, unknown>> {
    const cutoff = new Date(Date.now() - this.config.jobs.retentionDays * 86_400_000);
    const deleted = await this.jobs.deleteFinishedBefore(cutoff);
    await this.scheduleFor(new Date(Date.now() + 86_400_000));
    return { deleted, cutoff: cutoff.toISOString() };
  }
}
