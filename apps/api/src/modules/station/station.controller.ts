import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { paForNodeWsdl } from '@pagamenti/pagopa/soap';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../identity/authorization/permissions';

const XML = 'text/xml; charset=utf-8';

/** `GET /pagopa/paForNode?wsdl`: our WSDL, with our endpoint address. The SOAP calls are station-endpoint.ts. */
@ApiExcludeController()
@Controller('pagopa/paForNode')
export class StationController {
  private readonly wsdl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.wsdl = paForNodeWsdl(config.station.publicUrl);
  }

  @Get()
  @Public()
  describe(@Query('wsdl') wsdl: string | undefined, @Res() res: Response): void {
    // `?wsdl` (empty value) is the convention; any GET gets the same document.
    void wsdl;
    res.status(200).type(XML).send(this.wsdl);
  }
}
