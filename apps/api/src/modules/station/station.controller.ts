import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { paForNodeWsdl } from '@pagamenti/pagopa';
import { correlationIdOf } from '../../common/correlation-id';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../identity/authorization/permissions';
import { stationAccessRefusal } from './station-access';
import { StationJournalService } from './station-journal.service';
import { type StationAnswer, StationService } from './station.service';

const XML = 'text/xml; charset=utf-8';
/** Past this multiple of the limit an oversized body is not even drained: the connection is dropped. */
const DRAIN_FACTOR = 32;

type BodyRead = { kind: 'body'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * The pagoPA station endpoint (outside the `/api` prefix): SOAP 1.1 over HTTP. Public for the identity guard —
 * the node is authenticated by the network (client certificate at the TLS proxy, IP allow-list), both checked
 * here when configured. Answers are always SOAP; every call is journaled with its latency.
 */
@ApiExcludeController()
@Controller('pagopa/paForNode')
export class StationController {
  private readonly wsdl: string;

  constructor(
    private readonly station: StationService,
    private readonly journal: StationJournalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.wsdl = paForNodeWsdl(config.station.publicUrl);
  }

  @Get()
  @Public()
  describe(@Query('wsdl') wsdl: string | undefined, @Res() res: Response): void {
    // `?wsdl` (empty value) is the convention; any GET gets the same document.
    void wsdl;
    res.status(200).type(XML).send(this.wsdl);
  }

  @Post()
  @Public()
  async call(@Req() req: Request, @Res() res: Response): Promise<void> {
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
    res.status(answer.httpStatus).type(XML).send(answer.xml);
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
