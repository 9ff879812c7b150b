import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PermissionGuard } from '../../common/requires-permission';
import { PositionsModule } from '../positions/positions.module';
import { NOTICE_TABLES } from './batches/notice-batch.entity';
import { NoticeBatchHandler } from './batches/notice-batch.handler';
import { EntityLogos } from './entity-logos';
import { MyNoticesController, NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

/** Payment notices and receipts as PDFs: single downloads, citizen's own notices, bulk print jobs. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTICE_TABLES), PositionsModule],
  controllers: [NoticesController, MyNoticesController],
  providers: [NoticesRepository, NoticesService, EntityLogos, NoticeBatchHandler, PermissionGuard],
  exports: [NoticesService],
})
export class NoticesModule {}
