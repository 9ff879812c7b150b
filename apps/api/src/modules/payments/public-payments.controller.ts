import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { Public } from '../identity/authorization/permissions';
import { type Principal } from '../identity/authorization/principal';
import { CurrentPrincipal } from '../identity/authorization/request-context';
import { CheckoutService } from './checkout.service';
import {
  CheckoutDto,
  CheckoutStartedDto,
  DeclareOutcomeDto,
  DueTypeIdParam,
  NoticeParam,
  PaymentAttemptDto,
  PublicNoticeDto,
  ReferenceParam,
  ReferenceReceiptParam,
  SpontaneousPaymentDto,
  SpontaneousPaymentStartedDto,
  SpontaneousServiceDetailDto,
  SpontaneousServiceDto,
  SpontaneousServicesQueryDto,
} from './dto/payments.dto';
import { personOnPublicWrite, sendPdf } from './http';
import { PublicRateLimiter } from './public-rate-limiter';
import { SpontaneousPaymentsService } from './spontaneous-payments.service';

@ApiTags('Pagamenti (pubblico)')
@Public()
@Controller('v1/public')
export class PublicPaymentsController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly spontaneous: SpontaneousPaymentsService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Get('notices/:entityFiscalCode/:noticeNumber')
  @ApiOperation({
    summary: 'Un avviso dal suo codice',
    description:
      'Importo e scadenza aggiornati, ente, oggetto e pagabilità in parole (da pagare, già pagato, scaduto, ' +
      'annullato, sconosciuto), senza alcun dato del debitore. Limitato a 30 richieste al minuto per indirizzo IP.',
  })
  @ApiOkResponse({ type: PublicNoticeDto })
  @ApiBadRequestResponse({ description: 'Codice avviso o codice fiscale ente non validi' })
  @ApiTooManyRequestsResponse({ description: '`RATE_LIMITED`' })
  notice(@Param() notice: NoticeParam, @Req() request: Request): Promise<PublicNoticeDto> {
    this.limiter.hit('noticeLookup', request.ip);
    return this.checkout.publicNotice(notice);
  }

  @Post('payments/checkout')
  @ApiOperation({
    summary: 'Paga uno o più avvisi con pagoPA Checkout',
    description:
      'Da 1 a 5 avvisi pagabili: apre il carrello su Checkout e risponde con l’indirizzo a cui mandare il ' +
      'cittadino e il riferimento del pagamento per la pagina di esito.',
  })
  @ApiCreatedResponse({ type: CheckoutStartedDto })
  @ApiNotFoundResponse({ description: 'Avviso sconosciuto (`notices[i]`)' })
  @ApiConflictResponse({ description: 'Avviso già pagato, scaduto o annullato (`notices[i]`)' })
  @ApiServiceUnavailableResponse({ description: 'Checkout non raggiungibile' })
  start(
    @Body() body: CheckoutDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<CheckoutStartedDto> {
    this.limiter.hit('checkout', request.ip);
    return this.checkout.start(
      body.notices,
      { origin: 'PUBLIC', personFiscalCode: personOnPublicWrite(principal, request), apiKeyId: null },
      body.email ? { email: body.email } : {},
    );
  }

  @Get('payments/:reference')
  @ApiOperation({
    summary: 'Stato di un pagamento',
    description:
      'IN_CORSO finché non arrivano le ricevute, PAGATO con le ricevute, ANNULLATO o ERRORE. Lo stato viene dalle ' +
      'ricevute della stazione, non dall’URL di ritorno.',
  })
  @ApiOkResponse({ type: PaymentAttemptDto })
  @ApiNotFoundResponse()
  attempt(@Param() { reference }: ReferenceParam): Promise<PaymentAttemptDto> {
    return this.checkout.attempt(reference);
  }

  @Post('payments/:reference/outcome')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rientro da Checkout con annullamento o errore',
    description:
      'Registrato solo la prima volta; una ricevuta che arriva dopo rende comunque il pagamento PAGATO.',
  })
  @ApiOkResponse({ type: PaymentAttemptDto })
  @ApiNotFoundResponse()
  declare(
    @Param() { reference }: ReferenceParam,
    @Body() body: DeclareOutcomeDto,
  ): Promise<PaymentAttemptDto> {
    return this.checkout.declare(reference, body.outcome);
  }

  @Get('payments/:reference/receipts/:receiptId/receipt.pdf')
  @ApiOperation({
    summary: 'Ricevuta di un pagamento, dal suo riferimento',
    description: 'Per chi ha pagato senza accedere: solo le ricevute del pagamento di quel riferimento.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Il PDF' })
  @ApiNotFoundResponse()
  async receipt(
    @Param() { reference, receiptId }: ReferenceReceiptParam,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.checkout.receiptPdf(reference, receiptId));
  }

  @Get('spontaneous-services')
  @ApiOperation({
    summary: 'Catalogo dei pagamenti spontanei',
    description:
      'I tipi dovuto pagabili spontaneamente degli enti in esercizio con il servizio Pagamenti spontanei attivo; ' +
      'ricerca per nome del servizio o dell’ente.',
  })
  @ApiOkResponse({ type: [SpontaneousServiceDto] })
  services(@Query() query: SpontaneousServicesQueryDto): Promise<SpontaneousServiceDto[]> {
    return this.spontaneous.services(query);
  }

  @Get('spontaneous-services/:dueTypeId')
  @ApiOperation({ summary: 'Un servizio del catalogo, con il JSON Schema del suo modulo' })
  @ApiOkResponse({ type: SpontaneousServiceDetailDto })
  @ApiNotFoundResponse()
  service(@Param() { dueTypeId }: DueTypeIdParam): Promise<SpontaneousServiceDetailDto> {
    return this.spontaneous.service(dueTypeId);
  }

  @Post('spontaneous-payments')
  @ApiOperation({
    summary: 'Pagamento spontaneo',
    description:
      'Controlla il modulo con il JSON Schema del servizio e le regole sull’importo (fisso, minimo, massimo), crea ' +
      'la posizione (pubblicata, valida 30 giorni) e apre il carrello su Checkout. Senza `debtor` il debitore è la ' +
      'persona collegata.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'La stessa chiave non crea una seconda posizione',
  })
  @ApiCreatedResponse({ type: SpontaneousPaymentStartedDto })
  @ApiBadRequestResponse({
    description: '`VALIDATION_FAILED`: `formValues.<campo>`, `amountCents`, `debtor…`',
  })
  @ApiNotFoundResponse({ description: 'Servizio non disponibile' })
  @ApiServiceUnavailableResponse({
    description: 'Checkout non raggiungibile: l’avviso creato resta pagabile',
  })
  pay(
    @Body() body: SpontaneousPaymentDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SpontaneousPaymentStartedDto> {
    this.limiter.hit('spontaneousPayment', request.ip);
    return this.spontaneous.pay(body, personOnPublicWrite(principal, request), {
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  }
}
