import {
  ApiError,
  isApiError,
  usePosition,
  usePositionHistory,
  usePublishPosition,
} from '@pagamenti/api-client';
import type { DebtPosition, EntityMembership, PaymentOption, Transfer } from '@pagamenti/contracts';
import {
  formatNoticeNumber,
  positionCancelBlocker,
  positionEditBlocker,
  todayInRome,
} from '@pagamenti/pagopa';
import {
  DEBTOR_TYPE_LABELS,
  EmptyState,
  POSITION_STATUS_DESCRIPTIONS,
  POSITION_STATUS_LABELS,
  POSITION_STATUS_TONES,
  PageContainer,
  QueryState,
  StatusChip,
  debtorIdLabel,
  formatDate,
  formatDateTime,
  formatEuro,
  formatIban,
  paymentOptionLabel,
  paymentOptionState,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ActiveEntity } from '../features/entity/ActiveEntity';
import { CancelPositionDialog } from '../features/positions/CancelPositionDialog';
import { NoticeDownloadSlot } from '../features/positions/NoticeDownloadSlot';
import { canWritePositions } from '../features/positions/access';
import { type PositionSavedState, positionHref } from './PositionFormPages';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="row mx-0 py-1 border-bottom">
      <dt className="col-12 col-sm-5 col-lg-4 ps-0">{term}</dt>
      <dd className="col-12 col-sm-7 col-lg-8 mb-0 ps-0 ps-sm-2">{children ?? '–'}</dd>
    </div>
  );
}

/** Copies the 18 digits (no spaces) of a notice number, and says so. */
function CopyNoticeNumber({ noticeNumber }: { noticeNumber: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(noticeNumber);
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button color="primary" outline size="xs" className="ms-2" onClick={() => void copy()}>
        Copia <span className="visually-hidden">il codice avviso {formatNoticeNumber(noticeNumber)}</span>
      </Button>
      <span aria-live="polite" className="small ms-2">
        {state === 'done' && 'Copiato.'}
        {state === 'failed' && 'Copia non riuscita: selezionalo e copialo a mano.'}
      </span>
    </>
  );
}

function address(position: DebtPosition): string | null {
  const { streetName, civicNumber, postalCode, city, province, country } = position.debtor;
  const street = [streetName, civicNumber].filter(Boolean).join(' ');
  const place = [postalCode, city, province ? `(${province})` : null].filter(Boolean).join(' ');
  const parts = [street, place, country && country !== 'IT' ? country : null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function TransfersTable({ transfers, caption }: { transfers: Transfer[]; caption: string }) {
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle mb-0">
        <caption className="caption-top small fw-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ente beneficiario</th>
            <th scope="col">Accredito</th>
            <th scope="col">Tassonomia</th>
            <th scope="col">Causale</th>
            <th scope="col" className="text-end">
              Importo
            </th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((transfer) => (
            <tr key={transfer.index}>
              <td className="font-monospace">{transfer.beneficiaryFiscalCode}</td>
              <td>
                {transfer.iban ? (
                  <>
                    <span className="font-monospace text-nowrap">{formatIban(transfer.iban)}</span>
                    {transfer.postalIban && <span className="d-block small">Conto postale</span>}
                  </>
                ) : transfer.stamp ? (
                  `Marca da bollo digitale (tipo ${transfer.stamp.type}, ${transfer.stamp.province})`
                ) : (
                  '–'
                )}
              </td>
              <td className="font-monospace">{transfer.category}</td>
              <td>{transfer.remittanceInformation}</td>
              <td className="text-end text-nowrap">{formatEuro(transfer.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OptionCard({
  position,
  option,
  installments,
}: {
  position: DebtPosition;
  option: PaymentOption;
  installments: number;
}) {
  const title = paymentOptionLabel(option.installment, installments);
  const headingId = `opzione-${option.noticeNumber}`;
  return (
    <article className="border rounded shadow-sm p-3 p-md-4 mb-4" aria-labelledby={headingId}>
      <div className="d-flex flex-wrap gap-2 justify-content-between align-items-center mb-2">
        <h3 id={headingId} className="h5 mb-0">
          {title}
        </h3>
        <StatusChip {...paymentOptionState(position, option, todayInRome())} />
      </div>
      <dl className="mb-3">
        <Row term="Codice avviso">
          <span className="font-monospace">{formatNoticeNumber(option.noticeNumber)}</span>
          <CopyNoticeNumber noticeNumber={option.noticeNumber} />
        </Row>
        <Row term="IUV">
          <span className="font-monospace">{option.iuv}</span>
        </Row>
        <Row term="Importo">{formatEuro(option.amountCents)}</Row>
        <Row term="Scadenza">{formatDate(option.dueDate)}</Row>
        <Row term="Pagabile fino al">{formatDate(option.validityDate ?? option.dueDate)}</Row>
        {option.paidAt && <Row term="Pagata il">{formatDateTime(option.paidAt)}</Row>}
        {option.description !== position.description && <Row term="Descrizione">{option.description}</Row>}
      </dl>
      <TransfersTable
        transfers={option.transfers}
        caption={`Beneficiari ${option.installment === null ? 'della soluzione unica' : `della rata ${option.installment}`}`}
      />
      <NoticeDownloadSlot position={position} option={option} />
    </article>
  );
}

function HistorySection({ entityId, iupd }: { entityId: string; iupd: string }) {
  const query = usePositionHistory(entityId, iupd);
  return (
    <section aria-labelledby="storico-titolo" className="mb-5">
      <h2 id="storico-titolo" className="h4">
        Storico della posizione
      </h2>
      <QueryState query={query} loadingLabel="Caricamento dello storico…">
        {(history) =>
          history.length === 0 ? (
            <p>Nessun evento registrato.</p>
          ) : (
            <ol className="list-unstyled" aria-label="Eventi della posizione, dal più recente">
              {[...history]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((entry, index) => (
                  <li key={`${entry.at}-${index}`} className="border-start border-3 border-primary ps-3 pb-3">
                    <p className="fw-semibold mb-1">
                      {entry.fromStatus === null
                        ? `Creata: ${POSITION_STATUS_LABELS[entry.toStatus]}`
                        : entry.fromStatus === entry.toStatus
                          ? `Modificata (${POSITION_STATUS_LABELS[entry.toStatus]})`
                          : `${POSITION_STATUS_LABELS[entry.fromStatus]} → ${POSITION_STATUS_LABELS[entry.toStatus]}`}
                    </p>
                    <p className="small mb-1">
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.actor}
                    </p>
                    {entry.note && <p className="mb-0">{entry.note}</p>}
                  </li>
                ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

function Actions({
  entityId,
  position,
  onDone,
}: {
  entityId: string;
  position: DebtPosition;
  onDone: (message: string) => void;
}) {
  const publish = usePublishPosition(entityId, position.iupd);
  const [cancelling, setCancelling] = useState(false);
  const editBlocker = positionEditBlocker(position, position.options);
  const cancelBlocker = positionCancelBlocker(position, position.options);
  const isDraft = position.status === 'DRAFT';
  const publishError = publish.error instanceof ApiError ? publish.error : null;

  return (
    <section aria-labelledby="azioni-titolo" className="mb-4">
      <h2 id="azioni-titolo" className="visually-hidden">
        Azioni
      </h2>
      <div className="d-flex flex-wrap gap-2">
        {!editBlocker && (
          <Link to={`${positionHref(position.iupd)}/modifica`} className="btn btn-primary">
            Modifica
          </Link>
        )}
        {isDraft && (
          <Button
            color="primary"
            outline={!editBlocker}
            disabled={publish.isPending}
            aria-busy={publish.isPending}
            onClick={() => {
              if (
                window.confirm(
                  'Pubblicare la posizione? Diventa “Da pagare” e i suoi codici avviso sono pagabili su tutti i canali pagoPA.',
                )
              )
                publish.mutate(undefined, {
                  onSuccess: () => onDone('Posizione pubblicata: ora è “Da pagare”.'),
                });
            }}
          >
            {publish.isPending ? 'Pubblicazione in corso…' : 'Pubblica'}
          </Button>
        )}
        {!cancelBlocker && (
          <Button color="danger" outline onClick={() => setCancelling(true)}>
            Annulla la posizione
          </Button>
        )}
      </div>
      {editBlocker && <p className="small mt-2 mb-0">{editBlocker}</p>}
      {publishError && (
        <Alert color="danger" fade={false} className="mt-3">
          {publishError.message}
        </Alert>
      )}
      <CancelPositionDialog
        entityId={entityId}
        position={position}
        isOpen={cancelling}
        onClose={() => setCancelling(false)}
        onCancelled={() => {
          setCancelling(false);
          onDone('Posizione annullata: i suoi avvisi non sono più pagabili.');
        }}
      />
    </section>
  );
}

const CREATED_MESSAGE = 'La posizione debitoria è stata creata.';

function PositionDetail({ entity, iupd }: { entity: EntityMembership; iupd: string }) {
  const query = usePosition(entity.entityId, iupd);
  const location = useLocation();
  const saved = (location.state as PositionSavedState | null)?.saved;
  const [message, setMessage] = useState<string | null>(
    saved === 'created' ? CREATED_MESSAGE : saved === 'updated' ? 'Modifiche salvate.' : null,
  );
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <EmptyState title="Posizione non trovata">
        Non c’è una posizione con identificativo <span className="font-monospace">{iupd}</span> nell’ente{' '}
        {entity.entityName}. <Link to="/posizioni">Torna alle posizioni debitorie</Link>
      </EmptyState>
    );
  }
  return (
    <QueryState query={query} loadingLabel="Caricamento della posizione…" skeletonRows={8}>
      {(position) => {
        const installments = position.options.filter((option) => option.installment !== null).length;
        const options = [...position.options].sort((a, b) => (a.installment ?? 0) - (b.installment ?? 0));
        return (
          <>
            {message && (
              <div
                ref={messageRef}
                tabIndex={-1}
                role="status"
                className="alert alert-success"
                data-testid="position-message"
              >
                {message}
                {message === CREATED_MESSAGE &&
                  position.status === 'DRAFT' &&
                  ' È una bozza: pubblicala quando è pronta.'}
              </div>
            )}
            <section aria-labelledby="riepilogo-titolo" className="mb-4">
              <h2 id="riepilogo-titolo" className="h3 mb-2">
                {position.description}
              </h2>
              <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
                <StatusChip
                  label={POSITION_STATUS_LABELS[position.status]}
                  tone={POSITION_STATUS_TONES[position.status]}
                />
                <span className="small">{POSITION_STATUS_DESCRIPTIONS[position.status]}</span>
              </div>
              <div className="row g-4">
                <dl className="col-12 col-lg-6 mb-0">
                  <Row term="Importo totale">{formatEuro(position.amountCents)}</Row>
                  <Row term="Pagato">{formatEuro(position.paidCents)}</Row>
                  <Row term="Tipo dovuto">
                    <span className="font-monospace">{position.dueTypeCode}</span>
                  </Row>
                  <Row term="Identificativo posizione (IUPD)">
                    <span className="font-monospace text-break">{position.iupd}</span>
                  </Row>
                </dl>
                <dl className="col-12 col-lg-6 mb-0">
                  <Row term="Creata il">{formatDateTime(position.createdAt)}</Row>
                  <Row term="Pubblicata il">
                    {position.publishedAt ? formatDateTime(position.publishedAt) : null}
                  </Row>
                  {position.cancelledAt && (
                    <Row term="Annullata il">{formatDateTime(position.cancelledAt)}</Row>
                  )}
                  <Row term="Ultima modifica">{formatDateTime(position.updatedAt)}</Row>
                </dl>
              </div>
            </section>

            {canWritePositions(entity.role) && (
              <Actions entityId={entity.entityId} position={position} onDone={setMessage} />
            )}
            <NoticeDownloadSlot position={position} />

            <section aria-labelledby="debitore-titolo" className="mb-5">
              <h2 id="debitore-titolo" className="h4">
                Debitore
              </h2>
              <dl className="mb-0">
                <Row term="Nome">{position.debtor.name}</Row>
                <Row term={position.debtor.type === 'G' ? 'Partita IVA o codice fiscale' : 'Codice fiscale'}>
                  <span className="font-monospace">{debtorIdLabel(position.debtor)}</span>
                </Row>
                <Row term="Tipo">{DEBTOR_TYPE_LABELS[position.debtor.type]}</Row>
                <Row term="E-mail">{position.debtor.email}</Row>
                <Row term="Indirizzo">{address(position)}</Row>
              </dl>
            </section>

            <section aria-labelledby="opzioni-titolo" className="mb-5">
              <h2 id="opzioni-titolo" className="h4">
                Opzioni di pagamento
              </h2>
              {installments > 0 && options.some((option) => option.installment === null) && (
                <p className="small">
                  Il debitore sceglie: la soluzione unica oppure le {installments} rate, ognuna con il suo
                  codice avviso.
                </p>
              )}
              {options.map((option) => (
                <OptionCard
                  key={option.noticeNumber}
                  position={position}
                  option={option}
                  installments={installments}
                />
              ))}
            </section>

            {position.metadata.length > 0 && (
              <section aria-labelledby="metadati-titolo" className="mb-5">
                <h2 id="metadati-titolo" className="h4">
                  Metadati
                </h2>
                <dl className="mb-0">
                  {position.metadata.map((entry) => (
                    <Row key={entry.key} term={entry.key}>
                      {entry.value}
                    </Row>
                  ))}
                </dl>
              </section>
            )}

            <HistorySection entityId={entity.entityId} iupd={position.iupd} />
          </>
        );
      }}
    </QueryState>
  );
}

export function PositionDetailPage() {
  const { iupd = '' } = useParams();
  return (
    <PageContainer title="Posizione debitoria">
      <p className="mb-3">
        <Link to="/posizioni">
          <span aria-hidden="true">← </span>Torna alle posizioni debitorie
        </Link>
      </p>
      <ActiveEntity>
        {(entity) => <PositionDetail key={`${entity.entityId}/${iupd}`} entity={entity} iupd={iupd} />}
      </ActiveEntity>
    </PageContainer>
  );
}
