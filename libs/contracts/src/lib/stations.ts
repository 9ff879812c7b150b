export const StationEnvironment = { Test: 'TEST', Production: 'PRODUCTION' } as const;
export type StationEnvironment = (typeof StationEnvironment)[keyof typeof StationEnvironment];
export const STATION_ENVIRONMENTS: readonly StationEnvironment[] = Object.values(StationEnvironment);

/** A station (stazione) of the intermediary on the pagoPA node. Secrets are never returned, only whether set. */
export interface Station {
  id: string;
  /** `idStation`, by convention `<idBrokerPA>_NN`. */
  stationCode: string;
  /** `idBrokerPA`: the intermediary's id on pagoPA. */
  brokerCode: string;
  description: string;
  primitiveVersion: 1 | 2;
  broadcast: boolean;
  enabled: boolean;
  environment: StationEnvironment;
  /** The node's endpoint this station calls (nodeForPa). */
  nodeEndpointUrl: string | null;
  /** Our endpoint the node calls (paForNode). */
  stationEndpointUrl: string | null;
  passwordSet: boolean;
  /** Last 4 characters of the node subscription key, or null. */
  subscriptionKeyHint: string | null;
  entitiesCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateStationRequest {
  stationCode: string;
  brokerCode: string;
  description: string;
  primitiveVersion: 1 | 2;
  broadcast?: boolean;
  enabled?: boolean;
  environment: StationEnvironment;
  nodeEndpointUrl?: string | null;
  stationEndpointUrl?: string | null;
  /** Station password assigned by PagoPA (8–15 characters); stored encrypted. */
  password?: string;
  /** Node subscription key (Ocp-Apim-Subscription-Key); stored encrypted. */
  subscriptionKey?: string;
}

export type UpdateStationRequest = Partial<Omit<CreateStationRequest, 'stationCode'>>;
