import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EntityCategory, ONBOARDING_STAGES, type OnboardingStage } from '@pagamenti/contracts';
import { isValidEntityFiscalCode } from '@pagamenti/pagopa';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SecretBox } from '../common/secret-box';
import {
  type DemoStation,
  loadEntitiesDemo,
  validateEntitiesDemo,
} from '../modules/entities/entities-demo-seed';
import { IdentityDemoSeedService } from '../modules/identity/identity-demo-seed.service';
import { Intermediary } from '../modules/platform/intermediary.entity';
import { PositionsDemoSeed } from '../modules/positions/positions-demo-seed';
import { StationDemoSeed } from '../modules/station/station-demo-seed';

interface DemoIntermediary {
  name: string;
  fiscalCode: string;
}

interface DemoEntity {
  fiscalCode: string;
  name: string;
  category: EntityCategory;
  province: string;
  onboardingStage: OnboardingStage;
}

const CATEGORIES = Object.values(EntityCategory) as string[];

/**
 * Loads the deterministic demo data kept as JSON under `tools/demo/`. Idempotent: rows are upserted by their
 * natural keys, so running it again changes nothing. Invalid files stop it before anything is written.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly identitySeed: IdentityDemoSeedService,
    private readonly positionsSeed: PositionsDemoSeed,
    private readonly stationSeed: StationDemoSeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.seed();
  }

  async seed(): Promise<{ entities: number }> {
    const intermediary = await this.readJson<DemoIntermediary>('intermediary.json');
    const entities = await this.readJson<DemoEntity[]>('entities.json');
    const stations = await this.readJson<DemoStation[]>('stations.json');
    const problems = [
      ...(isValidEntityFiscalCode(intermediary.fiscalCode)
        ? []
        : [`intermediary.json: fiscalCode non valido`]),
      ...entities.flatMap((entity, index) => validateEntity(entity, index)),
      ...validateEntitiesDemo(entities, stations),
    ];
    if (problems.length > 0) throw new Error(`Dati dimostrativi non validi:\n${problems.join('\n')}`);

    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(Intermediary, { id: 1, ...intermediary }, ['id']);
      const loaded = await loadEntitiesDemo(
        manager,
        entities,
        stations,
        new SecretBox(this.config.secretsKey),
      );
      this.logger.log(
        `Demo entities: ${loaded.stations} stations, ${loaded.accounts} accounts, ${loaded.dueTypes} due types`,
      );
    });
    this.logger.log(`Demo data loaded: ${entities.length} entities`);
    await this.identitySeed.seed();
    await this.positionsSeed.seed();
    await this.stationSeed.seed();
    return { entities: entities.length };
  }

  private async readJson<T>(file: string): Promise<T> {
    return JSON.parse(await readFile(join(this.config.demoDataDir, file), 'utf8')) as T;
  }
}

function validateEntity(entity: DemoEntity, index: number): string[] {
  const where = `entities.json[${index}] (${entity.name})`;
  const problems: string[] = [];
  if (!isValidEntityFiscalCode(entity.fiscalCode)) problems.push(`${where}: fiscalCode non valido`);
  if (!CATEGORIES.includes(entity.category)) problems.push(`${where}: category sconosciuta`);
  if (!ONBOARDING_STAGES.includes(entity.onboardingStage))
    problems.push(`${where}: onboardingStage sconosciuto`);
  if (!/^[A-Z]{2}$/.test(entity.province))
    problems.push(`${where}: province deve essere una sigla di 2 lettere`);
  return problems;
}
