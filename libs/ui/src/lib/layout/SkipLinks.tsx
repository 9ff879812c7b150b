export const MAIN_CONTENT_ID = 'main-content';
export const FOOTER_ID = 'footer';

/** Plain Bootstrap Italia markup: design-react-kit 5.10's `Skiplink` drops its children unless `nav` is set. */
export function SkipLinks() {
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href={`#${MAIN_CONTENT_ID}`}>
        Vai al contenuto principale
      </a>
      <a className="visually-hidden-focusable" href={`#${FOOTER_ID}`}>
        Vai al piè di pagina
      </a>
    </div>
  );
}
