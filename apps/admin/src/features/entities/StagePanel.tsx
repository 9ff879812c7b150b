import { ApiError, useTransitionEntity, useUpdateChecklistItem } from '@pagamenti/api-client';
import { type EntityDetail, type OnboardingStage } from '@pagamenti/contracts';
import {
  CheckboxField,
  fieldErrorsOf,
  ONBOARDING_STAGE_LABELS,
  OnboardingStageChip,
  SelectField,
  TextAreaField,
  formatDateTime,
} from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';

/** Current stage, its checklist, "advance" and the other allowed moves. */
export function StagePanel({ entity }: { entity: EntityDetail }) {
  const [note, setNote] = useState('');
  const [otherStage, setOtherStage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const transition = useTransitionEntity(entity.id);
  const checklist = useUpdateChecklistItem(entity.id);
  const errors = fieldErrorsOf(transition.error);
  const stageItems = entity.checklist.filter((item) => item.stage === entity.onboardingStage);
  const others = entity.allowedTransitions.filter((stage) => stage !== entity.nextStage);

  const submit = (toStage: OnboardingStage) => (event?: FormEvent) => {
    event?.preventDefault();
    setDone(null);
    transition.mutate(
      { toStage, note: note.trim() || undefined },
      {
        onSuccess: (updated) => {
          setNote('');
          setOtherStage('');
          setDone(`Fase aggiornata: ${ONBOARDING_STAGE_LABELS[updated.onboardingStage]}.`);
        },
      },
    );
  };

  return (
    <section aria-labelledby="avanzamento-titolo" className="mb-5">
      <h2 id="avanzamento-titolo" className="h3">
        Avanzamento
      </h2>
      <p>
        Fase attuale: <OnboardingStageChip stage={entity.onboardingStage} />
      </p>
      {stageItems.length > 0 && (
        <fieldset className="mb-3">
          <legend className="h5">
            Checklist della fase {ONBOARDING_STAGE_LABELS[entity.onboardingStage]}
          </legend>
          {stageItems.map((item) => (
            <CheckboxField
              key={item.key}
              id={`checklist-${item.key}`}
              label={item.label}
              checked={item.done}
              disabled={item.automatic || checklist.isPending}
              hint={
                item.automatic
                  ? 'Si aggiorna da sola in base alla configurazione dell’ente.'
                  : item.done && item.doneAt
                    ? `Fatto il ${formatDateTime(item.doneAt)}${item.doneBy ? ` da ${item.doneBy}` : ''}`
                    : undefined
              }
              onChange={(checked) => checklist.mutate({ key: item.key, done: checked })}
            />
          ))}
        </fieldset>
      )}
      {checklist.error instanceof ApiError && <Alert color="danger">{checklist.error.message}</Alert>}

      {entity.allowedTransitions.length === 0 ? (
        <p>L’ente è receduto: la fase non può più cambiare.</p>
      ) : (
        <form onSubmit={submit(entity.nextStage ?? (otherStage as OnboardingStage))} noValidate>
          <TextAreaField
            id="nota"
            label="Nota"
            value={note}
            onChange={setNote}
            error={errors['note']}
            hint="Obbligatoria per sospensioni, riprese, recessi e ritorni a una fase precedente."
          />
          <div aria-live="polite">
            {done && <Alert color="success">{done}</Alert>}
            {transition.error instanceof ApiError && !errors['note'] && (
              <Alert color="danger">{transition.error.message}</Alert>
            )}
          </div>
          <div className="d-flex flex-wrap gap-3 align-items-end">
            {entity.nextStage && (
              <Button type="submit" color="primary" disabled={transition.isPending}>
                Avanza a {ONBOARDING_STAGE_LABELS[entity.nextStage]}
              </Button>
            )}
            {others.length > 0 && (
              <>
                <SelectField
                  id="altra-fase"
                  className="mb-0"
                  label="Altro passaggio"
                  value={otherStage}
                  placeholder="Scegli…"
                  options={others.map((stage) => ({ value: stage, label: ONBOARDING_STAGE_LABELS[stage] }))}
                  onChange={setOtherStage}
                />
                <Button
                  type="button"
                  color="primary"
                  outline
                  disabled={!otherStage || transition.isPending}
                  onClick={() => submit(otherStage as OnboardingStage)()}
                >
                  Cambia fase
                </Button>
              </>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
