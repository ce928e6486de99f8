import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { RequestLoggerMiddleware } from './common/request-logger.middleware';

@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggerMiddleware).forRoutes('*');
  }
}
