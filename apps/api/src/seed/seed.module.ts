import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module';
import { PositionsModule } from '../modules/positions/positions.module';
import { StationModule } from '../modules/station/station.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IdentityModule, PositionsModule, StationModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
