import {
  ApiError,
  isImportFinished,
  positionImportReportUrl,
  positionTemplateUrl,
  useDueTypes,
  usePositionImport,
  usePositionImportErrors,
  usePositionImports,
  useUploadPositionImport,
} from '@pagamenti/api-client';
import type { PositionImport } from '@pagamenti/contracts';
import {
  EmptyState,
  PageContainer,
  QueryState,
  SelectField,
  StatusChip,
  formatDateTime,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ActiveEntity } from '../features/entity/ActiveEntity';
import {
  IMPORT_STATUS_LABELS,
  formatBytes,
  formatCount,
  formatSecondsLeft,
  readReportCsv,
  reportErrors,
} from '../features/position-imports/import-report';
import { canWritePositions } from '../features/positions/access';
import { PrintNotices } from '../features/notices/PrintNotices';

/** Errors shown on the page; the rest are in the downloadable report. */
const ERRORS_ON_PAGE = 100;

const STATUS_TONES = {
  QUEUED: 'neutral',
  RUNNING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'danger',
} as const;

function TemplateSection({ entityId }: { entityId: string }) {
  const dueTypes = useDueTypes(entityId);
  const [code, setCode] = useState('');
  const active = (dueTypes.data ?? []).filter((dueType) => dueType.active);
  const selected = code || active[0]?.code || '';
  return (
    <section aria-labelledby="modello-titolo" className="mb-5">
      <h2 id="modello-titolo" className="h4">
        1. Prepara il file
      </h2>
      <p>
        Un file CSV con una riga per ogni pagamento: le rate della stessa posizione stanno su righe
        consecutive con lo stesso IUPD. Scarica il modello del tipo dovuto: ha le intestazioni giuste e tre
        righe di esempio da sostituire.
      </p>
      <QueryState query={dueTypes} loadingLabel="Caricamento dei tipi dovuto…">
        {() =>
          active.length === 0 ? (
            <EmptyState title="Nessun tipo dovuto attivo">
              Il modello si scarica per un tipo dovuto del catalogo: chiedi all’amministratore dell’ente di
              aggiungerne uno.
            </EmptyState>
          ) : (
            <div className="row g-3 align-items-end">
              <SelectField
                id="modello-tipo-dovuto"
                className="col-md-6"
                label="Tipo dovuto"
                value={selected}
                onChange={setCode}
                options={active.map((dueType) => ({
                  value: dueType.code,
                  label: `${dueType.name} (${dueType.code})`,
                }))}
              />
              <div className="col-md-6 mb-3">
                <a
                  className="btn btn-outline-primary"
                  href={positionTemplateUrl(entityId, selected)}
                  download
                >
                  Scarica il modello CSV<span className="visually-hidden"> per {selected}</span>
                </a>
              </div>
            </div>
          )
        }
      </QueryState>
      <details className="mt-2">
        <summary>Come compilare il file</summary>
        <ul className="mt-2">
          <li>
            Colonne separate da punto e virgola (va bene anche la virgola), testo in UTF-8: il file salvato da
            Excel in “CSV (delimitato dal separatore di elenco)” va bene così com’è.
          </li>
          <li>
            <strong>azione</strong>: CREA (o vuoto), AGGIORNA, ANNULLA (con{' '}
            <strong>motivo_annullamento</strong>).
          </li>
          <li>
            <strong>iupd</strong>: il codice della posizione; se lo lasci vuoto (pagamento unico) viene
            generato e ricaricare lo stesso file non crea doppioni.
          </li>
          <li>
            <strong>rata</strong>: vuota per il pagamento unico, 1, 2, 3… per le rate;{' '}
            <strong>importo</strong> in euro (120,50 oppure 120.50); <strong>scadenza</strong> come
            31/12/2026.
          </li>
          <li>
            Fino a 5 versamenti per pagamento (importo_1…importo_5, iban_N, beneficiario_cf_N, tassonomia_N):
            se restano vuoti, tutto va sul conto del tipo dovuto.
          </li>
          <li>Fino a 100 MB e 1.000.000 di righe per file.</li>
        </ul>
      </details>
    </section>
  );
}

function UploadSection({
  entityId,
  file,
  onFile,
  onStarted,
}: {
  entityId: string;
  file: File | null;
  onFile: (file: File | null) => void;
  onStarted: (created: PositionImport) => void;
}) {
  const upload = useUploadPositionImport(entityId);
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const send = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!file) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    upload.mutate({ file, dryRun }, { onSuccess: onStarted });
  };
  const error = upload.error instanceof ApiError ? upload.error : null;
  return (
    <section aria-labelledby="carica-titolo" className="mb-5">
      <h2 id="carica-titolo" className="h4">
        2. Verifica e importa
      </h2>
      <p>
        “Verifica senza importare” controlla ogni riga e mostra tutti gli errori senza scrivere nulla.
        “Importa” crea, aggiorna o annulla le posizioni delle righe valide; le righe con errori restano fuori
        e finiscono nel rapporto.
      </p>
      <form onSubmit={send(false)} noValidate>
        <div className="mb-3">
          <label htmlFor="file-posizioni" className="form-label fw-semibold">
            File delle posizioni (CSV o JSON)
          </label>
          <input
            ref={inputRef}
            id="file-posizioni"
            name="file"
            type="file"
            accept=".csv,.txt,.json,text/csv,application/json"
            className={`form-control${missing ? ' is-invalid' : ''}`}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? 'file-posizioni-error' : 'file-posizioni-hint'}
            onChange={(event) => {
              setMissing(false);
              upload.reset();
              onFile(event.target.files?.[0] ?? null);
            }}
          />
          <small id="file-posizioni-hint" className="form-text">
            {file ? `${file.name} · ${formatBytes(file.size)}` : 'Nessun file scelto.'}
          </small>
          {missing && (
            <div id="file-posizioni-error" className="invalid-feedback d-block" role="alert">
              Scegli il file da caricare.
            </div>
          )}
        </div>
        <div className="d-flex flex-wrap gap-2">
          <Button
            type="button"
            color="primary"
            outline
            disabled={upload.isPending}
            onClick={() => send(true)()}
          >
            Verifica senza importare
          </Button>
          <Button type="submit" color="primary" disabled={upload.isPending}>
            Importa
          </Button>
          {upload.isPending && (
            <span role="status" className="align-self-center">
              Invio del file in corso…
            </span>
          )}
        </div>
      </form>
      {error && (
        <Alert color="danger" className="mt-3">
          <p className="mb-1 fw-semibold">Il file non è stato accettato.</p>
          <p className="mb-1">{error.message}</p>
          {error.fieldErrors.length > 0 && (
            <ul className="mb-0">
              {error.fieldErrors.map((fieldError) => (
                <li key={`${fieldError.field}-${fieldError.message}`}>{fieldError.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </section>
  );
}

function ProgressBar({ positionImport }: { positionImport: PositionImport }) {
  const { rowsDone, totalRows } = positionImport;
  const percent = totalRows > 0 ? Math.min(100, Math.floor((rowsDone / totalRows) * 100)) : 0;
  const labelId = useId();
  return (
    <div className="mb-3">
      <p id={labelId} className="mb-1">
        {formatCount(rowsDone)} di {formatCount(totalRows)} righe
        {positionImport.estimatedSecondsLeft !== null &&
          ` · circa ${formatSecondsLeft(positionImport.estimatedSecondsLeft)} alla fine`}
      </p>
      <div className="progress" style={{ height: '1rem' }}>
        <div
          className="progress-bar"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}% (${formatCount(rowsDone)} di ${formatCount(totalRows)} righe)`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function Counts({ positionImport }: { positionImport: PositionImport }) {
  const { counts, dryRun } = positionImport;
  const items: [string, number][] = [
    [dryRun ? 'Posizioni da creare' : 'Posizioni create', counts.created],
    [dryRun ? 'Da aggiornare' : 'Aggiornate', counts.updated],
    [dryRun ? 'Da annullare' : 'Annullate', counts.cancelled],
    ['Già presenti (lasciate come sono)', counts.unchanged],
    ['Righe con errori', counts.failedRows],
  ];
  return (
    <dl className="row mb-3" data-testid="import-counts">
      {items.map(([label, value]) => (
        <div key={label} className="col-6 col-lg-4 mb-2">
          <dt className="small fw-normal">{label}</dt>
          <dd className="h5 mb-0">{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ErrorsPreview({ entityId, positionImport }: { entityId: string; positionImport: PositionImport }) {
  const report = usePositionImportErrors(entityId, positionImport);
  return (
    <QueryState query={report} loadingLabel="Caricamento degli errori…">
      {(text) => {
        const errors = reportErrors(readReportCsv(text));
        const column = positionImport.format === 'CSV' ? 'Riga' : 'Elemento';
        return (
          <>
            <div className="table-responsive">
              <table className="table table-sm align-top">
                <caption>
                  Righe con errori
                  {errors.length > ERRORS_ON_PAGE &&
                    ` (le prime ${ERRORS_ON_PAGE} di ${formatCount(errors.length)}: le altre sono nel rapporto)`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{column}</th>
                    <th scope="col">Errori</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.slice(0, ERRORS_ON_PAGE).map((error, index) => (
                    <tr key={`${error.row}-${index}`}>
                      <th scope="row" className="fw-normal">
                        {error.row}
                      </th>
                      <td>
                        {error.problems.length === 1 ? (
                          error.problems[0]
                        ) : (
                          <ul className="mb-0 ps-3">
                            {error.problems.map((problem) => (
                              <li key={problem}>{problem}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}

function ImportDetail({
  entityId,
  id,
  file,
  canWrite,
  onStarted,
}: {
  entityId: string;
  id: string;
  file: File | null;
  canWrite: boolean;
  onStarted: (created: PositionImport) => void;
}) {
  const query = usePositionImport(entityId, id);
  const upload = useUploadPositionImport(entityId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [id]);
  return (
    <section aria-labelledby="esito-titolo" className="mb-5 p-3 border rounded">
      <QueryState query={query} loadingLabel="Caricamento dell’avanzamento…">
        {(positionImport) => {
          const finished = isImportFinished(positionImport);
          const sameFile =
            !!file && file.name === positionImport.fileName && file.size === positionImport.sizeBytes;
          return (
            <>
              <h2 id="esito-titolo" className="h4" tabIndex={-1} ref={headingRef}>
                {positionImport.dryRun ? 'Verifica' : 'Importazione'} di{' '}
                {positionImport.fileName ?? 'file senza nome'}
              </h2>
              <p role="status" aria-live="polite" className="mb-2">
                <StatusChip
                  label={IMPORT_STATUS_LABELS[positionImport.status]}
                  tone={STATUS_TONES[positionImport.status]}
                />{' '}
                {finished
                  ? positionImport.status === 'FAILED'
                    ? 'Il file non è stato lavorato.'
                    : positionImport.counts.failedRows === 0
                      ? positionImport.dryRun
                        ? 'Nessun errore: il file si può importare.'
                        : 'Tutte le righe sono state lavorate senza errori.'
                      : `${formatCount(positionImport.counts.failedRows)} righe con errori${positionImport.dryRun ? '' : ': le altre sono state importate'}.`
                  : positionImport.status === 'QUEUED'
                    ? 'In attesa di essere lavorato…'
                    : 'Lavorazione in corso…'}
              </p>
              <p className="small">
                {positionImport.encoding && `Codifica ${positionImport.encoding}`}
                {positionImport.separator && ` · separatore ${positionImport.separator}`}
                {` · ${formatBytes(positionImport.sizeBytes)} · caricato il ${formatDateTime(positionImport.createdAt)}`}
              </p>
              {positionImport.warnings.length > 0 && (
                <Alert color="warning">
                  <ul className="mb-0">
                    {positionImport.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {positionImport.error && <Alert color="danger">{positionImport.error}</Alert>}
              {positionImport.status !== 'FAILED' && <ProgressBar positionImport={positionImport} />}
              <Counts positionImport={positionImport} />
              {finished && positionImport.status === 'SUCCEEDED' && (
                <div className="d-flex flex-wrap gap-2 mb-3">
                  <a
                    className="btn btn-outline-primary btn-sm"
                    href={positionImportReportUrl(entityId, positionImport.id, 'outcomes')}
                    download
                  >
                    Scarica l’esito per riga (CSV)
                  </a>
                  {positionImport.counts.failedRows > 0 && (
                    <a
                      className="btn btn-outline-primary btn-sm"
                      href={positionImportReportUrl(entityId, positionImport.id, 'errors')}
                      download
                    >
                      Scarica il rapporto errori (CSV)
                    </a>
                  )}
                  {!positionImport.dryRun &&
                    positionImport.counts.created + positionImport.counts.updated > 0 && (
                      <Link className="btn btn-outline-primary btn-sm" to="/posizioni">
                        Vai alle posizioni
                      </Link>
                    )}
                  {!positionImport.dryRun && positionImport.counts.created > 0 && (
                    <PrintNotices entityId={entityId} selection={{ importId: positionImport.id }} />
                  )}
                </div>
              )}
              {finished &&
                positionImport.dryRun &&
                positionImport.status === 'SUCCEEDED' &&
                canWrite &&
                sameFile && (
                  <div className="mb-3">
                    <Button
                      color="primary"
                      disabled={upload.isPending}
                      onClick={() => upload.mutate({ file, dryRun: false }, { onSuccess: onStarted })}
                    >
                      {positionImport.counts.failedRows === 0
                        ? 'Importa ora'
                        : 'Importa comunque le righe valide'}
                    </Button>
                  </div>
                )}
              {finished && positionImport.counts.failedRows > 0 && (
                <ErrorsPreview entityId={entityId} positionImport={positionImport} />
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function PastImports({ entityId, onShow }: { entityId: string; onShow: (id: string) => void }) {
  const imports = usePositionImports(entityId);
  return (
    <section aria-labelledby="storico-titolo">
      <h2 id="storico-titolo" className="h4">
        Caricamenti precedenti
      </h2>
      <QueryState query={imports} loadingLabel="Caricamento dei caricamenti precedenti…" skeletonRows={3}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="Nessun caricamento">
              I file caricati compaiono qui, con il loro esito.
            </EmptyState>
          ) : (
            <div className="table-responsive">
              <table className="table align-middle">
                <caption className="visually-hidden">
                  Caricamenti di posizioni dell’ente, dal più recente
                </caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Quando</th>
                    <th scope="col">Tipo</th>
                    <th scope="col">Stato</th>
                    <th scope="col" className="text-end">
                      Righe
                    </th>
                    <th scope="col" className="text-end">
                      Create
                    </th>
                    <th scope="col" className="text-end">
                      Con errori
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Azioni</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="fw-normal">
                        {item.fileName ?? '—'}
                      </th>
                      <td className="text-nowrap">{formatDateTime(item.createdAt)}</td>
                      <td>{item.dryRun ? 'Verifica' : 'Importazione'}</td>
                      <td>
                        <StatusChip
                          label={IMPORT_STATUS_LABELS[item.status]}
                          tone={STATUS_TONES[item.status]}
                        />
                      </td>
                      <td className="text-end">{formatCount(item.totalRows)}</td>
                      <td className="text-end">{formatCount(item.counts.created)}</td>
                      <td className="text-end">{formatCount(item.counts.failedRows)}</td>
                      <td>
                        <Button color="primary" outline size="xs" onClick={() => onShow(item.id)}>
                          Dettagli
                          <span className="visually-hidden"> di {item.fileName ?? 'questo caricamento'}</span>
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function PositionImports({ entityId, canWrite }: { entityId: string; canWrite: boolean }) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const started = (created: PositionImport) => setCurrentId(created.id);
  return (
    <>
      <TemplateSection entityId={entityId} />
      {canWrite ? (
        <UploadSection entityId={entityId} file={file} onFile={setFile} onStarted={started} />
      ) : (
        <p className="mb-5">Consultazione: il caricamento dei file è riservato agli operatori dell’ente.</p>
      )}
      {currentId && (
        <ImportDetail
          key={currentId}
          entityId={entityId}
          id={currentId}
          file={file}
          canWrite={canWrite}
          onStarted={started}
        />
      )}
      <PastImports entityId={entityId} onShow={setCurrentId} />
    </>
  );
}

export function PositionImportPage() {
  return (
    <PageContainer
      title="Carica posizioni"
      lead="Crea, aggiorna o annulla molte posizioni debitorie con un file: prima la verifica, poi l’importazione, con l’esito di ogni riga."
    >
      <ActiveEntity>
        {(entity) => (
          <PositionImports
            key={entity.entityId}
            entityId={entity.entityId}
            canWrite={canWritePositions(entity.role)}
          />
        )}
      </ActiveEntity>
    </PageContainer>
  );
}
