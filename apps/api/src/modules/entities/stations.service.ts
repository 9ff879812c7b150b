import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type CreateStationRequest,
  type Station as StationContract,
  type UpdateStationRequest,
} from '@pagamenti/contracts';
import { SecretsService } from '../../common/secret-box';
import { conflict, found, isUniqueViolation, notFound } from './entities.errors';
import { toStation } from './mappers';
import { type Station } from './station.entity';
import { StationsRepository } from './stations.repository';

export const PASSWORD_CONTEXT = 'station:password';
export const SUBSCRIPTION_KEY_CONTEXT = 'station:subscription-key';

/** The intermediary's stations. Secrets are sealed on the way in and never leave the API. */
@Injectable()
export class StationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stations: StationsRepository,
    private readonly secrets: SecretsService,
  ) {}

  async list(): Promise<StationContract[]> {
    const counts = await this.stations.entitiesPerStation();
    return (await this.stations.findAll()).map((row) => toStation(row, counts.get(row.id) ?? 0));
  }

  async create(request: CreateStationRequest): Promise<StationContract> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.stations.codeTaken(manager, request.stationCode)) throw duplicateStation();
        const id = await this.stations.insert(manager, {
          stationCode: request.stationCode,
          ...this.columns(request),
        });
        return toStation(found(await this.stations.findById(id, manager), 'La stazione'), 0);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateStation();
      throw error;
    }
  }

  async update(id: string, request: UpdateStationRequest): Promise<StationContract> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.stations.findById(id, manager))) throw notFound('La stazione');
      await this.stations.update(manager, id, this.columns(request));
    });
    return found(
      (await this.list()).find((station) => station.id === id),
      'La stazione',
    );
  }

  /** The station password in clear, for the node client (nodoChiedi*). Never exposed over REST. */
  async revealPassword(id: string): Promise<string | null> {
    const row = await this.stations.findById(id);
    return row?.passwordSealed ? this.secrets.open(row.passwordSealed, PASSWORD_CONTEXT) : null;
  }

  private columns(request: UpdateStationRequest): Partial<Station> {
    const { password, subscriptionKey, ...plain } = request;
    return {
      ...Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)),
      ...(password !== undefined ? { passwordSealed: this.secrets.seal(password, PASSWORD_CONTEXT) } : {}),
      ...(subscriptionKey !== undefined
        ? {
            subscriptionKeySealed: this.secrets.seal(subscriptionKey, SUBSCRIPTION_KEY_CONTEXT),
            subscriptionKeyHint: subscriptionKey.slice(-4),
          }
        : {}),
    };
  }
}

function duplicateStation() {
  return conflict('Esiste già una stazione con questo codice.', undefined, [
    {
      field: 'stationCode',
      message: 'stationCode: esiste già una stazione con questo idStation',
      rule: 'unique',
    },
  ]);
}
