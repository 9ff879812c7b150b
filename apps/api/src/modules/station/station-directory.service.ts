import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type OnboardingStage } from '@pagamenti/contracts';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { StationSql } from './station-sql';

export interface DirectoryStation {
  id: string;
  code: string;
  brokerCode: string;
  enabled: boolean;
  /** A broadcast station also receives receipts of entities that are not its own. */
  broadcast: boolean;
  primitiveVersion: 1 | 2;
}

export interface DirectoryEntity {
  id: string;
  fiscalCode: string;
  name: string;
  stationId: string | null;
  onboardingStage: OnboardingStage;
}

/** Onboarding stages in which the station talks with the node for an entity (receipts keep landing when suspended). */
const SERVED_STAGES: ReadonlySet<OnboardingStage> = new Set<OnboardingStage>([
  'TESTING',
  'PRODUCTION',
  'SUSPENDED',
]);

export function isServed(entity: DirectoryEntity): boolean {
  return entity.stationId !== null && SERVED_STAGES.has(entity.onboardingStage);
}

interface Cached<T> {
  value: T;
  expiresAt: number;
}

/**
 * The static part of every station call — who the intermediary is, its stations, the entity behind an idPA —
 * cached for a few seconds (`STATION_CACHE_TTL_MS`) so the hot path costs one query. A change in the registry
 * reaches the station within the TTL; stations and the broker code are reloaded together.
 */
@Injectable()
export class StationDirectory {
  private stations: Cached<{ byCode: Map<string, DirectoryStation>; brokerCodes: Set<string> }> | null = null;
  private readonly entities = new Map<string, Cached<DirectoryEntity | null>>();
  private readonly ttlMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: StationSql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.ttlMs = config.station.cacheTtlMs;
  }

  async brokerCodes(): Promise<Set<string>> {
    return (await this.loadStations()).brokerCodes;
  }

  async station(code: string): Promise<DirectoryStation | null> {
    return (await this.loadStations()).byCode.get(code) ?? null;
  }

  async entity(fiscalCode: string): Promise<DirectoryEntity | null> {
    const now = Date.now();
    const cached = this.entities.get(fiscalCode);
    if (cached && cached.expiresAt > now) return cached.value;
    const rows: {
      id: string;
      fiscal_code: string;
      name: string;
      station_id: string | null;
      onboarding_stage: OnboardingStage;
    }[] = await this.sql.query(
      'station_entity',
      'SELECT id, fiscal_code, name, station_id, onboarding_stage FROM creditor_entity WHERE fiscal_code = $1',
      [fiscalCode],
    );
    const row = rows[0];
    const value: DirectoryEntity | null = row
      ? {
          id: row.id,
          fiscalCode: row.fiscal_code,
          name: row.name,
          stationId: row.station_id,
          onboardingStage: row.onboarding_stage,
        }
      : null;
    // Bounded: fiscal codes come from callers; an unknown one is cached too, so garbage cannot grow it for long.
    if (this.entities.size > 10_000) this.entities.clear();
    this.entities.set(fiscalCode, { value, expiresAt: now + this.ttlMs });
    return value;
  }

  /** Forget everything (tests that change the registry between calls). */
  invalidate(): void {
    this.stations = null;
    this.entities.clear();
  }

  private async loadStations(): Promise<{ byCode: Map<string, DirectoryStation>; brokerCodes: Set<string> }> {
    const now = Date.now();
    if (this.stations && this.stations.expiresAt > now) return this.stations.value;
    const rows: {
      id: string;
      station_code: string;
      broker_code: string;
      enabled: boolean;
      broadcast: boolean;
      primitive_version: number;
    }[] = await this.dataSource.query(
      'SELECT id, station_code, broker_code, enabled, broadcast, primitive_version FROM station',
    );
    const intermediary: { fiscal_code: string }[] = await this.dataSource.query(
      'SELECT fiscal_code FROM intermediary WHERE id = 1',
    );
    const byCode = new Map(
      rows.map((row) => [
        row.station_code,
        {
          id: row.id,
          code: row.station_code,
          brokerCode: row.broker_code,
          enabled: row.enabled,
          broadcast: row.broadcast,
          primitiveVersion: Number(row.primitive_version) === 1 ? (1 as const) : (2 as const),
        },
      ]),
    );
    const brokerCodes = new Set([
      intermediary[0]?.fiscal_code ?? this.config.intermediary.fiscalCode,
      ...rows.map((row) => row.broker_code),
    ]);
    const value = { byCode, brokerCodes };
    this.stations = { value, expiresAt: now + this.ttlMs };
    return value;
  }
}
