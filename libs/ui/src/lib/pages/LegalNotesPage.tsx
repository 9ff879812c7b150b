import { usePlatformNames } from '../hooks/use-platform-names';
import { PageContainer } from './PageContainer';

export function LegalNotesPage() {
  const { platformName, intermediaryName } = usePlatformNames();
  return (
    <PageContainer title="Note legali">
      <h2 className="h4">Contenuti</h2>
      <p>
        I testi di {platformName} sono pubblicati
        {intermediaryName ? ` da ${intermediaryName}` : ''} con licenza Creative Commons Attribuzione 4.0
        Internazionale (CC BY 4.0), salvo dove diversamente indicato. Le informazioni sulle singole posizioni
        debitorie sono fornite dagli enti creditori, che ne sono responsabili.
      </p>
      <h2 className="h4">Software</h2>
      <p>Il software della piattaforma è rilasciato con licenza European Union Public Licence (EUPL) 1.2.</p>
      <h2 className="h4">Marchi</h2>
      <p>
        pagoPA è un marchio di PagoPA S.p.A. SPID e CIE sono i sistemi pubblici di identità digitale. I
        caratteri tipografici Titillium Web, Lora e Roboto Mono sono distribuiti con licenza SIL Open Font
        License o Apache 2.0.
      </p>
    </PageContainer>
  );
}
