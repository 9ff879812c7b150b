import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { Allow, AnyPerson, AuditedByService } from './authorization/permissions';
import { type PersonPrincipal } from './authorization/principal';
import { CurrentPerson } from './authorization/request-context';
import { CurrentUserDto, SetActiveEntityDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';

@ApiTags('Accesso')
@Controller('v1/me')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @Allow(AnyPerson)
  @ApiOperation({
    summary: 'Utente corrente',
    description: 'Codice fiscale, nome, ruoli per ente, ente attivo, ruolo nell’intermediario.',
  })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentPerson() person: PersonPrincipal): Promise<CurrentUserDto> {
    return this.identity.currentUser(person);
  }

  @Put('active-entity')
  @Allow(AnyPerson)
  @AuditedByService()
  @ApiOperation({ summary: 'Cambia ente attivo', description: 'Per chi ha ruoli in più enti.' })
  @ApiOkResponse({ type: CurrentUserDto })
  switchEntity(
    @CurrentPerson() person: PersonPrincipal,
    @Body() body: SetActiveEntityDto,
    @Req() request: Request,
  ): Promise<CurrentUserDto> {
    return this.identity.switchEntity(person, body.entityId, request);
  }
}
