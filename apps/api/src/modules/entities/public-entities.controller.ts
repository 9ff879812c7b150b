import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntitySummaryPageDto } from './dto/entity-summary.dto';
import { ListEntitiesQuery } from './dto/list-entities.query';
import { EntitiesService } from './entities.service';
import { Public } from '../identity/authorization/permissions';

@ApiTags('Enti')
@Public()
@Controller('v1/public/entities')
export class PublicEntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Get()
  @ApiOperation({
    summary: 'Enti aderenti',
    description: 'Dati pubblici degli enti creditori collegati, in ordine alfabetico, paginati con cursore.',
  })
  @ApiOkResponse({ type: EntitySummaryPageDto })
  list(@Query() query: ListEntitiesQuery): Promise<EntitySummaryPageDto> {
    return this.entities.listPublic(query);
  }
}
