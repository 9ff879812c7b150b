import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretsService } from '../../common/secret-box';
import { PermissionGuard } from '../../common/requires-permission';
import { AdminEntitiesController } from './admin-entities.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { EntitiesAdminService } from './entities-admin.service';
import { EntitiesRepository } from './entities.repository';
import { EntitiesService } from './entities.service';
import { DueTypePresetsController, EntityCatalogueController } from './entity-catalogue.controller';
import { ENTITY_MODULE_TABLES } from './entity-tables';
import { PublicEntitiesController } from './public-entities.controller';
import { StationsController } from './stations.controller';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';

@Module({
  imports: [TypeOrmModule.forFeature(ENTITY_MODULE_TABLES)],
  controllers: [
    PublicEntitiesController,
    AdminEntitiesController,
    StationsController,
    EntityCatalogueController,
    DueTypePresetsController,
  ],
  providers: [
    EntitiesRepository,
    EntitiesService,
    EntitiesAdminService,
    CatalogueRepository,
    CatalogueService,
    StationsRepository,
    StationsService,
    SecretsService,
    PermissionGuard,
  ],
  exports: [EntitiesService, EntitiesRepository, CatalogueService, StationsService, SecretsService],
})
export class EntitiesModule {}
