import { loginUrl, useIdentityProviders, useSession } from '@pagamenti/api-client';
import type { IdentityProviderSummary, LoginApp } from '@pagamenti/contracts';
import { Alert, Button, Card, CardBody } from 'design-react-kit';
import { useMemo, useState } from 'react';
import { Link, useHref, useSearchParams } from 'react-router';
import { usePageTitle } from '../hooks/use-page-title';
import { PageContainer } from '../pages/PageContainer';
import { RETURN_PARAM } from './RequireSession';

/** Fisher–Yates: the SPID rules want the identity providers in random order at every display. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** `?ritorno=` when it is a path of this app (what `RequireSession` puts there), else null. */
function useReturnPath(): { path: string | null; href: string | null } {
  const [params] = useSearchParams();
  const value = params.get(RETURN_PARAM);
  // A path of this app: "/…", not "//host" nor backslashes or control characters (the API checks again).
  // eslint-disable-next-line no-control-regex
  const path = value && /^\/(?![/\\])/.test(value) && !/[\\\u0000-\u001f]/.test(value) ? value : null;
  // The API wants the browser path: the router's basename ("/admin") in front.
  const href = useHref(path ?? '/');
  return { path, href: path ? href : null };
}

/** "Accedi": SPID and CIE side by side (ux-reference §1), the same page in the three SPAs. */
export function LoginPage({ app }: { app: LoginApp }) {
  usePageTitle('Accedi');
  const session = useSession();
  const back = useReturnPath();
  const idps = useIdentityProviders();
  const spid = useMemo(() => shuffled((idps.data ?? []).filter((idp) => idp.kind === 'spid')), [idps.data]);
  const cie = (idps.data ?? []).find((idp) => idp.kind === 'cie');
  const user = session.data?.user;
  return (
    <PageContainer title="Accedi">
      {user ? (
        <Alert color="success" fade={false}>
          Hai già effettuato l’accesso come {user.name} {user.familyName}.{' '}
          {back.path ? (
            <Link to={back.path}>Vai alla pagina richiesta</Link>
          ) : (
            <Link to="/">Vai alla pagina iniziale</Link>
          )}
        </Alert>
      ) : (
        <>
          {back.path && (
            <Alert color="info" fade={false} role="note">
              Per aprire la pagina richiesta devi accedere. Dopo l’accesso ti riportiamo lì.
            </Alert>
          )}
          <p className="lead">
            Accedi con la tua identità digitale SPID o con la Carta d’Identità Elettronica.
          </p>
          <div className="row g-4">
            <div className="col-12 col-lg-6">
              <Card className="card-bg h-100">
                <CardBody>
                  <h2 className="h4">SPID</h2>
                  <p>Il Sistema Pubblico di Identità Digitale.</p>
                  <SpidButton idps={spid} app={app} returnTo={back.href} loading={idps.isPending} />
                  <p className="mt-3 mb-0">
                    <a href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/">Come attivare SPID</a>
                  </p>
                </CardBody>
              </Card>
            </div>
            <div className="col-12 col-lg-6">
              <Card className="card-bg h-100">
                <CardBody>
                  <h2 className="h4">CIE</h2>
                  <p>La Carta d’Identità Elettronica.</p>
                  {cie ? (
                    <a className="btn btn-primary" href={loginUrl(cie.id, app, back.href)}>
                      Entra con CIE
                    </a>
                  ) : (
                    <p className="text-secondary">L’accesso con CIE non è configurato in questo ambiente.</p>
                  )}
                  <p className="mt-3 mb-0">
                    <a href="https://www.cartaidentita.interno.gov.it/richiedi/">Come richiedere CIE</a>
                  </p>
                </CardBody>
              </Card>
            </div>
          </div>
          {idps.isError && (
            <Alert color="danger" fade={false} className="mt-4">
              Non riusciamo a recuperare l’elenco dei gestori di identità. Riprova più tardi.
            </Alert>
          )}
        </>
      )}
    </PageContainer>
  );
}

function SpidButton({
  idps,
  app,
  returnTo,
  loading,
}: {
  idps: IdentityProviderSummary[];
  app: LoginApp;
  returnTo: string | null;
  loading: boolean;
}) {
  const [open, setOpen] = useState(false);
  const listId = 'spid-idp-list';
  return (
    <div>
      <Button
        color="primary"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={listId}
        disabled={loading}
        onClick={() => setOpen(!open)}
      >
        Entra con SPID
      </Button>
      {open && (
        <ul
          id={listId}
          className="list-unstyled border rounded mt-2 p-2"
          aria-label="Gestori di identità SPID"
        >
          {idps.length === 0 && <li className="p-2">Nessun gestore di identità disponibile.</li>}
          {idps.map((idp) => (
            <li key={idp.id}>
              <a className="d-block p-2" href={loginUrl(idp.id, app, returnTo)}>
                {idp.name}
              </a>
            </li>
          ))}
          <li className="border-top mt-2 pt-2">
            <a className="d-block p-2" href="https://www.spid.gov.it">
              Maggiori informazioni
            </a>
          </li>
          <li>
            <a className="d-block p-2" href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/">
              Non hai SPID?
            </a>
          </li>
          <li>
            <a className="d-block p-2" href="https://www.spid.gov.it/serve-aiuto">
              Serve aiuto?
            </a>
          </li>
        </ul>
      )}
    </div>
  );
}
