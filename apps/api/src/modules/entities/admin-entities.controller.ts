import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, RequiresPermission } from '../../common/requires-permission';
import {
  AdminListEntitiesQuery,
  CreateEntityDto,
  EntityDetailDto,
  EntityListPageDto,
  EntityPipelineDto,
  OnboardingTransitionDto,
  OnboardingTransitionRecordDto,
  PipelineQuery,
  ServiceParam,
  UpdateChecklistItemDto,
  UpdateEntityDto,
  UpdateServiceActivationDto,
} from './dto/admin-entity.dto';
import { ChecklistItemParam, IdParam } from './dto/params';
import { EntitiesAdminService } from './entities-admin.service';

@ApiTags('Enti (intermediario)')
@Controller('v1/admin/entities')
export class AdminEntitiesController {
  constructor(private readonly entities: EntitiesAdminService) {}

  @Get()
  @RequiresPermission('entities:read')
  @ApiOperation({
    summary: 'Elenco degli enti',
    description:
      'Filtri per fase, provincia, categoria e testo (nome, codice fiscale, codice IPA); paginato con cursore.',
  })
  @ApiOkResponse({ type: EntityListPageDto })
  list(@Query() query: AdminListEntitiesQuery): Promise<EntityListPageDto> {
    return this.entities.list(query);
  }

  @Get('pipeline')
  @RequiresPermission('entities:read')
  @ApiOperation({
    summary: 'Enti per fase di adesione',
    description: 'Conteggi per fase, con i filtri provincia e categoria.',
  })
  @ApiOkResponse({ type: EntityPipelineDto })
  pipeline(@Query() query: PipelineQuery): Promise<EntityPipelineDto> {
    return this.entities.pipeline(query);
  }

  @Post()
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Registra un ente',
    description: 'L’ente nasce in fase ADHESION_REQUESTED; la nota va nel primo passo dello storico.',
  })
  @ApiCreatedResponse({ type: EntityDetailDto })
  @ApiBadRequestResponse({
    description: 'Campi non validi (es. codice fiscale con carattere di controllo errato)',
  })
  @ApiConflictResponse({ description: 'Codice fiscale già registrato' })
  create(@Body() body: CreateEntityDto, @Actor() actor: string): Promise<EntityDetailDto> {
    return this.entities.create(body, actor);
  }

  @Get(':id')
  @RequiresPermission('entities:read')
  @ApiOperation({
    summary: 'Scheda dell’ente',
    description: 'Configurazione, checklist, servizi e passaggi consentiti.',
  })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiNotFoundResponse()
  get(@Param() { id }: IdParam): Promise<EntityDetailDto> {
    return this.entities.get(id);
  }

  @Patch(':id')
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Modifica anagrafica e configurazione',
    description:
      'Solo i campi inviati; null svuota un campo facoltativo. Il codice fiscale e la fase non si cambiano qui.',
  })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  update(@Param() { id }: IdParam, @Body() body: UpdateEntityDto): Promise<EntityDetailDto> {
    return this.entities.update(id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Cambia fase di adesione',
    description:
      'Passaggi: ADHESION_REQUESTED → AGREEMENT_SIGNED → CONFIGURATION → TESTING → PRODUCTION; TESTING → ' +
      'CONFIGURATION; PRODUCTION ⇄ SUSPENDED; ogni fase → WITHDRAWN (definitiva). Avanzare richiede la checklist ' +
      'della fase completa; gli altri passaggi richiedono una nota. Un passaggio non consentito risponde 409 con ' +
      '`details.allowedTransitions`.',
  })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiBadRequestResponse({ description: 'Nota mancante dove è obbligatoria' })
  @ApiConflictResponse({ description: 'Passaggio non consentito, o checklist della fase incompleta' })
  @ApiNotFoundResponse()
  transition(
    @Param() { id }: IdParam,
    @Body() body: OnboardingTransitionDto,
    @Actor() actor: string,
  ): Promise<EntityDetailDto> {
    return this.entities.transition(id, body, actor);
  }

  @Get(':id/transitions')
  @RequiresPermission('entities:read')
  @ApiOperation({
    summary: 'Storico delle fasi',
    description: 'Dal più recente: chi, quando, da quale fase a quale, con la nota.',
  })
  @ApiOkResponse({ type: [OnboardingTransitionRecordDto] })
  @ApiNotFoundResponse()
  history(@Param() { id }: IdParam): Promise<OnboardingTransitionRecordDto[]> {
    return this.entities.history(id);
  }

  @Put(':id/checklist/:key')
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Spunta una voce della checklist',
    description:
      'Solo le voci manuali; quelle automatiche (IBAN, stazione, codice di segregazione, catalogo) seguono i dati.',
  })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiConflictResponse({ description: 'Voce automatica' })
  @ApiNotFoundResponse()
  checklist(
    @Param() { id, key }: ChecklistItemParam,
    @Body() body: UpdateChecklistItemDto,
    @Actor() actor: string,
  ): Promise<EntityDetailDto> {
    return this.entities.updateChecklistItem(id, key, body, actor);
  }

  @Put(':id/services/:service')
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Stato di attivazione di un servizio',
    description: 'ACTIVE solo per enti in esercizio; TESTING dalla configurazione in poi.',
  })
  @ApiOkResponse({ type: EntityDetailDto })
  @ApiConflictResponse({ description: 'Stato non consentito nella fase dell’ente' })
  service(
    @Param() { id, service }: ServiceParam,
    @Body() body: UpdateServiceActivationDto,
    @Actor() actor: string,
  ): Promise<EntityDetailDto> {
    return this.entities.updateService(id, service, body.status, actor);
  }
}
