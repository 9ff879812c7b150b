import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type QueryDeepPartialEntity, Repository } from 'typeorm';
import { type JobsHealth } from '@pagamenti/contracts';
import { Job } from './job.entity';

export interface NewJob {
  type: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
  dedupeKey?: string;
}

@Injectable()
export class JobsRepository {
  constructor(@InjectRepository(Job) private readonly jobs: Repository<Job>) {}

  /** Inserts a job; with a dedupe key already taken, returns the existing job instead. */
  async insert(job: NewJob, manager?: EntityManager): Promise<Job> {
    const repository = manager ? manager.getRepository(Job) : this.jobs;
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values({
        type: job.type,
        payload: jsonColumn(job.payload ?? {}),
        runAt: job.runAt ?? (() => 'now()'),
        maxAttempts: job.maxAttempts ?? 5,
        dedupeKey: job.dedupeKey ?? null,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const id = (inserted.raw as { id?: string }[])[0]?.id;
    if (id) return repository.findOneByOrFail({ id });
    return repository.findOneByOrFail({ dedupeKey: job.dedupeKey });
  }

  /**
   * Claims the next runnable job for a worker: queued and due, or running with an expired lease (its worker
   * died). SKIP LOCKED lets concurrent workers in several replicas claim different jobs without waiting.
   */
  async claimNext(workerId: string, types: string[], leaseSeconds: number): Promise<Job | null> {
    if (types.length === 0) return null;
    // Wrapped in a SELECT so that both engines hand back plain rows (TypeORM reshapes UPDATE results).
    const rows: { id: string }[] = await this.jobs.query(
      `WITH claimed AS (
         UPDATE job SET status = 'running', locked_by = $1, locked_until = now() + make_interval(secs => $2),
                attempts = attempts + 1, updated_at = now()
          WHERE id = (
            SELECT id FROM job
             WHERE type = ANY($3)
               AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
             ORDER BY run_at
             LIMIT 1
             FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT id FROM claimed`,
      [workerId, leaseSeconds, types],
    );
    const id = rows[0]?.id;
    return id ? this.jobs.findOneBy({ id }) : null;
  }

  /** Extends the lease of a job still held by this worker; false when the worker lost it. */
  async extendLease(id: string, workerId: string, leaseSeconds: number): Promise<boolean> {
    const result = await this.jobs
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: () => `now() + make_interval(secs => ${Number(leaseSeconds)})` })
      .where({ id, lockedBy: workerId, status: 'running' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async reportProgress(id: string, workerId: string, done: number, total: number | null): Promise<void> {
    await this.jobs.update(
      { id, lockedBy: workerId, status: 'running' },
      { progressDone: done, progressTotal: total },
    );
  }

  async markSucceeded(id: string, workerId: string, result: Record<string, unknown> | null): Promise<void> {
    await this.jobs.update(
      { id, lockedBy: workerId, status: 'running' },
      {
        status: 'succeeded',
        result: result && jsonColumn(result),
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        finishedAt: () => 'now()',
      },
    );
  }

  /** Puts the job back in the queue after `retryInSeconds`, or fails it for good after its last attempt. */
  async markFailed(job: Job, workerId: string, error: string, retryInSeconds: number): Promise<void> {
    const final = job.attempts >= job.maxAttempts;
    await this.jobs.update(
      { id: job.id, lockedBy: workerId, status: 'running' },
      final
        ? { status: 'failed', lastError: error, lockedBy: null, lockedUntil: null, finishedAt: () => 'now()' }
        : {
            status: 'queued',
            lastError: error,
            lockedBy: null,
            lockedUntil: null,
            runAt: () => `now() + make_interval(secs => ${Number(retryInSeconds)})`,
          },
    );
  }

  findById(id: string): Promise<Job | null> {
    return this.jobs.findOneBy({ id });
  }

  async countByStatus(): Promise<JobsHealth> {
    const rows: { status: string; count: string }[] = await this.jobs.query(
      `SELECT status, count(*)::text AS count FROM job WHERE status IN ('queued', 'running', 'failed') GROUP BY status`,
    );
    const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return { queued: count('queued'), running: count('running'), failed: count('failed') };
  }

  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    const result = await this.jobs
      .createQueryBuilder()
      .delete()
      .where(`status IN ('succeeded', 'failed') AND finished_at < :cutoff`, { cutoff })
      .execute();
    return result.affected ?? 0;
  }
}

/** TypeORM's partial-entity typing cannot see through `Record<string, unknown>`; JSON columns take it as is. */
function jsonColumn(value: Record<string, unknown>): QueryDeepPartialEntity<Record<string, unknown>> {
  return value as QueryDeepPartialEntity<Record<string, unknown>>;
}
