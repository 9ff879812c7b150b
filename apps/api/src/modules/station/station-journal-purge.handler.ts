import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type JobHandler } from '../jobs/job-handler';
import { JobWorker } from '../jobs/job-worker.service';
import { JobsService } from '../jobs/jobs.service';
import { StationJournalService } from './station-journal.service';

export const STATION_JOURNAL_PURGE = 'station-journal.purge';

/** Daily durable job: deletes journal lines past the retention (24 months), then schedules the next day's run. */
@Injectable()
export class StationJournalPurgeHandler implements JobHandler, OnModuleInit, OnApplicationBootstrap {
  readonly type = STATION_JOURNAL_PURGE;

  constructor(
    private readonly worker: JobWorker,
    private readonly jobs: JobsService,
    private readonly journal: StationJournalService,
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
      type: STATION_JOURNAL_PURGE,
      dedupeKey: `${STATION_JOURNAL_PURGE}:${date}`,
      runAt: new Date(`${date}T03:15:00Z`),
    });
  }

  async run(): Promise<Record<string, unknown>> {
    const result = await this.journal.purge();
    await this.scheduleFor(new Date(Date.now() + 86_400_000));
    return result;
  }
}
