import { Link } from 'react-router';
import { usePlatformNames } from '../hooks/use-platform-names';
import { FOOTER_ID } from './SkipLinks';

export const LEGAL_LINKS = [
  { to: '/accessibilita', label: 'Accessibilità' },
  { to: '/privacy', label: 'Privacy' },
  { to: '/note-legali', label: 'Note legali' },
] as const;

export function SiteFooter({ appName }: { appName: string }) {
  const { platformName, intermediaryName, version } = usePlatformNames();
  return (
    <footer className="it-footer" id={FOOTER_ID} tabIndex={-1}>
      <div className="it-footer-main">
        <div className="container">
          <div className="row py-4">
            <div className="col-12">
              <h2 className="h4 text-white mb-1">{platformName}</h2>
              <p className="mb-0">
                {appName}
                {intermediaryName && <> · gestita da {intermediaryName}, intermediario tecnologico pagoPA</>}
              </p>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">Link utili</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            {LEGAL_LINKS.map((link) => (
              <li key={link.to} className="list-inline-item">
                <Link to={link.to}>{link.label}</Link>
              </li>
            ))}
            {version && <li className="list-inline-item ms-md-auto text-white">Versione {version}</li>}
          </ul>
        </div>
      </div>
    </footer>
  );
}
