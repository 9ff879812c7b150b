import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretsService } from '../../common/secret-box';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PASSWORD_CONTEXT, SUBSCRIPTION_KEY_CONTEXT } from '../entities/stations.service';

/** What a call to the platform on behalf of one station needs, secrets opened. Never logged, never returned. */
export interface StationCredentials {
  stationCode: string;
  brokerCode: string;
  password: string | null;
  subscriptionKey: string | null;
  nodeForPaUrl: string;
}

/** Reads a station's sealed password and subscription key (modules/entities) for the node client. */
@Injectable()
export class PlatformCredentials {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** By station code, or the station of the entity with this fiscal code. Null when there is none. */
  async forStation(
    by: { stationCode: string } | { entityFiscalCode: string },
  ): Promise<StationCredentials | null> {
    const rows: {
      station_code: string;
      broker_code: string;
      password_sealed: string | null;
      subscription_key_sealed: string | null;
      node_endpoint_url: string | null;
    }[] =
      'stationCode' in by
        ? await this.dataSource.query(
            `SELECT station_code, broker_code, password_sealed, subscription_key_sealed, node_endpoint_url
             FROM station WHERE station_code = $1`,
            [by.stationCode],
          )
        : await this.dataSource.query(
            `SELECT s.station_code, s.broker_code, s.password_sealed, s.subscription_key_sealed, s.node_endpoint_url
             FROM station s JOIN creditor_entity e ON e.station_id = s.id WHERE e.fiscal_code = $1`,
            [by.entityFiscalCode],
          );
    const row = rows[0];
    if (!row) return null;
    return {
      stationCode: row.station_code,
      brokerCode: row.broker_code,
      password: row.password_sealed ? this.secrets.open(row.password_sealed, PASSWORD_CONTEXT) : null,
      subscriptionKey: row.subscription_key_sealed
        ? this.secrets.open(row.subscription_key_sealed, SUBSCRIPTION_KEY_CONTEXT)
        : null,
      nodeForPaUrl: row.node_endpoint_url ?? this.config.pagopaNode.nodeForPaUrl,
    };
  }
}
