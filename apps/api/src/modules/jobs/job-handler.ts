import { type Job } from './job.entity';

/** What a handler may do while it runs: report progress for the progress bars. */
export interface JobContext {
  reportProgress(done: number, total: number | null): Promise<void>;
}

/**
 * Runs one type of job. Handlers must be idempotent: after a crash the same job runs again from the start
 * (or from whatever checkpoint the handler keeps in its own tables).
 */
export interface JobHandler {
  readonly type: string;
  run(job: Job, context: JobContext): Promise<Record<string, unknown> | void>;
}
