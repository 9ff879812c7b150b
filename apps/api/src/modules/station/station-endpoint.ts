import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Request, type Response } from 'express';
import { correlationIdOf } from '../../common/correlation-id';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { stationAccessRefusal } from './station-access';
import { StationJournalService } from './station-journal.service';
import { type StationAnswer, StationService } from './station.service';

export const STATION_PATH = '/pagopa/paForNode';
const XML = 'text/xml; charset=utf-8';
/** Past this multiple of the limit an oversized body is not even drained: the connection is dropped. */
const DRAIN_FACTOR = 32;

type BodyRead = { kind: 'body'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * `POST /pagopa/paForNode`, the SOAP endpoint the node calls. A plain Express route, registered when the module
 * starts, rather than a Nest controller method: the station is the platform's hot path (pagoPA probes it and its
 * SLA counts every call), and Nest's per-request guard/interceptor/pipe chain has nothing to do here — the route
 * is public (the node is authenticated by the network: client certificate at the TLS proxy and IP allow-list, both
 * checked here when configured), every failure is already a SOAP answer, and the application-wide middlewares
 * (correlation id, security headers, request log) still run. Every call is journaled with its latency.
 */
@Injectable()
export class StationEndpoint implements OnModuleInit {
  private readonly logger = new Logger(StationEndpoint.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly station: StationService,
    private readonly journal: StationJournalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter?.post(STATION_PATH, (req: Request, res: Response) => {
      this.call(req, res).catch((error: unknown) => {
        // StationService answers every failure itself; this is the last guard of the process.
        this.logger.error({ err: error }, 'Station endpoint failure');
        if (!res.headersSent) res.status(503).type(XML).end();
      });
    });
  }

  async call(req: Request, res: Response): Promise<void> {
    const started = performance.now();
    const occurredAt = new Date();
    const correlationId = correlationIdOf(req);
    const remoteAddress = req.ip ?? req.socket.remoteAddress ?? null;
    let answer: StationAnswer;
    const refusal = stationAccessRefusal(this.config.station, {
      remoteAddress,
      header: (name) => req.header(name),
    });
    if (refusal) {
      req.resume();
      answer = this.station.refusal(403, `Accesso alla stazione negato: ${refusal}.`);
    } else {
      const read = await readBody(req, this.config.station.bodyLimitBytes);
      if (read.kind === 'aborted') return;
      answer =
        read.kind === 'too-large'
          ? this.station.refusal(
              413,
              `Messaggio oltre il limite di ${this.config.station.bodyLimitBytes} byte.`,
            )
          : await this.station.handle({ body: read.body, correlationId });
    }
    // res.end rather than res.send: no ETag hashing of a body nobody caches.
    res.statusCode = answer.httpStatus;
    res.setHeader('content-type', XML);
    res.setHeader('content-length', Buffer.byteLength(answer.xml));
    res.end(answer.xml);
    this.journal.record({
      ...answer.summary,
      occurredAt,
      httpStatus: answer.httpStatus,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      remoteAddress,
      correlationId,
    });
  }
}

/**
 * Reads the raw body up to `limit` bytes. A larger body is drained without being kept (so the client can read our
 * 413), or, when it is absurdly large, the connection is dropped.
 */
function readBody(req: Request, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  return new Promise((resolve) => {
    if (req.readableEnded) {
      // Another parser (a JSON body) consumed it: not a SOAP message.
      resolve({ kind: 'body', body: Buffer.alloc(0) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    if (tooLarge && declared > limit * DRAIN_FACTOR) {
      req.socket.destroy();
      resolve({ kind: 'aborted' });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > limit * DRAIN_FACTOR) {
        req.socket.destroy();
        resolve({ kind: 'aborted' });
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { kind: 'too-large' } : { kind: 'body', body: Buffer.concat(chunks) }),
    );
    req.on('error', () => resolve({ kind: 'aborted' }));
  });
}
