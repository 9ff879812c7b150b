import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiErrorCode, type ApiKeySummary, type CreatedApiKey } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { type ApiKeyPrincipal, type EntityScope } from '../authorization/principal';
import { ApiKey } from '../identity.entities';
import { hashToken } from '../sessions/sessions.service';
import { type CreateApiKeyDto } from './api-keys.dto';

/**
 * Keys for entity software: `pk_<prefix>_<secret>`, shown once, stored as SHA-256, scoped, revocable,
 * rate-limited per key (fixed one-minute window, per replica).
 */
@Injectable()
export class ApiKeysService {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(scope: EntityScope): Promise<ApiKeySummary[]> {
    const rows = await this.keys.find({ where: { entityId: scope.entityId }, order: { createdAt: 'DESC' } });
    return rows.map(toSummary);
  }

  async create(scope: EntityScope, dto: CreateApiKeyDto, createdBy: string): Promise<CreatedApiKey> {
    const prefix = randomBytes(6).toString('hex');
    const key = `pk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const row = await this.keys.save(
      this.keys.create({
        entityId: scope.entityId,
        name: dto.name,
        prefix,
        keyHash: hashToken(key),
        scopes: dto.scopes,
        createdBy,
      }),
    );
    return { ...toSummary(row), key };
  }

  /** Revokes a key of the caller's entity; false when the entity has no such active key. */
  async revoke(scope: EntityScope, id: string): Promise<ApiKey | null> {
    const row = await this.keys.findOneBy({ id, entityId: scope.entityId, revokedAt: IsNull() });
    if (!row) return null;
    row.revokedAt = new Date();
    await this.keys.save(row);
    return row;
  }

  async authenticate(key: string): Promise<ApiKeyPrincipal | null> {
    if (!/^pk_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}$/.test(key)) return null;
    const row = await this.keys.findOneBy({ keyHash: hashToken(key), revokedAt: IsNull() });
    if (!row) return null;
    this.throttle(row.id);
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await this.keys.update({ id: row.id }, { lastUsedAt: now });
    }
    return { kind: 'api-key', keyId: row.id, entityId: row.entityId, scopes: row.scopes };
  }

  private throttle(id: string): void {
    const now = Date.now();
    const window = this.windows.get(id);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(id, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.config.identity.apiKeyRateLimitPerMinute) {
      throw new ApiException(
        ApiErrorCode.RateLimited,
        'Troppe richieste con questa chiave: riprova tra un minuto.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}

function toSummary(row: ApiKey): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: `pk_${row.prefix}`,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
