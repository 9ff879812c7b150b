import { noticeBatchDownloadUrl, useCreateNoticeBatch, useNoticeBatch } from '@pagamenti/api-client';
import type { DebtPositionFilters, NoticeBatch, NoticeBatchFormat } from '@pagamenti/contracts';
import { Alert, Button } from 'design-react-kit';
import { useId, useState } from 'react';

/** Which positions to print: the list's filters, or what a bulk upload created. */
export type PrintSelection = { filters: DebtPositionFilters } | { importId: string };

const count = (n: number) => n.toLocaleString('it-IT');

function timeLeft(seconds: number): string {
  if (seconds < 60) return 'meno di un minuto';
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'un minuto' : `${minutes} minuti`;
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const FORMATS: { value: NoticeBatchFormat; label: string; hint: string }[] = [
  { value: 'pdf', label: 'PDF unico', hint: 'tutti gli avvisi in un solo file, pronto da stampare' },
  { value: 'zip', label: 'ZIP', hint: 'un PDF per avviso, col codice avviso come nome' },
];

function Progress({ batch }: { batch: NoticeBatch }) {
  const labelId = useId();
  const total = batch.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor((batch.done / total) * 100)) : 0;
  const text =
    batch.total === null
      ? 'Preparazione dell’elenco delle posizioni…'
      : `${count(batch.done)} di ${count(total)} posizioni` +
        (batch.secondsLeft !== null ? ` · circa ${timeLeft(batch.secondsLeft)} alla fine` : '');
  return (
    <div className="mt-3">
      <p id={labelId} className="mb-1">
        {text}
      </p>
      <div className="progress" style={{ height: '1rem' }}>
        <div
          className="progress-bar"
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function Outcome({ entityId, batch }: { entityId: string; batch: NoticeBatch }) {
  if (batch.status === 'failed') {
    return (
      <Alert color="danger" className="mt-3">
        Stampa non riuscita: {batch.error ?? 'errore imprevisto'}
      </Alert>
    );
  }
  if (batch.status !== 'succeeded') return <Progress batch={batch} />;
  const printed = batch.done - batch.skipped;
  return (
    <div className="mt-3" role="status">
      <p className="mb-2">
        Pronti {count(printed)} avvisi
        {batch.pages !== null && ` (${count(batch.pages)} pagine)`}
        {batch.skipped > 0 && `; ${count(batch.skipped)} posizioni saltate perché senza importi da pagare`}.
      </p>
      <a className="btn btn-primary" href={noticeBatchDownloadUrl(entityId, batch.id)} download>
        {`Scarica ${batch.format === 'pdf' ? 'il PDF' : 'lo ZIP'}`}
        {batch.sizeBytes !== null && ` (${fileSize(batch.sizeBytes)})`}
      </a>
    </div>
  );
}

/**
 * "Stampa avvisi": prints the notices of a selection in the background (one merged PDF or a ZIP), follows the
 * job with a progress bar and offers the file when it is ready.
 */
export function PrintNotices({ entityId, selection }: { entityId: string; selection: PrintSelection }) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<NoticeBatchFormat>('pdf');
  const [batchId, setBatchId] = useState<string>();
  const create = useCreateNoticeBatch(entityId);
  const batch = useNoticeBatch(entityId, batchId);
  const panelId = useId();
  const running = !!batchId && batch.data?.status !== 'succeeded' && batch.data?.status !== 'failed';

  const start = () => {
    create.mutate({ format, ...selection }, { onSuccess: (created) => setBatchId(created.id) });
  };

  return (
    <div>
      <Button
        color="primary"
        outline
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        Stampa avvisi
      </Button>
      {open && (
        <section id={panelId} aria-label="Stampa avvisi" className="border rounded p-3 mt-2">
          <p className="small mb-2">
            {'filters' in selection
              ? 'Gli avvisi delle posizioni dell’elenco filtrato.'
              : 'Gli avvisi delle posizioni create da questo caricamento.'}{' '}
            Le posizioni senza importi da pagare (pagate, annullate, scadute, bozze) sono saltate.
          </p>
          <fieldset className="mb-3">
            <legend className="h6">Formato</legend>
            {FORMATS.map((option) => (
              <div className="form-check" key={option.value}>
                <input
                  className="form-check-input"
                  type="radio"
                  name={`${panelId}-formato`}
                  id={`${panelId}-${option.value}`}
                  checked={format === option.value}
                  onChange={() => setFormat(option.value)}
                  disabled={running}
                />
                <label className="form-check-label" htmlFor={`${panelId}-${option.value}`}>
                  {option.label} <span className="small">({option.hint})</span>
                </label>
              </div>
            ))}
          </fieldset>
          <Button color="primary" size="sm" onClick={start} disabled={create.isPending || running}>
            {batchId ? 'Stampa di nuovo' : 'Avvia la stampa'}
          </Button>
          {create.isError && (
            <Alert color="danger" className="mt-3">
              {create.error instanceof Error ? create.error.message : 'Stampa non avviata'}
            </Alert>
          )}
          {batch.data && <Outcome entityId={entityId} batch={batch.data} />}
        </section>
      )}
    </div>
  );
}
