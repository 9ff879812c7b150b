import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';
import { AUDITED_METADATA, type Grant, PERMISSION_METADATA } from '../identity/authorization/permissions';
import { type AuthorizedRequest } from '../identity/authorization/request-context';
import { AuditService } from './audit.service';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every successful data change through the REST API leaves an audit line (who, entity, route, params), unless
 * the route's service writes a more specific one (`@AuditedByService()`).
 */
@Injectable()
export class DataChangeAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthorizedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const grants = this.reflector.getAllAndOverride<Grant[] | undefined>(PERMISSION_METADATA, targets) ?? [];
    const skip =
      SAFE.has(request.method) ||
      grants.some((grant) => grant.kind === 'public') ||
      this.reflector.getAllAndOverride<boolean>(AUDITED_METADATA, targets) === true;
    if (skip) return next.handle();
    return next.handle().pipe(
      tap(() => {
        const principal = request.principal;
        void this.audit.record({
          action: `data.${request.method.toLowerCase()}`,
          actor:
            principal?.kind === 'person'
              ? { kind: 'person', fiscalCode: principal.fiscalCode }
              : principal?.kind === 'api-key'
                ? { kind: 'api-key', apiKeyId: principal.keyId }
                : { kind: 'anonymous' },
          entityId: request.entityScope?.entityId ?? null,
          objectType: 'route',
          objectId: `${request.method} ${request.route?.path ?? request.path}`,
          details: { params: request.params },
          request,
        });
      }),
    );
  }
}
