import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { NodeModule } from '../node/node.module';
import { NoticesModule } from '../notices/notices.module';
import { PositionsModule } from '../positions/positions.module';
import { StationModule } from '../station/station.module';
import { CheckoutService } from './checkout.service';
import { CitizenService } from './citizen.service';
import { MyPaymentsController } from './my-payments.controller';
import { PAYMENT_TABLES } from './payment-attempt.entity';
import { PaymentsRepository } from './payments.repository';
import { PortalPaymentsController } from './portal-payments.controller';
import { PublicPaymentsController } from './public-payments.controller';
import { PublicRateLimiter } from './public-rate-limiter';
import { SpontaneousPaymentsService } from './spontaneous-payments.service';

/** The citizen area and payments: notices by code, Checkout carts, spontaneous payments, my notices and receipts. */
@Module({
  imports: [
    TypeOrmModule.forFeature(PAYMENT_TABLES),
    IdentityModule,
    NodeModule,
    NoticesModule,
    PositionsModule,
    StationModule,
  ],
  controllers: [PublicPaymentsController, MyPaymentsController, PortalPaymentsController],
  providers: [
    PaymentsRepository,
    CheckoutService,
    CitizenService,
    SpontaneousPaymentsService,
    PublicRateLimiter,
  ],
  exports: [CheckoutService],
})
export class PaymentsModule {}
