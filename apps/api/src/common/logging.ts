import { type Params } from 'nestjs-pino';
import { type AppConfig } from '../config/app-config';
import { assignCorrelationId } from './correlation-id';

/** JSON logs (pino), one line per request with its correlation id; secrets redacted. */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req, res) => (typeof req.id === 'string' ? req.id : assignCorrelationId(req, res)),
      customAttributeKeys: { reqId: 'correlationId' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
      // The pagoPA station journals every call itself (station_journal), at a rate where a log line each would cost.
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/pagopa/paForNode' },
      base: { service: 'api' },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  };
}
