import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Request } from 'express';
import { Repository } from 'typeorm';
import { type AuditEvent, type AuditEventPage, type AuditOutcome } from '@pagamenti/contracts';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { correlationIdOf } from '../../common/correlation-id';
import { AuditEventRow } from './audit-event.entity';

/** Who acted: a person (fiscal code), an entity's API key, the system, or nobody known. */
export interface AuditActor {
  kind: AuditEvent['actorKind'];
  fiscalCode?: string | null;
  apiKeyId?: string;
}

export interface AuditRecord {
  action: string;
  outcome?: AuditOutcome;
  actor: AuditActor;
  entityId?: string | null;
  objectType?: string;
  objectId?: string;
  details?: Record<string, unknown>;
  request?: Request;
}

export interface AuditSearch {
  action?: string;
  actor?: string;
  entityId?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  limit: number;
  after?: { at: Date; id: string };
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    @InjectRepository(AuditEventRow) private readonly events: Repository<AuditEventRow>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes one event. The register must not lose a line silently: a failure is logged as an error. */
  async record(record: AuditRecord): Promise<void> {
    try {
      await this.events.insert({
        action: record.action,
        outcome: record.outcome ?? 'success',
        actorKind: record.actor.kind,
        actorFiscalCode: record.actor.fiscalCode ?? null,
        entityId: record.entityId ?? null,
        objectType: record.objectType ?? null,
        objectId: record.objectId ?? null,
        ip: record.request?.ip ?? null,
        correlationId: record.request ? correlationIdOf(record.request) : null,
        details: {
          ...(record.details ?? {}),
          ...(record.actor.apiKeyId ? { apiKeyId: record.actor.apiKeyId } : {}),
        },
      });
    } catch (error) {
      this.logger.error({ err: error, action: record.action }, 'Audit event not written');
    }
  }

  /** Newest first, keyset-paginated; entity scope applied by the caller through `entityId`. */
  async search(search: AuditSearch): Promise<AuditEventPage> {
    const query = this.events
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(search.limit + 1);
    if (search.action) query.andWhere('a.action LIKE :action', { action: `${search.action}%` });
    if (search.actor) query.andWhere('a.actor_fiscal_code = :actor', { actor: search.actor });
    if (search.entityId) query.andWhere('a.entity_id = :entityId', { entityId: search.entityId });
    if (search.outcome) query.andWhere('a.outcome = :outcome', { outcome: search.outcome });
    if (search.from) query.andWhere('a.at >= :from', { from: search.from });
    if (search.to) query.andWhere('a.at < :to', { to: search.to });
    if (search.after)
      query.andWhere('(a.at, a.id) < (:afterAt, :afterId)', {
        afterAt: search.after.at,
        afterId: search.after.id,
      });
    const rows = await query.getMany();
    const items = rows.slice(0, search.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toDto),
      nextCursor:
        rows.length > search.limit && last
          ? Buffer.from(JSON.stringify([last.at.toISOString(), last.id])).toString('base64url')
          : null,
    };
  }

  /** Deletes events older than the retention (AUDIT_RETENTION_MONTHS). */
  async purge(now = new Date()): Promise<{ deleted: number; cutoff: string }> {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.config.audit.retentionMonths);
    const result = await this.events
      .createQueryBuilder()
      .delete()
      .where('at < :cutoff', { cutoff })
      .execute();
    return { deleted: result.affected ?? 0, cutoff: cutoff.toISOString() };
  }
}

export function decodeAuditCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)))
      return { at: new Date(at), id };
  } catch {
    // invalid below
  }
  return null;
}

function toDto(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    outcome: row.outcome,
    actorFiscalCode: row.actorFiscalCode,
    actorKind: row.actorKind,
    entityId: row.entityId,
    objectType: row.objectType,
    objectId: row.objectId,
    ip: row.ip,
    correlationId: row.correlationId,
    details: row.details,
  };
}
