import { useSession } from '@pagamenti/api-client';
import { Card, CardBody, CardText, CardTitle } from 'design-react-kit';
import { Link } from 'react-router';
import { type MessageKey, useT } from '../../i18n/i18n';

interface PaymentChoice {
  key: 'payNotice' | 'spontaneous' | 'receipts';
  to: string;
  link: MessageKey;
}

const CHOICES: PaymentChoice[] = [
  { key: 'payNotice', to: '#paga-avviso', link: 'noticeForm.title' },
  { key: 'spontaneous', to: '/pagamenti-spontanei', link: 'home.spontaneous.link' },
  { key: 'receipts', to: '/le-mie-ricevute', link: 'home.receipts.link' },
];

/** The entry choices of the citizen area (ux-reference §2 "Home"). */
export function PaymentChoices() {
  const { t } = useT();
  const user = useSession().data?.user;
  return (
    <section aria-labelledby="scelte-titolo" className="mb-5">
      <h2 id="scelte-titolo" className="h3 mb-3">
        {t('home.choices')}
      </h2>
      <div className="row g-4">
        {CHOICES.map((choice) => (
          <div key={choice.key} className="col-12 col-md-4 d-flex">
            <Card tag="div" rounded shadow="sm" fullHeight className="w-100">
              <CardBody className="it-card-body">
                <p className="small text-uppercase fw-semibold mb-2">{t(`home.${choice.key}.question`)}</p>
                <CardTitle tag="h3" className="h5">
                  {t(`home.${choice.key}.title`)}
                </CardTitle>
                <CardText>{t(`home.${choice.key}.text`)}</CardText>
                {choice.to.startsWith('#') ? (
                  <a href={choice.to}>{t(choice.link)}</a>
                ) : (
                  <Link to={choice.to}>{t(choice.link)}</Link>
                )}
                {choice.key === 'receipts' && user && (
                  <p className="mt-2 mb-0">
                    <Link to="/i-miei-avvisi">{t('home.myNotices.link')}</Link>
                  </p>
                )}
              </CardBody>
            </Card>
          </div>
        ))}
      </div>
    </section>
  );
}
