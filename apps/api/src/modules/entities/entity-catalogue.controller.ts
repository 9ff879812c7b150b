import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type DueTypePreset } from '@pagamenti/contracts';
import { RequiresPermission } from '../../common/requires-permission';
import { CreateEntityAccountDto, EntityAccountDto, UpdateEntityAccountDto } from './dto/account.dto';
import { CreateDueTypeDto, DueTypeDto, DueTypePresetDto, UpdateDueTypeDto } from './dto/due-type.dto';
import { DueTypeListQuery } from './dto/due-type-list.query';
import { EntityItemParam, EntityParam } from './dto/params';
import { CatalogueService } from './catalogue.service';

@ApiTags('Conti e catalogo dovuti dell’ente')
@Controller('v1/entities/:entityId')
export class EntityCatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('accounts')
  @RequiresPermission('catalogue:read')
  @ApiOperation({
    summary: 'Conti di accredito',
    description: 'IBAN bancari e postali dell’ente, con il loro uso.',
  })
  @ApiOkResponse({ type: [EntityAccountDto] })
  @ApiNotFoundResponse()
  listAccounts(@Param() { entityId }: EntityParam): Promise<EntityAccountDto[]> {
    return this.catalogue.listAccounts(entityId);
  }

  @Post('accounts')
  @RequiresPermission('catalogue:write')
  @ApiOperation({
    summary: 'Registra un conto',
    description: 'IBAN italiano con cifre di controllo corrette; POSTAL solo con IBAN di Poste (ABI 07601).',
  })
  @ApiCreatedResponse({ type: EntityAccountDto })
  @ApiBadRequestResponse({ description: 'IBAN non valido o tipo di conto incoerente' })
  @ApiConflictResponse({ description: 'IBAN già registrato per l’ente' })
  createAccount(
    @Param() { entityId }: EntityParam,
    @Body() body: CreateEntityAccountDto,
  ): Promise<EntityAccountDto> {
    return this.catalogue.createAccount(entityId, body);
  }

  @Patch('accounts/:id')
  @RequiresPermission('catalogue:write')
  @ApiOperation({
    summary: 'Modifica o disattiva un conto',
    description: 'Non si disattiva un conto predefinito di tipi dovuto attivi.',
  })
  @ApiOkResponse({ type: EntityAccountDto })
  @ApiConflictResponse({ description: 'Conto in uso' })
  updateAccount(
    @Param() { entityId, id }: EntityItemParam,
    @Body() body: UpdateEntityAccountDto,
  ): Promise<EntityAccountDto> {
    return this.catalogue.updateAccount(entityId, id, body);
  }

  @Get('due-types')
  @RequiresPermission('catalogue:read')
  @ApiOperation({
    summary: 'Catalogo dei dovuti',
    description: 'I tipi dovuto dell’ente, in ordine alfabetico.',
  })
  @ApiOkResponse({ type: [DueTypeDto] })
  listDueTypes(@Param() { entityId }: EntityParam, @Query() query: DueTypeListQuery): Promise<DueTypeDto[]> {
    return this.catalogue.listDueTypes(entityId, query);
  }

  @Post('due-types')
  @RequiresPermission('catalogue:write')
  @ApiOperation({
    summary: 'Aggiunge un tipo dovuto',
    description:
      'Codice tassonomico nel formato pagoPA (es. 9/0115101TS/); importo fisso o libero (min/max) in centesimi; per i ' +
      'pagamenti spontanei un modulo in JSON Schema, verificato (dimensione, profondità, parole chiave ammesse).',
  })
  @ApiCreatedResponse({ type: DueTypeDto })
  @ApiBadRequestResponse({ description: 'Campi non validi: tassonomia, importi, schema del modulo' })
  @ApiConflictResponse({ description: 'Codice già usato nell’ente' })
  createDueType(@Param() { entityId }: EntityParam, @Body() body: CreateDueTypeDto): Promise<DueTypeDto> {
    return this.catalogue.createDueType(entityId, body);
  }

  @Get('due-types/:id')
  @RequiresPermission('catalogue:read')
  @ApiOperation({ summary: 'Un tipo dovuto' })
  @ApiOkResponse({ type: DueTypeDto })
  @ApiNotFoundResponse()
  getDueType(@Param() { entityId, id }: EntityItemParam): Promise<DueTypeDto> {
    return this.catalogue.getDueType(entityId, id);
  }

  @Patch('due-types/:id')
  @RequiresPermission('catalogue:write')
  @ApiOperation({
    summary: 'Modifica, attiva o disattiva un tipo dovuto',
    description: 'Il codice non cambia. Disattivare non tocca le posizioni già emesse.',
  })
  @ApiOkResponse({ type: DueTypeDto })
  @ApiBadRequestResponse()
  updateDueType(
    @Param() { entityId, id }: EntityItemParam,
    @Body() body: UpdateDueTypeDto,
  ): Promise<DueTypeDto> {
    return this.catalogue.updateDueType(entityId, id, body);
  }
}

@ApiTags('Conti e catalogo dovuti dell’ente')
@Controller('v1/due-type-presets')
export class DueTypePresetsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @RequiresPermission('catalogue:read')
  @ApiOperation({
    summary: 'Modelli di tipo dovuto',
    description:
      'TARI, mensa scolastica, permesso di sosta, ticket sanitario, sanzioni, canoni: precompilano il modulo.',
  })
  @ApiOkResponse({ type: [DueTypePresetDto] })
  list(): readonly DueTypePreset[] {
    return this.catalogue.presets();
  }
}
