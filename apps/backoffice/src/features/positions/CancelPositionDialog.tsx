import { ApiError, useCancelPosition } from '@pagamenti/api-client';
import type { DebtPosition } from '@pagamenti/contracts';
import { TextAreaField } from '@pagamenti/ui';
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from 'design-react-kit';
import { type FormEvent, useState } from 'react';

const REASON_MIN = 3;
const REASON_MAX = 500;

/** "Annulla la posizione": a dialog that asks why (it stays in the history) before cancelling. */
export function CancelPositionDialog({
  entityId,
  position,
  isOpen,
  onClose,
  onCancelled,
}: {
  entityId: string;
  position: DebtPosition;
  isOpen: boolean;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const cancel = useCancelPosition(entityId, position.iupd);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    setReason('');
    setError(undefined);
    cancel.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const found =
      text.length < REASON_MIN
        ? `Scrivi il motivo dell’annullamento (almeno ${REASON_MIN} caratteri)`
        : text.length > REASON_MAX
          ? `Al massimo ${REASON_MAX} caratteri`
          : undefined;
    setError(found);
    if (found) {
      document.getElementById('motivo-annullamento')?.focus();
      return;
    }
    cancel.mutate(text, {
      onSuccess: () => {
        setReason('');
        onCancelled();
      },
    });
  };

  const serverError = cancel.error instanceof ApiError ? cancel.error : null;
  return (
    <Modal isOpen={isOpen} toggle={close} labelledBy="annulla-titolo" fade={false} centered>
      <form onSubmit={submit} noValidate>
        <ModalHeader tag="h2" id="annulla-titolo" className="h4">
          Annullare la posizione?
        </ModalHeader>
        <ModalBody>
          <p>
            Gli avvisi della posizione non saranno più pagabili e l’annullamento non si può revocare. I codici
            avviso non verranno riutilizzati.
          </p>
          {serverError && (
            <Alert color="danger" fade={false}>
              {serverError.fieldErrors[0]?.message ?? serverError.message}
            </Alert>
          )}
          <TextAreaField
            id="motivo-annullamento"
            label="Motivo dell’annullamento"
            required
            value={reason}
            onChange={setReason}
            error={error}
            hint="Resta nello storico della posizione, es. “Emessa per errore: duplicato di un altro avviso”."
          />
        </ModalBody>
        <ModalFooter>
          <Button type="button" color="primary" outline onClick={close}>
            Torna alla posizione
          </Button>
          <Button type="submit" color="danger" disabled={cancel.isPending} aria-busy={cancel.isPending}>
            {cancel.isPending ? 'Annullamento in corso…' : 'Annulla la posizione'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
