import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import { type Request } from 'express';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { type EntityScope, type PersonPrincipal, type Principal } from './principal';

export interface AuthorizedRequest extends Request {
  principal?: Principal;
  entityScope?: EntityScope | null;
}

/** The caller, as the guard resolved it (anonymous on public routes without a session). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthorizedRequest>().principal ?? { kind: 'anonymous' },
);

/** The logged-in person; only on routes whose grants admit persons only. */
export const CurrentPerson = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PersonPrincipal => {
    const principal = context.switchToHttp().getRequest<AuthorizedRequest>().principal;
    if (principal?.kind !== 'person') {
      throw new ApiException(ApiErrorCode.Unauthorized, 'È necessario accedere.', HttpStatus.UNAUTHORIZED);
    }
    return principal;
  },
);

/** The entity the request is confined to: repositories filter on it. */
export const CurrentEntityScope = createParamDecorator(
  (_data: unknown, context: ExecutionContext): EntityScope => {
    const scope = context.switchToHttp().getRequest<AuthorizedRequest>().entityScope;
    if (!scope) throw new ApiException(ApiErrorCode.Forbidden, 'Nessun ente attivo.', HttpStatus.FORBIDDEN);
    return scope;
  },
);
