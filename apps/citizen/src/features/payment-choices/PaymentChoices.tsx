import { Card, CardBody, CardText, CardTitle } from 'design-react-kit';

interface PaymentChoice {
  question: string;
  title: string;
  description: string;
}

const CHOICES: PaymentChoice[] = [
  {
    question: 'Hai ricevuto un avviso di pagamento?',
    title: 'Paga un avviso',
    description:
      'Inserisci il codice avviso e il codice fiscale dell’ente creditore, oppure inquadra il codice QR stampato sull’avviso. Non serve accedere.',
  },
  {
    question: 'Vuoi effettuare un pagamento spontaneo?',
    title: 'Pagamento spontaneo',
    description:
      'Scegli l’ente e il servizio, inserisci i dati richiesti e paga online oppure scarica l’avviso da pagare dove preferisci.',
  },
  {
    question: 'Cerchi un pagamento già fatto?',
    title: 'Le tue ricevute',
    description:
      'Accedi con SPID o CIE per ritrovare e scaricare le ricevute dei pagamenti fatti con pagoPA.',
  },
];

/** The entry choices of the citizen area. Their pages are not live yet, so the cards say so instead of linking. */
export function PaymentChoices() {
  return (
    <section aria-labelledby="scelte-titolo" className="mb-5">
      <h2 id="scelte-titolo" className="h3 mb-3">
        Cosa vuoi fare?
      </h2>
      <div className="row g-4">
        {CHOICES.map((choice) => (
          <div key={choice.title} className="col-12 col-md-4 d-flex">
            <Card tag="div" rounded shadow="sm" fullHeight className="w-100">
              <CardBody className="it-card-body">
                <p className="small text-uppercase fw-semibold mb-2">{choice.question}</p>
                <CardTitle tag="h3" className="h5">
                  {choice.title}
                </CardTitle>
                <CardText>{choice.description}</CardText>
                <p className="mb-0 fw-semibold">
                  <span className="chip chip-simple">
                    <span className="chip-label">Disponibile a breve</span>
                  </span>
                </p>
              </CardBody>
            </Card>
          </div>
        ))}
      </div>
    </section>
  );
}
