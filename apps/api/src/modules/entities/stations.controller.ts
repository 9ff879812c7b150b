import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresPermission } from '../../common/requires-permission';
import { IdParam } from './dto/params';
import { CreateStationDto, StationDto, UpdateStationDto } from './dto/station.dto';
import { StationsService } from './stations.service';

@ApiTags('Stazioni')
@Controller('v1/admin/stations')
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @RequiresPermission('entities:read')
  @ApiOperation({
    summary: 'Stazioni dell’intermediario',
    description: 'Password e chiavi non sono mai restituite.',
  })
  @ApiOkResponse({ type: [StationDto] })
  list(): Promise<StationDto[]> {
    return this.stations.list();
  }

  @Post()
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Registra una stazione',
    description: 'Password e chiave di sottoscrizione sono cifrate (AES-256-GCM).',
  })
  @ApiCreatedResponse({ type: StationDto })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'idStation già registrato' })
  create(@Body() body: CreateStationDto): Promise<StationDto> {
    return this.stations.create(body);
  }

  @Patch(':id')
  @RequiresPermission('entities:write')
  @ApiOperation({
    summary: 'Modifica una stazione',
    description: 'Inviando password o subscriptionKey li si sostituisce.',
  })
  @ApiOkResponse({ type: StationDto })
  update(@Param() { id }: IdParam, @Body() body: UpdateStationDto): Promise<StationDto> {
    return this.stations.update(id, body);
  }
}
