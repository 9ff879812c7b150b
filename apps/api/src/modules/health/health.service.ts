import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service';
import { APP_VERSION } from '../../version';
import { JobsService } from '../jobs/jobs.service';
import { type HealthResponseDto } from './health.dto';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly jobs: JobsService,
  ) {}

  async check(): Promise<HealthResponseDto> {
    const database = await this.database.health();
    const jobs = database.status === 'up' ? await this.jobs.health().catch(() => null) : null;
    const status =
      database.status === 'down'
        ? 'down'
        : database.pendingMigrations.length > 0 || !jobs
          ? 'degraded'
          : 'ok';
    return {
      status,
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      checkedAt: new Date().toISOString(),
      database,
      jobs,
    };
  }
}
