import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { type PersonPrincipal } from '../authorization/principal';
import { UserSession } from '../identity.entities';
import { RolesRepository } from '../roles/roles.repository';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  fiscalCode: string;
  idpEntityId: string;
  level: string;
  nameId: string | null;
  sessionIndex: string | null;
}

/** Server-side sessions in PostgreSQL: any replica resolves any cookie; idle and absolute timeouts. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    private readonly roles: RolesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings() {
    return this.config.identity.session;
  }

  /** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
  async create(values: NewSession): Promise<{ token: string; csrfToken: string; maxAgeMs: number }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const maxAgeMs = this.settings.absoluteHours * 3_600_000;
    const memberships = await this.roles.membershipsOf(values.fiscalCode);
    await this.sessions.insert({
      tokenHash: hashToken(token),
      csrfToken,
      ...values,
      activeEntityId: memberships[0]?.entityId ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxAgeMs),
    });
    return { token, csrfToken, maxAgeMs };
  }

  /** The person behind a cookie, or null when unknown, idle too long or past its absolute end. */
  async resolve(token: string): Promise<PersonPrincipal | null> {
    const tokenHash = hashToken(token);
    const session = await this.sessions.findOneBy({ tokenHash });
    if (!session) return null;
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.settings.idleMinutes * 60_000;
    if (session.expiresAt.getTime() <= now || idleLimit <= now) {
      await this.sessions.delete({ tokenHash });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > 30_000) {
      await this.sessions.update({ tokenHash }, { lastSeenAt: new Date(now) });
    }
    const [memberships, intermediaryRole] = await Promise.all([
      this.roles.membershipsOf(session.fiscalCode),
      this.roles.intermediaryRoleOf(session.fiscalCode),
    ]);
    const entityRoles = new Map(memberships.map((m) => [m.entityId, m.role]));
    return {
      kind: 'person',
      fiscalCode: session.fiscalCode,
      sessionTokenHash: tokenHash,
      csrfToken: session.csrfToken,
      activeEntityId:
        session.activeEntityId && entityRoles.has(session.activeEntityId)
          ? session.activeEntityId
          : (memberships[0]?.entityId ?? null),
      entityRoles,
      intermediaryRole,
      level: session.level,
      idpEntityId: session.idpEntityId,
      authenticatedAt: session.createdAt,
    };
  }

  async setActiveEntity(tokenHash: string, entityId: string): Promise<void> {
    await this.sessions.update({ tokenHash }, { activeEntityId: entityId });
  }

  async destroy(tokenHash: string): Promise<UserSession | null> {
    const session = await this.sessions.findOneBy({ tokenHash });
    if (session) await this.sessions.delete({ tokenHash });
    return session;
  }

  /** Deletes expired sessions (the idle limit is checked on use). */
  async purgeExpired(): Promise<number> {
    const idleCutoff = new Date(Date.now() - this.settings.idleMinutes * 60_000);
    const expired = await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    const idle = await this.sessions.delete({ lastSeenAt: LessThan(idleCutoff) });
    return (expired.affected ?? 0) + (idle.affected ?? 0);
  }
}
