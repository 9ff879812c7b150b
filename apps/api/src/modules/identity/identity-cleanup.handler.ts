import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type JobHandler } from '../jobs/job-handler';
import { JobWorker } from '../jobs/job-worker.service';
import { JobsService } from '../jobs/jobs.service';
import { SamlService } from './saml/saml.service';
import { SessionsService } from './sessions/sessions.service';

export const IDENTITY_CLEANUP = 'identity.cleanup';

/** Daily: deletes expired sessions and AuthnRequest/Response pairs past the 24-month register. */
@Injectable()
export class IdentityCleanupHandler implements JobHandler, OnModuleInit, OnApplicationBootstrap {
  readonly type = IDENTITY_CLEANUP;

  constructor(
    private readonly worker: JobWorker,
    private readonly jobs: JobsService,
    private readonly sessions: SessionsService,
    private readonly saml: SamlService,
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
      type: IDENTITY_CLEANUP,
      dedupeKey: `${IDENTITY_CLEANUP}:${date}`,
      runAt: new Date(`${date}T02:30:00Z`),
    });
  }

  async run(): Promise<Record<string, unknown>> {
    const sessions = await this.sessions.purgeExpired();
    const requests = await this.saml.purgeRegister();
    await this.scheduleFor(new Date(Date.now() + 86_400_000));
    return { sessions, requests };
  }
}
