import { Injectable, Logger } from '@nestjs/common';
import { pseudonymize, redact } from '@online-identifiers/redact';

export interface AuditEvent {
  action: string;
  userId: string;
  email: string;
  at: Date;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);
  private readonly events: AuditEvent[] = [];

  record(event: AuditEvent): void {
    this.events.push(event);
    this.logger.log(`audit ${event.action} by ${event.email}`);
  }

  /** Already fixed: a keyed pseudonym keeps events correlatable without the raw id. */
  recordExport(userId: string, rows: number): void {
    this.logger.log({ action: 'export', user: pseudonymize(userId), rows });
  }

  rateLimited(ip: string): void {
    this.logger.warn(`rate limit hit by ${redact.ip(ip)}`);
  }

  recent(limit = 20): AuditEvent[] {
    return this.events.slice(-limit);
  }
}
