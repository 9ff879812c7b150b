import { Link } from 'react-router';
import { PageContainer } from './PageContainer';

/** The 403 state of a page the logged-in person has no role for. */
export function ForbiddenPage() {
  return (
    <PageContainer
      title="Non hai i permessi per questa pagina"
      lead="Hai effettuato l’accesso, ma il tuo profilo non ha il ruolo necessario per aprire questa pagina."
    >
      <p>
        Se pensi di averne bisogno, chiedi a un amministratore di assegnarti il ruolo adatto. Se lavori per
        più enti, controlla l’ente scelto in alto. (Errore 403)
      </p>
      <Link className="btn btn-primary" to="/">
        Torna alla pagina iniziale
      </Link>
    </PageContainer>
  );
}
