import { Body, Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { correlationIdOf } from '../../common/correlation-id';
import { AuditService } from '../audit/audit.service';
import { Allow, AnyPerson, AuditedByService, Public } from './authorization/permissions';
import { type PersonPrincipal, type Principal } from './authorization/principal';
import { CurrentPerson, CurrentPrincipal } from './authorization/request-context';
import { IdentityProviderDto, LoginQuery, SessionInfoDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';
import { APP_BASE, safeReturnPath } from './login-return';
import { loginErrorPage, postFormPage } from './saml/html-pages';
import { SamlService } from './saml/saml.service';
import { SamlLoginError } from './saml/spid-response';
import { clearSessionCookies, setSessionCookies } from './sessions/cookies';
import { SessionsService } from './sessions/sessions.service';

@ApiTags('Accesso')
@Controller('v1/auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    private readonly saml: SamlService,
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get('idps')
  @Public()
  @ApiOperation({
    summary: 'Gestori di identità SPID e CIE',
    description: 'Dalla configurazione (registro SPID, CIE, IdP di test).',
  })
  @ApiOkResponse({ type: [IdentityProviderDto] })
  idps(): Promise<IdentityProviderDto[]> {
    return this.identity.identityProviders();
  }

  @Get('session')
  @Public()
  @ApiOperation({
    summary: 'Sessione corrente',
    description: '`user` è null quando nessuno ha effettuato l’accesso.',
  })
  @ApiOkResponse({ type: SessionInfoDto })
  async session(@CurrentPrincipal() principal: Principal): Promise<SessionInfoDto> {
    return { user: principal.kind === 'person' ? await this.identity.currentUser(principal) : null };
  }

  @Get('saml/metadata')
  @Public()
  @ApiOperation({ summary: 'Metadata SAML del fornitore di servizi (firmati)' })
  @ApiProduces('application/samlmetadata+xml')
  metadata(@Res() response: Response): void {
    response.type('application/samlmetadata+xml').send(this.saml.metadata());
  }

  @Get('saml/login')
  @Public()
  @ApiOperation({
    summary: 'Avvia l’accesso SPID/CIE',
    description: 'Risponde con la pagina che invia l’AuthnRequest firmata al gestore scelto.',
  })
  @ApiProduces('text/html')
  async login(@Query() query: LoginQuery, @Res() response: Response, @Req() request: Request): Promise<void> {
    const started = await this.saml.startLogin(
      query.idp,
      query.app,
      safeReturnPath(query.app, query.returnTo),
    );
    if (!started) {
      response
        .status(404)
        .type('html')
        .send(
          loginErrorPage(
            'Il gestore di identità scelto non è disponibile.',
            `${APP_BASE[query.app]}accedi`,
            correlationIdOf(request),
          ),
        );
      return;
    }
    const page = postFormPage(started.action, {
      SAMLRequest: started.samlRequest,
      RelayState: started.relayState,
    });
    response.setHeader('Content-Security-Policy', page.csp);
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(page.html);
  }

  @Post('saml/acs')
  @Public()
  @HttpCode(303)
  @ApiExcludeEndpoint()
  async acs(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const app = this.saml.appOfRelayState(body?.['RelayState']);
    try {
      const login = await this.saml.verifyResponse(body ?? {});
      const session = await this.identity.completeLogin(login, request);
      setSessionCookies(response, { ...session, secure: this.sessions.settings.secureCookie });
      response.setHeader('Cache-Control', 'no-store');
      response.redirect(303, safeReturnPath(login.app, login.returnTo) ?? APP_BASE[login.app]);
    } catch (error) {
      if (!(error instanceof SamlLoginError))
        this.logger.error({ err: error }, 'SAML response handling failed');
      const refused = error instanceof SamlLoginError ? error : new SamlLoginError('internal-error');
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failure',
        actor: { kind: 'anonymous' },
        details: { reason: refused.reason },
        request,
      });
      response
        .status(401)
        .type('html')
        .send(loginErrorPage(refused.userMessage, `${APP_BASE[app]}accedi`, correlationIdOf(request)));
    }
  }

  @Post('logout')
  @Allow(AnyPerson)
  @AuditedByService()
  @HttpCode(204)
  @ApiOperation({ summary: 'Esci', description: 'Chiude la sessione (serve l’intestazione x-csrf-token).' })
  @ApiNoContentResponse()
  async logout(
    @CurrentPerson() person: PersonPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.identity.logout(person, request);
    clearSessionCookies(response, this.sessions.settings.secureCookie);
  }
}
