import { MiddlewareConsumer, Module, NestModule, OnApplicationShutdown, RequestMethod } from '@nestjs/common';
import { GatewayConfig } from '../config/gateway.config';
import { ForwardingMetrics } from './forwarding.metrics';
import { ForwardingMiddleware } from './forwarding.middleware';
import { ForwardingTable } from './forwarding-routes';
import { UpstreamProxy } from './upstream-proxy';

/** The forwarder for the other services' public paths (a middleware in front of the gateway's own routes). */
@Module({
  providers: [
    {
      provide: ForwardingTable,
      useFactory: (config: GatewayConfig) => ForwardingTable.fromConfig(config),
      inject: [GatewayConfig],
    },
    { provide: UpstreamProxy, useFactory: () => new UpstreamProxy() },
    ForwardingMetrics,
  ],
})
export class ForwardingModule implements NestModule, OnApplicationShutdown {
  constructor(private readonly proxy: UpstreamProxy) {}

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ForwardingMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  onApplicationShutdown() {
    this.proxy.close();
  }
}
