import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Response } from 'express';
import { Allow, AnyPerson } from '../identity/authorization/permissions';
import { type PersonPrincipal } from '../identity/authorization/principal';
import { CurrentPerson } from '../identity/authorization/request-context';
import { CheckoutService } from './checkout.service';
import { CitizenService } from './citizen.service';
import {
  CheckoutDto,
  CheckoutStartedDto,
  MyPositionDto,
  MyPositionIdParam,
  MyReceiptPageDto,
  MyReceiptParam,
  MyReceiptsQueryDto,
} from './dto/payments.dto';
import { sendPdf } from './http';

@ApiTags('Area cittadino')
@Allow(AnyPerson)
@Controller('v1/me')
export class MyPaymentsController {
  constructor(
    private readonly citizen: CitizenService,
    private readonly checkout: CheckoutService,
  ) {}

  @Get('positions')
  @ApiOperation({
    summary: 'I miei avvisi',
    description:
      'Le posizioni aperte (da pagare, pagate in parte, scadute) di cui la persona collegata è debitrice, in tutti ' +
      'gli enti: importi, scadenze, rate con la loro pagabilità e il pagamento in corso.',
  })
  @ApiOkResponse({ type: [MyPositionDto] })
  positions(@CurrentPerson() person: PersonPrincipal): Promise<MyPositionDto[]> {
    return this.citizen.positions(person.fiscalCode);
  }

  @Get('positions/:positionId')
  @ApiOperation({ summary: 'Un mio avviso', description: 'Le posizioni di altri non esistono (404).' })
  @ApiOkResponse({ type: MyPositionDto })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  position(
    @CurrentPerson() person: PersonPrincipal,
    @Param() { positionId }: MyPositionIdParam,
  ): Promise<MyPositionDto> {
    return this.citizen.position(person.fiscalCode, positionId);
  }

  @Post('payments/checkout')
  @ApiOperation({
    summary: 'Paga insieme fino a 5 miei avvisi',
    description:
      'Solo avvisi di cui la persona collegata è debitrice; gli altri rispondono come sconosciuti.',
  })
  @ApiCreatedResponse({ type: CheckoutStartedDto })
  @ApiNotFoundResponse({ description: 'Avviso non mio o sconosciuto (`notices[i]`)' })
  @ApiConflictResponse({ description: 'Avviso già pagato, scaduto o annullato' })
  @ApiServiceUnavailableResponse({ description: 'Checkout non raggiungibile' })
  start(@CurrentPerson() person: PersonPrincipal, @Body() body: CheckoutDto): Promise<CheckoutStartedDto> {
    return this.checkout.start(
      body.notices,
      {
        origin: 'CITIZEN',
        personFiscalCode: person.fiscalCode,
        apiKeyId: null,
        debtorFiscalCode: person.fiscalCode,
      },
      body.email ? { email: body.email } : {},
    );
  }

  @Get('receipts')
  @ApiOperation({
    summary: 'Le mie ricevute',
    description:
      'Le ricevute dei pagamenti riusciti di cui la persona collegata è debitrice o pagatrice, dalla più recente; ' +
      'filtri per ente, date (ora italiana) e importo.',
  })
  @ApiOkResponse({ type: MyReceiptPageDto })
  receipts(
    @CurrentPerson() person: PersonPrincipal,
    @Query() query: MyReceiptsQueryDto,
  ): Promise<MyReceiptPageDto> {
    return this.citizen.receipts(person.fiscalCode, query);
  }

  @Get('receipts/:receiptId/receipt.pdf')
  @ApiOperation({
    summary: 'Una mia ricevuta in PDF',
    description: 'Le ricevute di altri non esistono (404).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Il PDF' })
  @ApiNotFoundResponse()
  async receipt(
    @CurrentPerson() person: PersonPrincipal,
    @Param() { receiptId }: MyReceiptParam,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.citizen.receiptPdf(person.fiscalCode, receiptId));
  }
}
