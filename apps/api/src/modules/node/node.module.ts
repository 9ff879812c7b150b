import { Module } from '@nestjs/common';
import { EntitiesModule } from '../entities/entities.module';
import { CheckoutClient } from './checkout-client.service';
import { NodeClient } from './node-client.service';
import { PlatformCredentials } from './platform-credentials.service';

/** Our calls to the pagoPA platform: nodeForPa (reporting flows) and Checkout (carts). */
@Module({
  imports: [EntitiesModule],
  providers: [PlatformCredentials, NodeClient, CheckoutClient],
  exports: [NodeClient, CheckoutClient],
})
export class NodeModule {}
