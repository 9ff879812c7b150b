import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { type JobHandler } from './job-handler';
import { type Job } from './job.entity';
import { JobWorker } from './job-worker.service';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

class RecordingHandler implements JobHandler {
  readonly type = 'test.record';
  readonly ran: string[] = [];
  failuresLeft = 0;

  async run(job: Job, context: { reportProgress(done: number, total: number | null): Promise<void> }) {
    await context.reportProgress(1, 2);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('temporary failure');
    }
    this.ran.push(String(job.payload['n']));
    return { ok: true };
  }
}

describe(`durable jobs on ${engine}`, () => {
  let app: NestExpressApplication;
  let jobs: JobsService;
  let repository: JobsRepository;
  let worker: JobWorker;
  let handler: RecordingHandler;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    jobs = app.get(JobsService);
    repository = app.get(JobsRepository);
    worker = app.get(JobWorker);
    dataSource = app.get(DataSource);
    handler = new RecordingHandler();
    worker.register(handler);
  });

  beforeEach(async () => {
    await resetDatabase(app);
    handler.ran.length = 0;
    handler.failuresLeft = 0;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs queued jobs once and records the outcome', async () => {
    const first = await jobs.enqueue({ type: handler.type, payload: { n: 1 } });
    await jobs.enqueue({ type: handler.type, payload: { n: 2 } });
    expect(await worker.drain()).toBe(2);
    expect(handler.ran.sort()).toEqual(['1', '2']);
    expect(await worker.drain()).toBe(0);
    const done = await jobs.find(first.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, result: { ok: true }, lockedBy: null });
    expect(done?.finishedAt).toBeInstanceOf(Date);
    expect(done).toMatchObject({ progressDone: 1, progressTotal: 2 });
  });

  it('does not enqueue twice under the same dedupe key', async () => {
    const a = await jobs.enqueue({ type: handler.type, dedupeKey: 'once' });
    const b = await jobs.enqueue({ type: handler.type, dedupeKey: 'once' });
    expect(b.id).toBe(a.id);
    const count: { n: string }[] = await dataSource.query(`SELECT count(*)::text AS n FROM job`);
    expect(count[0]?.n).toBe('1');
  });

  it('retries a failing job later and fails it for good after the last attempt', async () => {
    handler.failuresLeft = 10;
    const job = await jobs.enqueue({ type: handler.type, maxAttempts: 2 });
    await worker.drain();
    let stored = await jobs.find(job.id);
    expect(stored).toMatchObject({ status: 'queued', attempts: 1, lastError: 'temporary failure' });
    expect(stored!.runAt.getTime()).toBeGreaterThan(Date.now());

    await dataSource.query(`UPDATE job SET run_at = now() WHERE id = $1`, [job.id]);
    await worker.drain();
    stored = await jobs.find(job.id);
    expect(stored).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await jobs.health()).toMatchObject({ failed: 1 });
  });

  it('takes over a job whose worker died (lease expired), and leaves a live lease alone', async () => {
    const job = await jobs.enqueue({ type: handler.type, payload: { n: 'orphan' } });
    const claimed = await repository.claimNext('dead-worker', [handler.type], 60);
    expect(claimed?.id).toBe(job.id);
    expect(await worker.drain()).toBe(0);

    await dataSource.query(`UPDATE job SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      job.id,
    ]);
    expect(await worker.drain()).toBe(1);
    expect(handler.ran).toEqual(['orphan']);
    expect(await jobs.find(job.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('never hands the same job to two concurrent claimers', async () => {
    for (let n = 0; n < 6; n++) await jobs.enqueue({ type: handler.type, payload: { n } });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => repository.claimNext(`worker-${i}`, [handler.type], 60)),
    );
    const ids = claims.filter((claim): claim is Job => claim !== null).map((claim) => claim.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('lets a worker that lost its lease change nothing', async () => {
    const job = await jobs.enqueue({ type: handler.type });
    await repository.claimNext('slow-worker', [handler.type], 60);
    await dataSource.query(`UPDATE job SET locked_by = 'new-owner' WHERE id = $1`, [job.id]);
    expect(await repository.extendLease(job.id, 'slow-worker', 60)).toBe(false);
    await repository.markSucceeded(job.id, 'slow-worker', null);
    expect(await jobs.find(job.id)).toMatchObject({ status: 'running', lockedBy: 'new-owner' });
  });
});
