import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PermissionGuard } from '../../common/requires-permission';
import { NoticeNumberAllocator } from './notice-number-allocator';
import { PositionExpiryHandler } from './position-expiry.handler';
import { POSITION_MODULE_TABLES } from './position-tables';
import { PositionsController } from './positions.controller';
import { PositionsDemoSeed } from './positions-demo-seed';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';

/** Debt positions created one at a time: model, lifecycle, notice numbers, REST API, expiry, demo data. */
@Module({
  imports: [TypeOrmModule.forFeature(POSITION_MODULE_TABLES)],
  controllers: [PositionsController],
  providers: [
    NoticeNumberAllocator,
    PositionsRepository,
    PositionsService,
    PositionExpiryHandler,
    PositionsDemoSeed,
    PermissionGuard,
  ],
  exports: [NoticeNumberAllocator, PositionsRepository, PositionsService, PositionsDemoSeed],
})
export class PositionsModule {}
