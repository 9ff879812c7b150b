import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type JobHandler } from './job-handler';
import { type Job } from './job.entity';
import { JobsRepository } from './jobs.repository';

const LEASE_SECONDS = 60;

/**
 * Polls the job table and runs what it claims, one job at a time per replica. Feature modules register their
 * handlers in `onModuleInit`; the loop starts once the application has booted.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorker.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly jobs: JobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.type)) throw new Error(`duplicate job handler for ${handler.type}`);
    this.handlers.set(handler.type, handler);
  }

  onApplicationBootstrap(): void {
    if (this.config.jobs.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs jobs until none is due; returns how many ran. Also used by tests to drive the queue. */
  async drain(): Promise<number> {
    let ran = 0;
    while (!this.stopped) {
      const job = await this.jobs.claimNext(this.workerId, [...this.handlers.keys()], LEASE_SECONDS);
      if (!job) break;
      await this.execute(job);
      ran++;
    }
    return ran;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Job polling failed'))
        .then(() => this.schedule(this.config.jobs.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async execute(job: Job): Promise<void> {
    const handler = this.handlers.get(job.type);
    if (!handler) return;
    const heartbeat = setInterval(
      () => {
        this.jobs.extendLease(job.id, this.workerId, LEASE_SECONDS).catch((error: unknown) => {
          this.logger.warn({ err: error, jobId: job.id }, 'Could not extend job lease');
        });
      },
      (LEASE_SECONDS * 1000) / 3,
    );
    heartbeat.unref();
    try {
      const result = await handler.run(job, {
        reportProgress: (done, total) => this.jobs.reportProgress(job.id, this.workerId, done, total),
      });
      await this.jobs.markSucceeded(job.id, this.workerId, result ?? null);
      this.logger.log({ jobId: job.id, type: job.type, attempts: job.attempts }, 'Job succeeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryIn = Math.min(3600, 5 * 2 ** (job.attempts - 1));
      await this.jobs.markFailed(job, this.workerId, message, retryIn);
      this.logger.warn({ jobId: job.id, type: job.type, attempts: job.attempts, err: error }, 'Job failed');
    } finally {
      clearInterval(heartbeat);
    }
  }
}
