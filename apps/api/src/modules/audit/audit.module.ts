import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventRow } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditPurgeHandler } from './audit-purge.handler';
import { AuditService } from './audit.service';

/** The activity register: written by every module through AuditService, searched by the consoles. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventRow])],
  controllers: [AuditController],
  providers: [AuditService, AuditPurgeHandler],
  exports: [AuditService],
})
export class AuditModule {}
