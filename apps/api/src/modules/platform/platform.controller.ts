import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformInfoDto, PlatformStatsDto } from './dto/platform.dto';
import { PlatformService } from './platform.service';
import { Public } from '../identity/authorization/permissions';

@ApiTags('Piattaforma')
@Public()
@Controller('v1/platform')
export class PlatformController {
  constructor(private readonly platform: PlatformService) {}

  @Get()
  @ApiOperation({
    summary: 'Chi gestisce la piattaforma',
    description: 'Nome della piattaforma e dell’intermediario.',
  })
  @ApiOkResponse({ type: PlatformInfoDto })
  info(): Promise<PlatformInfoDto> {
    return this.platform.info();
  }

  @Get('stats')
  @ApiOperation({ summary: 'Numeri della piattaforma', description: 'Enti per fase di adesione.' })
  @ApiOkResponse({ type: PlatformStatsDto })
  stats(): Promise<PlatformStatsDto> {
    return this.platform.stats();
  }
}
