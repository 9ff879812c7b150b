import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitiesModule } from '../entities/entities.module';
import { Intermediary } from './intermediary.entity';
import { IntermediaryRepository } from './intermediary.repository';
import { PlatformController } from './platform.controller';
import { PlatformService } from './platform.service';

@Module({
  imports: [TypeOrmModule.forFeature([Intermediary]), EntitiesModule],
  controllers: [PlatformController],
  providers: [IntermediaryRepository, PlatformService],
  exports: [IntermediaryRepository],
})
export class PlatformModule {}
