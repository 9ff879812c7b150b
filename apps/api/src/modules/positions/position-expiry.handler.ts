import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { todayInRome } from '@pagamenti/pagopa';
import { type JobHandler } from '../jobs/job-handler';
import { JobWorker } from '../jobs/job-worker.service';
import { JobsService } from '../jobs/jobs.service';
import { PositionsService } from './positions.service';

export const POSITIONS_EXPIRE = 'positions.expire';

/**
 * Daily durable job: VALID positions whose unpaid options are all past their validity date become EXPIRED (with
 * history), then tomorrow's run is scheduled. The dedupe key is the Europe/Rome date, so however many replicas
 * boot, one run per day is queued; a rerun after a crash finds nothing left to move.
 */
@Injectable()
export class PositionExpiryHandler implements JobHandler, OnModuleInit, OnApplicationBootstrap {
  readonly type = POSITIONS_EXPIRE;

  constructor(
    private readonly worker: JobWorker,
    private readonly jobs: JobsService,
    private readonly positions: PositionsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleFor(new Date());
  }

  /** Queues the run of the given Europe/Rome day at 01:30 UTC (02:30 or 03:30 in Rome, after midnight anyway). */
  async scheduleFor(day: Date): Promise<void> {
    const date = todayInRome(day);
    await this.jobs.enqueue({
      type: POSITIONS_EXPIRE,
      dedupeKey: `${POSITIONS_EXPIRE}:${date}`,
      runAt: new Date(`${date}T01:30:00Z`),
    });
  }

  async run(): Promise<Record<string, unknown>> {
    const today = todayInRome();
    const result = await this.positions.expirePositions(today);
    await this.scheduleFor(new Date(Date.now() + 86_400_000));
    return { ...result, today };
  }
}
