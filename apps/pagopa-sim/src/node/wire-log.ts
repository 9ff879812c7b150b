/** One SOAP exchange as it went over the wire, kept so tests and people can inspect (and XSD-validate) it. */
export interface WireExchange {
  id: number;
  at: string;
  /** `paForNode`: the node called a station; `nodeForPa`: a station called the node. */
  service: 'paForNode' | 'nodeForPa';
  operation: string;
  url: string;
  requestXml: string;
  responseXml: string | null;
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
}

/** The last exchanges in memory (a ring buffer): enough to inspect a test run, bounded for a long-running demo. */
export class WireLog {
  private readonly entries: WireExchange[] = [];
  private nextId = 1;

  constructor(private readonly capacity = 2000) {}

  record(exchange: Omit<WireExchange, 'id' | 'at'>): WireExchange {
    const entry: WireExchange = { id: this.nextId++, at: new Date().toISOString(), ...exchange };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Exchanges with an id greater than `afterId`, oldest first. */
  since(afterId: number, limit = 500): WireExchange[] {
    return this.entries.filter((e) => e.id > afterId).slice(0, limit);
  }

  latestId(): number {
    return this.nextId - 1;
  }
}
