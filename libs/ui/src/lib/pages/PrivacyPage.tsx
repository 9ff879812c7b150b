import { usePlatformNames } from '../hooks/use-platform-names';
import { PageContainer } from './PageContainer';

export function PrivacyPage() {
  const { intermediaryName } = usePlatformNames();
  const intermediary = intermediaryName ?? 'L’intermediario tecnologico';
  return (
    <PageContainer
      title="Privacy"
      lead="Come trattiamo i tuoi dati personali quando usi i servizi di pagamento."
    >
      <h2 className="h4">Chi tratta i dati</h2>
      <p>
        Titolare del trattamento è l’ente creditore a cui effettui il pagamento. {intermediary} gestisce la
        piattaforma per conto degli enti aderenti come responsabile del trattamento, ai sensi dell’articolo 28
        del Regolamento (UE) 2016/679 (GDPR).
      </p>
      <h2 className="h4">Quali dati e perché</h2>
      <p>
        Trattiamo solo i dati necessari a gestire gli avvisi di pagamento e le ricevute: codice fiscale, nome
        e cognome del debitore e del pagatore, importi, date ed esiti dei pagamenti. Il pagamento avviene su
        pagoPA: i dati della carta o del conto restano presso il prestatore di servizi di pagamento che
        scegli.
      </p>
      <h2 className="h4">Cookie</h2>
      <p>
        Il sito usa solo cookie tecnici necessari al funzionamento e alla sessione; nessun cookie di
        profilazione.
      </p>
      <h2 className="h4">I tuoi diritti</h2>
      <p>
        Puoi chiedere all’ente creditore l’accesso ai tuoi dati, la rettifica o la limitazione del trattamento
        (articoli 15-22 del GDPR) e puoi presentare reclamo al Garante per la protezione dei dati personali.
      </p>
    </PageContainer>
  );
}
