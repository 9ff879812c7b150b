import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrorCode, CSRF_HEADER } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { SessionsService } from '../sessions/sessions.service';
import { readCookie, SESSION_COOKIE } from '../sessions/cookies';
import { evaluate } from './evaluate';
import { type Grant, PERMISSION_METADATA } from './permissions';
import { type Principal } from './principal';
import { type AuthorizedRequest } from './request-context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: resolves the caller (API key, else session cookie), refuses routes that declare no permission,
 * applies the declared grants, checks the CSRF token of session-authenticated state changes, and leaves the
 * principal and the entity scope on the request.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly logger = new Logger(AuthorizationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthorizedRequest>();
    const grants = this.reflector.getAllAndOverride<Grant[] | undefined>(PERMISSION_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!grants || grants.length === 0) {
      this.logger.error(`Route without a permission declaration: ${request.method} ${request.path}`);
      throw new ApiException(ApiErrorCode.Forbidden, 'Operazione non consentita.', HttpStatus.FORBIDDEN);
    }
    const isPublic = grants.some((grant) => grant.kind === 'public');
    const principal = await this.resolve(request, isPublic);
    request.principal = principal;
    const target = request.params?.['entityId'];
    const decision = evaluate(grants, principal, typeof target === 'string' ? target : undefined);
    if (!decision.allowed) {
      throw decision.status === 401
        ? new ApiException(ApiErrorCode.Unauthorized, 'È necessario accedere.', HttpStatus.UNAUTHORIZED)
        : new ApiException(
            ApiErrorCode.Forbidden,
            'Non hai i permessi per questa operazione.',
            HttpStatus.FORBIDDEN,
          );
    }
    if (!isPublic && principal.kind === 'person' && !SAFE_METHODS.has(request.method)) {
      const sent = request.header(CSRF_HEADER) ?? '';
      const expected = Buffer.from(principal.csrfToken);
      if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
        throw new ApiException(
          ApiErrorCode.Forbidden,
          'Token CSRF mancante o non valido: ricarica la pagina.',
          HttpStatus.FORBIDDEN,
        );
      }
    }
    request.entityScope = decision.scope;
    return true;
  }

  private async resolve(request: AuthorizedRequest, isPublic: boolean): Promise<Principal> {
    const authorization = request.header('authorization');
    const key =
      request.header('x-api-key') ??
      (authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined);
    if (key) {
      const principal = await this.apiKeys.authenticate(key);
      if (principal) return principal;
      if (!isPublic)
        throw new ApiException(
          ApiErrorCode.Unauthorized,
          'Chiave API non valida o revocata.',
          HttpStatus.UNAUTHORIZED,
        );
      return { kind: 'anonymous' };
    }
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) return { kind: 'anonymous' };
    return (await this.sessions.resolve(token)) ?? { kind: 'anonymous' };
  }
}
