import { CheckboxField, TextField, centsToEuroInput, formatEuro, formatIban } from '@pagamenti/ui';
import { Button } from 'design-react-kit';
import {
  MAX_TRANSFERS,
  type OptionValues,
  type TransferDefaults,
  type TransferValues,
  emptyTransfer,
  fieldId,
  transfersBalance,
} from './position-form';

export interface TransfersEditorProps {
  /** Request path of the option, `options.1`. */
  path: string;
  /** "della soluzione unica", "della rata 2": completes the labels read by screen readers. */
  optionName: string;
  option: OptionValues;
  optionCents: number;
  defaults: TransferDefaults | null;
  errors: Record<string, string>;
  onChange: (option: OptionValues, structural: boolean) => void;
}

/**
 * "Beneficiari" of one payment option (advanced): off, the whole amount goes to the entity on its due type's
 * account; on, up to five transfers whose amounts must add up to the option's, checked as the operator types.
 */
export function TransfersEditor({
  path,
  optionName,
  option,
  optionCents,
  defaults,
  errors,
  onChange,
}: TransfersEditorProps) {
  const balance = transfersBalance(option, optionCents);
  const setTransfer = (index: number, patch: Partial<TransferValues>) =>
    onChange(
      {
        ...option,
        transfers: option.transfers.map((transfer, at) =>
          at === index ? { ...transfer, ...patch } : transfer,
        ),
      },
      false,
    );
  const groupError = errors[`${path}.transfers`];

  return (
    <div className="mt-2">
      <CheckboxField
        id={`${fieldId(path)}-ripartisci`}
        label={`Ripartisci l’importo ${optionName} tra più beneficiari o conti (avanzato)`}
        checked={option.split}
        hint={
          defaults?.iban
            ? `Se non ripartisci, l’intero importo va all’ente sul conto del tipo dovuto (${formatIban(defaults.iban)}).`
            : 'Se non ripartisci, l’intero importo va all’ente sul conto del tipo dovuto.'
        }
        onChange={(split) =>
          onChange(
            {
              ...option,
              split,
              transfers:
                split && option.transfers.length === 0
                  ? [emptyTransfer(defaults, optionCents > 0 ? centsToEuroInput(optionCents) : '')]
                  : option.transfers,
            },
            true,
          )
        }
      />
      {option.split && (
        <div className="border-start border-3 border-primary ps-3">
          {option.transfers.map((transfer, index) => {
            const at = `${path}.transfers.${index}`;
            const number = index + 1;
            return (
              <fieldset key={transfer.uid} className="mb-3">
                <legend className="h6 mb-2">
                  Beneficiario {number} <span className="visually-hidden">{optionName}</span>
                </legend>
                <div className="row">
                  <TextField
                    id={fieldId(`${at}.beneficiaryFiscalCode`)}
                    className="col-12 col-md-4"
                    label="Codice fiscale ente beneficiario"
                    inputMode="numeric"
                    maxLength={11}
                    value={transfer.beneficiaryFiscalCode}
                    error={errors[`${at}.beneficiaryFiscalCode`]}
                    onChange={(value) => setTransfer(index, { beneficiaryFiscalCode: value.trim() })}
                  />
                  {transfer.stamp ? (
                    <p className="col-12 col-md-8 mb-3 align-self-end">
                      Marca da bollo digitale (tipo {transfer.stamp.type}, provincia {transfer.stamp.province}
                      )
                    </p>
                  ) : (
                    <TextField
                      id={fieldId(`${at}.iban`)}
                      className="col-12 col-md-8"
                      label="IBAN"
                      value={transfer.iban}
                      error={errors[`${at}.iban`]}
                      autoComplete="off"
                      onChange={(value) => setTransfer(index, { iban: value.toUpperCase() })}
                    />
                  )}
                  <TextField
                    id={fieldId(`${at}.category`)}
                    className="col-12 col-md-4"
                    label="Codice tassonomico"
                    value={transfer.category}
                    error={errors[`${at}.category`]}
                    hint="Es. 9/0101101IM/"
                    onChange={(value) => setTransfer(index, { category: value })}
                  />
                  <TextField
                    id={fieldId(`${at}.remittanceInformation`)}
                    className="col-12 col-md-5"
                    label="Causale"
                    maxLength={140}
                    value={transfer.remittanceInformation}
                    error={errors[`${at}.remittanceInformation`]}
                    hint="Vuota: l’oggetto del pagamento"
                    onChange={(value) => setTransfer(index, { remittanceInformation: value })}
                  />
                  <TextField
                    id={fieldId(`${at}.amountCents`)}
                    className="col-12 col-md-3"
                    label="Importo (€)"
                    inputMode="decimal"
                    value={transfer.amount}
                    error={errors[`${at}.amountCents`]}
                    onChange={(value) => setTransfer(index, { amount: value })}
                  />
                </div>
                {option.transfers.length > 1 && (
                  <Button
                    type="button"
                    color="danger"
                    outline
                    size="xs"
                    onClick={() =>
                      onChange(
                        { ...option, transfers: option.transfers.filter((_, at) => at !== index) },
                        true,
                      )
                    }
                  >
                    Rimuovi beneficiario {number} <span className="visually-hidden">{optionName}</span>
                  </Button>
                )}
              </fieldset>
            );
          })}
          <div className="d-flex flex-wrap gap-3 align-items-center mb-2">
            {option.transfers.length < MAX_TRANSFERS && (
              <Button
                type="button"
                color="primary"
                outline
                size="sm"
                onClick={() =>
                  onChange(
                    {
                      ...option,
                      transfers: [
                        ...option.transfers,
                        emptyTransfer(
                          defaults,
                          balance.difference > 0 ? centsToEuroInput(balance.difference) : '',
                        ),
                      ],
                    },
                    true,
                  )
                }
              >
                Aggiungi beneficiario <span className="visually-hidden">{optionName}</span>
              </Button>
            )}
            <span className="small">Fino a {MAX_TRANSFERS} beneficiari.</span>
          </div>
          <p
            aria-live="polite"
            className={`small fw-semibold mb-1 ${balance.balanced ? 'text-success' : 'text-danger'}`}
            data-testid={`${fieldId(path)}-somma`}
          >
            Somma dei beneficiari: {formatEuro(balance.total)} su {formatEuro(optionCents)}
            {balance.balanced
              ? ' — corrisponde all’importo.'
              : balance.difference > 0
                ? ` — mancano ${formatEuro(balance.difference)}.`
                : ` — ${formatEuro(-balance.difference)} in più.`}
          </p>
          {groupError && (
            <div
              id={fieldId(`${path}.transfers`)}
              className="invalid-feedback d-block"
              role="alert"
              tabIndex={-1}
              data-error-anchor
            >
              {groupError}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
