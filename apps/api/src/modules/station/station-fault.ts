import { type PaaFaultCode } from '@pagamenti/pagopa/soap';

/** A fault decided by the rules (not a failure): answered in-band with outcome KO. */
export class StationFault extends Error {
  constructor(
    readonly code: PaaFaultCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'StationFault';
  }
}
