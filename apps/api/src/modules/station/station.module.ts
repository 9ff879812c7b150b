import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PositionsModule } from '../positions/positions.module';
import { DemandService } from './demand.service';
import { ReceiptsService } from './receipts.service';
import { StationDirectory } from './station-directory.service';
import { StationJournalController } from './station-journal.controller';
import { StationJournalPurgeHandler } from './station-journal-purge.handler';
import { StationJournalService } from './station-journal.service';
import { STATION_MODULE_TABLES } from './station-tables';
import { StationController } from './station.controller';
import { StationEndpoint } from './station-endpoint';
import { StationRepository } from './station.repository';
import { StationSql } from './station-sql';
import { StationDemoSeed } from './station-demo-seed';
import { StationService } from './station.service';

/** The pagoPA station (paForNode): verify, activate, receipts, spontaneous notices, and its journal. */
@Module({
  imports: [TypeOrmModule.forFeature(STATION_MODULE_TABLES), PositionsModule],
  controllers: [StationController, StationJournalController],
  providers: [
    StationSql,
    StationDirectory,
    StationRepository,
    StationService,
    StationEndpoint,
    ReceiptsService,
    DemandService,
    StationJournalService,
    StationJournalPurgeHandler,
    StationDemoSeed,
  ],
  exports: [StationJournalService, StationDirectory, StationRepository, StationDemoSeed],
})
export class StationModule {}
