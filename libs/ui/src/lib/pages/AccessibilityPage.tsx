import { usePlatformNames } from '../hooks/use-platform-names';
import { PageContainer } from './PageContainer';

export function AccessibilityPage() {
  const { platformName, intermediaryName } = usePlatformNames();
  const owner = intermediaryName ?? 'l’intermediario tecnologico';
  return (
    <PageContainer
      title="Accessibilità"
      lead={`${platformName} si impegna a essere accessibile a tutte le persone.`}
    >
      <h2 className="h4">Conformità</h2>
      <p>
        Il servizio è progettato secondo le Linee guida sull’accessibilità degli strumenti informatici
        dell’Agenzia per l’Italia Digitale (AgID), che richiamano la norma UNI EN 301549 e le WCAG 2.1 al
        livello AA. Usa il design system di Designers Italia (Bootstrap Italia) e viene verificato con
        strumenti automatici e con prove da tastiera e lettore di schermo.
      </p>
      <h2 className="h4">Dichiarazione di accessibilità</h2>
      <p>
        La dichiarazione di accessibilità prevista dalla Legge 4/2004 è pubblicata da {owner} sulla
        piattaforma AgID form.agid.gov.it e indica gli eventuali contenuti non ancora accessibili, con le
        alternative disponibili.
      </p>
      <h2 className="h4">Segnala un problema</h2>
      <p>
        Se incontri un ostacolo nell’uso del servizio, scrivi a {owner} indicando la pagina e il problema: ti
        risponderemo entro 30 giorni. In caso di risposta insoddisfacente o mancata risposta puoi rivolgerti
        al Difensore civico per il digitale di AgID.
      </p>
    </PageContainer>
  );
}
