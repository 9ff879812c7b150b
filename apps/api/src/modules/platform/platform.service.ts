import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { APP_VERSION } from '../../version';
import { EntitiesService } from '../entities/entities.service';
import { type PlatformInfoDto, type PlatformStatsDto } from './dto/platform.dto';
import { IntermediaryRepository } from './intermediary.repository';

@Injectable()
export class PlatformService {
  constructor(
    private readonly intermediary: IntermediaryRepository,
    private readonly entities: EntitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async info(): Promise<PlatformInfoDto> {
    const stored = await this.intermediary.find();
    return {
      platformName: this.config.platformName,
      intermediary: stored
        ? { name: stored.name, fiscalCode: stored.fiscalCode }
        : { name: this.config.intermediary.name, fiscalCode: this.config.intermediary.fiscalCode },
      environment: this.config.environment,
      version: APP_VERSION,
      demo: this.config.seedDemoData,
    };
  }

  async stats(): Promise<PlatformStatsDto> {
    const byStage = await this.entities.countByStage();
    const total = Object.values(byStage).reduce((sum, count) => sum + count, 0);
    return { entities: { total, byStage }, generatedAt: new Date().toISOString() };
  }
}
