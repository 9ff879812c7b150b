import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { HealthResponseDto } from './health.dto';
import { HealthService } from './health.service';
import { Public } from '../identity/authorization/permissions';

@ApiTags('Stato del servizio')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary: 'Stato del servizio',
    description:
      'Raggiungibilità del database, migrazioni in sospeso, code dei job, versione. 503 se il database non risponde.',
  })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponseDto> {
    const health = await this.health.check();
    response.status(health.status === 'down' ? 503 : 200).setHeader('Cache-Control', 'no-store');
    return health;
  }
}
