import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Job } from './job.entity';
import { JobWorker } from './job-worker.service';
import { JobsCleanupHandler } from './jobs-cleanup.handler';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Job])],
  providers: [JobsRepository, JobsService, JobWorker, JobsCleanupHandler],
  exports: [JobsService, JobWorker],
})
export class JobsModule implements OnApplicationBootstrap {
  constructor(private readonly cleanup: JobsCleanupHandler) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.cleanup.scheduleFor(new Date());
  }
}
