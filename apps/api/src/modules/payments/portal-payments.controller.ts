import { Body, Controller, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';
import { Allow, ApiKeyScopes } from '../identity/authorization/permissions';
import { type Principal } from '../identity/authorization/principal';
import { CurrentPrincipal } from '../identity/authorization/request-context';
import { PositionsRepository } from '../positions/positions.repository';
import { CheckoutService } from './checkout.service';
import { CheckoutStartedDto, PortalCheckoutDto } from './dto/payments.dto';

@ApiTags('Pagamenti dal portale dell’ente')
@ApiBearerAuth()
@Controller('v1/payments')
export class PortalPaymentsController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly positions: PositionsRepository,
  ) {}

  @Post('checkout')
  @Allow(ApiKeyScopes('payments:write'))
  @ApiOperation({
    summary: 'Avvia il pagamento di avvisi dal portale dell’ente',
    description:
      'Per il software dell’ente (chiave API con l’ambito `payments:write`): da 1 a 5 avvisi pagabili dell’ente ' +
      'della chiave e gli URL di ritorno del portale. Risponde con `checkoutUrl`, l’indirizzo di pagoPA Checkout a ' +
      'cui reindirizzare il cittadino, e `reference`, con cui `GET /api/v1/public/payments/{reference}` dice se le ' +
      'ricevute sono arrivate. L’esito vale solo con la ricevuta: l’URL di ritorno non la sostituisce.',
  })
  @ApiBody({
    type: PortalCheckoutDto,
    examples: {
      unAvviso: {
        summary: 'Un avviso, con gli URL di ritorno del portale',
        value: {
          notices: [{ noticeNumber: '307000000000000123' }],
          returnUrls: {
            returnOkUrl: 'https://servizi.comune.pineto.te.it/pagamenti/esito?esito=ok&pratica=4711',
            returnCancelUrl:
              'https://servizi.comune.pineto.te.it/pagamenti/esito?esito=annullato&pratica=4711',
            returnErrorUrl: 'https://servizi.comune.pineto.te.it/pagamenti/esito?esito=errore&pratica=4711',
          },
          email: 'mario.rossi@example.it',
        },
      },
    },
  })
  @ApiCreatedResponse({
    type: CheckoutStartedDto,
    description: 'Carrello aperto',
    example: {
      checkoutUrl: 'https://checkout.pagopa.it/c/8c1f2d7e',
      reference: 'q3Zt0mH1yW8c2V6bX9aL4sR7uE5nK0pD',
    },
  })
  @ApiNotFoundResponse({ description: 'Avviso sconosciuto all’ente della chiave (`notices[i]`)' })
  @ApiServiceUnavailableResponse({ description: 'Checkout non raggiungibile' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PortalCheckoutDto,
  ): Promise<CheckoutStartedDto> {
    const entity = principal.kind === 'api-key' ? await this.positions.findEntity(principal.entityId) : null;
    if (principal.kind !== 'api-key' || !entity)
      throw new ApiException(ApiErrorCode.Forbidden, 'Serve una chiave API dell’ente.', HttpStatus.FORBIDDEN);
    return this.checkout.start(
      body.notices.map((notice) => ({
        entityFiscalCode: entity.fiscalCode,
        noticeNumber: notice.noticeNumber,
      })),
      { origin: 'PORTAL', personFiscalCode: null, apiKeyId: principal.keyId, entityId: entity.id },
      { returnUrls: body.returnUrls, ...(body.email ? { email: body.email } : {}) },
    );
  }
}
