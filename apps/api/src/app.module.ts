import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { GlobalExceptionFilter } from './common/global-exception.filter';
import { loggerParams } from './common/logging';
import { createValidationPipe } from './common/validation';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EntitiesModule } from './modules/entities/entities.module';
import { AuditModule } from './modules/audit/audit.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { PlatformModule } from './modules/platform/platform.module';
import { PositionImportsModule } from './modules/positions/imports/position-imports.module';
import { PositionsModule } from './modules/positions/positions.module';
import { NodeModule } from './modules/node/node.module';
import { NoticesModule } from './modules/notices/notices.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { StationModule } from './modules/station/station.module';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule,
        JobsModule,
        AuditModule,
        IdentityModule,
        HealthModule,
        EntitiesModule,
        PlatformModule,
        PositionsModule,
        PositionImportsModule,
        NoticesModule,
        StationModule,
        NodeModule,
        PaymentsModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
