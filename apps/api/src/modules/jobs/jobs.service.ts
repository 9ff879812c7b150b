import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type JobsHealth } from '@pagamenti/contracts';
import { type Job } from './job.entity';
import { JobsRepository, type NewJob } from './jobs.repository';

@Injectable()
export class JobsService {
  constructor(private readonly jobs: JobsRepository) {}

  /** Enqueues a job, inside the caller's transaction when a manager is given (so the job commits with the data). */
  enqueue(job: NewJob, manager?: EntityManager): Promise<Job> {
    return this.jobs.insert(job, manager);
  }

  find(id: string): Promise<Job | null> {
    return this.jobs.findById(id);
  }

  health(): Promise<JobsHealth> {
    return this.jobs.countByStatus();
  }
}
