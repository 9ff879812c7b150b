import { Link } from 'react-router';
import { PageContainer } from './PageContainer';

export function NotFoundPage() {
  return (
    <PageContainer title="Pagina non trovata" lead="La pagina che cerchi non esiste o è stata spostata.">
      <p>Controlla l’indirizzo che hai digitato oppure riparti dalla pagina iniziale. (Errore 404)</p>
      <Link className="btn btn-primary" to="/">
        Torna alla pagina iniziale
      </Link>
    </PageContainer>
  );
}
