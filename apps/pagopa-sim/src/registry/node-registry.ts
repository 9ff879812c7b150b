import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNoticeNumber } from '@pagamenti/pagopa';

/** A station as pagoPA's back-office knows it: where it answers, which primitives, and its secrets. */
export interface RegistryStation {
  stationCode: string;
  brokerCode: string;
  description: string;
  primitiveVersion: 1 | 2;
  broadcast: boolean;
  enabled: boolean;
  password: string | null;
  subscriptionKey: string | null;
}

export interface RegistryAccount {
  iban: string;
  kind: string;
}

/** A creditor entity registered on the node, with the station that serves it. */
export interface RegistryEntity {
  fiscalCode: string;
  name: string;
  segregationCode: string | null;
  stationCode: string | null;
  accounts: RegistryAccount[];
}

export interface StationTarget {
  station: RegistryStation;
  /** The `idPA` the call carries: the entity this station is called for. */
  idPA: string;
}

/**
 * The node's view of the intermediary: stations, their passwords and subscription keys, and which station serves
 * which entity. In reality this lives in pagoPA's back-office, filled in by the intermediary; here it is read from
 * the same demo files the API seeds from (never from the API's database).
 */
export class NodeRegistry {
  private readonly stationsByCode: Map<string, RegistryStation>;
  private readonly entitiesByFiscalCode: Map<string, RegistryEntity>;

  constructor(stations: RegistryStation[], entities: RegistryEntity[]) {
    this.stationsByCode = new Map(stations.map((s) => [s.stationCode, s]));
    this.entitiesByFiscalCode = new Map(entities.map((e) => [e.fiscalCode, e]));
  }

  static fromDirectory(dir: string): NodeRegistry {
    const stations = readJsonArray(join(dir, 'stations.json')).map(toStation);
    const entities = readJsonArray(join(dir, 'entities.json')).map(toEntity);
    return new NodeRegistry(stations, entities);
  }

  stations(): RegistryStation[] {
    return [...this.stationsByCode.values()];
  }

  entities(): RegistryEntity[] {
    return [...this.entitiesByFiscalCode.values()];
  }

  station(stationCode: string): RegistryStation | undefined {
    return this.stationsByCode.get(stationCode);
  }

  entity(fiscalCode: string): RegistryEntity | undefined {
    return this.entitiesByFiscalCode.get(fiscalCode);
  }

  /** The station the node calls for verify/activate and the primary receipt of an entity's notices. */
  primaryStation(fiscalCode: string): RegistryStation | undefined {
    const stationCode = this.entity(fiscalCode)?.stationCode;
    const station = stationCode ? this.station(stationCode) : undefined;
    return station?.enabled ? station : undefined;
  }

  /**
   * Where a receipt goes: the primary entity's station, then, for each other beneficiary of the transfers that the
   * registry serves, the broadcast stations of its broker (idPA = that beneficiary).
   */
  receiptTargets(primaryFiscalCode: string, beneficiaries: string[]): StationTarget[] {
    const targets: StationTarget[] = [];
    const primary = this.primaryStation(primaryFiscalCode);
    if (primary) targets.push({ station: primary, idPA: primaryFiscalCode });
    const secondaries = [...new Set(beneficiaries)].filter((cf) => cf !== primaryFiscalCode);
    for (const fiscalCode of secondaries) {
      const own = this.primaryStation(fiscalCode);
      if (!own) continue;
      for (const station of this.stations()) {
        if (station.broadcast && station.enabled && station.brokerCode === own.brokerCode) {
          targets.push({ station, idPA: fiscalCode });
        }
      }
    }
    return targets;
  }

  /** Entities that may own a notice number: same segregation code for aux digit 3, otherwise all with a station. */
  candidatesForNotice(noticeNumber: string): RegistryEntity[] {
    const parsed = parseNoticeNumber(noticeNumber);
    const served = this.entities().filter((e) => this.primaryStation(e.fiscalCode));
    if (!parsed?.segregationCode) return served;
    return served.filter((e) => e.segregationCode === parsed.segregationCode);
  }

  /** Subscription keys the node accepts on its APIs (every station's key). */
  subscriptionKeys(): Set<string> {
    return new Set(
      this.stations()
        .map((s) => s.subscriptionKey)
        .filter((k): k is string => !!k),
    );
  }
}

function readJsonArray(path: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: atteso un array JSON`);
  return parsed as Record<string, unknown>[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function toStation(raw: Record<string, unknown>): RegistryStation {
  const stationCode = text(raw['stationCode']);
  const brokerCode = text(raw['brokerCode']);
  if (!stationCode || !brokerCode)
    throw new Error('stations.json: stationCode e brokerCode sono obbligatori');
  return {
    stationCode,
    brokerCode,
    description: text(raw['description']) ?? stationCode,
    primitiveVersion: raw['primitiveVersion'] === 1 ? 1 : 2,
    broadcast: raw['broadcast'] === true,
    enabled: raw['enabled'] !== false,
    password: text(raw['password']),
    subscriptionKey: text(raw['subscriptionKey']),
  };
}

function toEntity(raw: Record<string, unknown>): RegistryEntity {
  const fiscalCode = text(raw['fiscalCode']);
  if (!fiscalCode) throw new Error('entities.json: fiscalCode è obbligatorio');
  const accounts = Array.isArray(raw['accounts']) ? (raw['accounts'] as Record<string, unknown>[]) : [];
  return {
    fiscalCode,
    name: text(raw['name']) ?? fiscalCode,
    segregationCode: text(raw['segregationCode']),
    stationCode: text(raw['stationCode']),
    accounts: accounts
      .map((a) => ({ iban: text(a['iban']) ?? '', kind: text(a['kind']) ?? 'BANK' }))
      .filter((a) => a.iban),
  };
}
