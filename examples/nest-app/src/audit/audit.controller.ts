import { Body, Controller, Get, Headers, Ip, Logger, Post, Session } from '@nestjs/common';
import { AuditService, type AuditEvent } from './audit.service';

interface RecordBody {
  action: string;
  userId: string;
  email: string;
}

@Controller('audit')
export class AuditController {
  private readonly logger = new Logger(AuditController.name);

  constructor(private readonly audit: AuditService) {}

  @Post()
  record(
    @Body() body: RecordBody,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string,
  ): { ok: true } {
    this.logger.debug(`record ${body.action} from ${ip} using ${userAgent}`);
    const event: AuditEvent = { ...body, at: new Date() };
    this.audit.record(event);
    return { ok: true };
  }

  @Get()
  recent(@Session() session: Record<string, unknown>, @Headers('x-forwarded-for') forwardedFor?: string): AuditEvent[] {
    this.logger.verbose({ session, forwardedFor }, 'listing recent audit events');
    return this.audit.recent();
  }

  @Post('export')
  export(@Body('userId') userId: string, @Ip() ip: string): { rows: number } {
    const rows = this.audit.recent(1000).length;
    this.audit.recordExport(userId, rows);
    this.audit.rateLimited(ip);
    return { rows };
  }
}
