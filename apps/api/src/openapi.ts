import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION } from './version';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Piattaforma pagamenti pagoPA — API')
    .setDescription(
      'API REST della piattaforma dell’intermediario tecnologico: per le SPA e per i gestionali degli enti. ' +
        'Importi in centesimi di euro; date ISO 8601. Ogni errore risponde `{ code, message, correlationId }`; ' +
        'l’intestazione `x-correlation-id` identifica la richiesta.',
    )
    .setVersion(APP_VERSION)
    .build();
  return SwaggerModule.createDocument(app, config);
}
