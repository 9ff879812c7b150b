import { ApiProperty } from '@nestjs/swagger';
import {
  type DatabaseEngine,
  type DatabaseHealth,
  type HealthResponse,
  type HealthStatus,
  type JobsHealth,
} from '@pagamenti/contracts';

class DatabaseHealthDto implements DatabaseHealth {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ enum: ['postgresql', 'pglite'] })
  engine: DatabaseEngine;

  @ApiProperty({ type: Number, nullable: true, example: 0.8 })
  latencyMs: number | null;

  @ApiProperty({ type: String, nullable: true, example: '15.19' })
  serverVersion: string | null;

  @ApiProperty({ type: [String], description: 'Migrazioni non ancora applicate' })
  pendingMigrations: string[];
}

class JobsHealthDto implements JobsHealth {
  @ApiProperty()
  queued: number;

  @ApiProperty()
  running: number;

  @ApiProperty()
  failed: number;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] })
  status: HealthStatus;

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty()
  uptimeSeconds: number;

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;

  @ApiProperty({ type: DatabaseHealthDto })
  database: DatabaseHealthDto;

  @ApiProperty({ type: JobsHealthDto, nullable: true })
  jobs: JobsHealthDto | null;
}
