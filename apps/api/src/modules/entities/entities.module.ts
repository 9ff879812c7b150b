import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditorEntity } from './creditor-entity.entity';
import { EntitiesRepository } from './entities.repository';
import { EntitiesService } from './entities.service';
import { PublicEntitiesController } from './public-entities.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CreditorEntity])],
  controllers: [PublicEntitiesController],
  providers: [EntitiesRepository, EntitiesService],
  exports: [EntitiesService, EntitiesRepository],
})
export class EntitiesModule {}
