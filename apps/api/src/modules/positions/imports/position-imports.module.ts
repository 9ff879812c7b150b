import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PermissionGuard } from '../../../common/requires-permission';
import { PositionsModule } from '../positions.module';
import { POSITION_IMPORT_TABLES } from './position-import.entity';
import { PositionImportJob } from './position-import.job';
import { PositionImportsController } from './position-imports.controller';
import { PositionImportsRepository } from './position-imports.repository';
import { PositionImportsService } from './position-imports.service';

/** Bulk upload of debt positions (CSV and JSON): stored file, durable import job, reports, templates. */
@Module({
  imports: [TypeOrmModule.forFeature(POSITION_IMPORT_TABLES), PositionsModule],
  controllers: [PositionImportsController],
  providers: [PositionImportsRepository, PositionImportsService, PositionImportJob, PermissionGuard],
  exports: [PositionImportsService, PositionImportJob],
})
export class PositionImportsModule {}
