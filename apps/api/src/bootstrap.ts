import { type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { assignCorrelationId } from './common/correlation-id';
import { type AppConfig } from './config/app-config';
import { streamsOwnBody } from './modules/positions/imports/upload-body';
import { serveSpas } from './modules/spa/serve-spas';
import { buildOpenApiDocument } from './openapi';

/** Builds the HTTP application (not yet listening): used by `main.ts` and by the integration tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // First of all, so that even a body the parser rejects is answered and logged with its correlation id.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = assignCorrelationId(req, res);
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: config.environment === 'production' ? [] : null,
        },
      },
    }),
  );
  app.useBodyParser('json', {
    limit: config.bodyLimit,
    // The bulk upload of debt positions streams its own body (up to 100 MB) into the database.
    type: (req: IncomingMessage) => isJsonRequest(req) && !streamsOwnBody(req),
  });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  // The pagoPA station keeps the path registered with the node, outside the REST prefix.
  app.setGlobalPrefix('api', { exclude: [{ path: 'pagopa/paForNode', method: RequestMethod.ALL }] });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    customSiteTitle: 'API — Piattaforma pagamenti pagoPA',
  });

  serveSpas(app, config.spaRoot ?? join(__dirname, '..'), new NestLogger('Spa'));
  return app;
}

/** What the JSON body parser takes by default: `application/json` (parameters such as charset aside). */
function isJsonRequest(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
