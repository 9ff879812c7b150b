import {
  ANONYMOUS_DEBTOR_ID,
  type CreateDebtPositionRequest,
  type DebtPosition,
  type Debtor,
  type DueType,
  type MetadataEntry,
  type PaymentOption,
  type PaymentOptionInput,
  type Transfer,
  type TransferInput,
  type UpdateDebtPositionRequest,
} from '@pagamenti/contracts';
import {
  DEBT_POSITION_LIMITS,
  hasValidIbanChecksum,
  isValidEntityFiscalCode,
  isValidPersonFiscalCode,
  isValidTaxonomyCode,
  normalizeIban,
} from '@pagamenti/pagopa';
import { centsToEuroInput, formatEuro, parseEuroToCents } from '@pagamenti/ui';

/**
 * The create/edit form of a debt position as plain data: its values, the request they become, and the checks
 * done before sending. Errors are keyed by the request's own paths (`options.1.transfers.0.iban`), the same
 * paths the API names in `fieldErrors`, so both land next to the same field.
 */

export const MAX_TRANSFERS = DEBT_POSITION_LIMITS.maxTransfers;
export const MIN_INSTALLMENTS = 2;
/** The API takes up to 100 options: the single payment and 99 installments. */
export const MAX_INSTALLMENTS = DEBT_POSITION_LIMITS.maxOptions - 1;
export const TEXT_MAX = DEBT_POSITION_LIMITS.maxTextLength;

export type DebtorKind = 'F' | 'G' | 'ANONIMO';

export interface TransferValues {
  uid: string;
  beneficiaryFiscalCode: string;
  iban: string;
  category: string;
  remittanceInformation: string;
  amount: string;
  /** Kept as they are on edit: the form does not change digital stamps or transfer metadata. */
  stamp: Transfer['stamp'];
  metadata: MetadataEntry[] | undefined;
}

export interface OptionValues {
  uid: string;
  amount: string;
  dueDate: string;
  validityDate: string;
  /** Several beneficiaries or accounts: shown in the advanced section; empty means the defaults of the API. */
  split: boolean;
  transfers: TransferValues[];
  /** Kept as they are on edit. */
  description: string | undefined;
  retentionDate: string | null | undefined;
}

export interface PositionFormValues {
  iupd: string;
  dueTypeCode: string;
  debtorKind: DebtorKind;
  debtorId: string;
  debtorName: string;
  email: string;
  streetName: string;
  civicNumber: string;
  postalCode: string;
  city: string;
  province: string;
  country: string;
  description: string;
  withSingle: boolean;
  single: OptionValues;
  withInstallments: boolean;
  installments: OptionValues[];
  publish: boolean;
  /** Kept as they are on edit. */
  metadata: MetadataEntry[];
}

/** What the transfers default to when the operator splits an option: the entity, its due type's account. */
export interface TransferDefaults {
  entityFiscalCode: string;
  iban: string;
  category: string;
}

let sequence = 0;
/** Stable React keys for rows that are added and removed. */
export function newUid(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

export function emptyTransfer(defaults: TransferDefaults | null, amount = ''): TransferValues {
  return {
    uid: newUid('beneficiario'),
    beneficiaryFiscalCode: defaults?.entityFiscalCode ?? '',
    iban: defaults?.iban ?? '',
    category: defaults?.category ?? '',
    remittanceInformation: '',
    amount,
    stamp: null,
    metadata: undefined,
  };
}

export function emptyOption(amount = ''): OptionValues {
  return {
    uid: newUid('opzione'),
    amount,
    dueDate: '',
    validityDate: '',
    split: false,
    transfers: [],
    description: undefined,
    retentionDate: undefined,
  };
}

export function emptyPositionForm(): PositionFormValues {
  return {
    iupd: '',
    dueTypeCode: '',
    debtorKind: 'F',
    debtorId: '',
    debtorName: '',
    email: '',
    streetName: '',
    civicNumber: '',
    postalCode: '',
    city: '',
    province: '',
    country: 'IT',
    description: '',
    withSingle: true,
    single: emptyOption(),
    withInstallments: false,
    installments: [],
    publish: true,
    metadata: [],
  };
}

/** A remittance equal to the option's description was the API's default: left empty, it keeps following it. */
function transferValuesOf(transfer: Transfer, optionDescription: string): TransferValues {
  return {
    uid: newUid('beneficiario'),
    beneficiaryFiscalCode: transfer.beneficiaryFiscalCode,
    iban: transfer.iban ?? '',
    category: transfer.category,
    remittanceInformation:
      transfer.remittanceInformation === optionDescription ? '' : transfer.remittanceInformation,
    amount: centsToEuroInput(transfer.amountCents),
    stamp: transfer.stamp,
    metadata: transfer.metadata,
  };
}

/**
 * Whether an option's money goes where the API sends it by default (one transfer of the whole amount to the
 * entity, on its due type's account, with the due type's taxonomy and the option's description): then the form
 * folds the beneficiaries away and saving keeps the default.
 */
function hasDefaultTransfers(option: PaymentOption, defaults: TransferDefaults | null): boolean {
  const [only, ...others] = option.transfers;
  return (
    !!defaults &&
    !!only &&
    others.length === 0 &&
    only.stamp === null &&
    !only.metadata?.length &&
    only.beneficiaryFiscalCode === defaults.entityFiscalCode &&
    only.iban === defaults.iban &&
    only.category === defaults.category &&
    only.remittanceInformation === option.description &&
    only.amountCents === option.amountCents
  );
}

/**
 * The form filled with a position, for "Modifica". Transfers other than the default are shown and sent back as
 * they are, so none is lost by saving.
 */
export function positionFormOf(
  position: DebtPosition,
  defaults: TransferDefaults | null,
): PositionFormValues {
  const toOption = (option: PaymentOption): OptionValues => ({
    uid: newUid('opzione'),
    amount: centsToEuroInput(option.amountCents),
    dueDate: option.dueDate,
    validityDate: option.validityDate && option.validityDate !== option.dueDate ? option.validityDate : '',
    split: !hasDefaultTransfers(option, defaults),
    transfers: option.transfers.map((transfer) => transferValuesOf(transfer, option.description)),
    // The position's description was the default: not sent back, it follows an edited description.
    description: option.description !== position.description ? option.description : undefined,
    retentionDate: option.retentionDate,
  });
  const single = position.options.find((option) => option.installment === null);
  const installments = position.options
    .filter((option) => option.installment !== null)
    .sort((a, b) => (a.installment ?? 0) - (b.installment ?? 0));
  const debtor = position.debtor;
  const anonymous = debtor.idValue === ANONYMOUS_DEBTOR_ID;
  return {
    iupd: position.iupd,
    dueTypeCode: position.dueTypeCode,
    debtorKind: anonymous ? 'ANONIMO' : debtor.type,
    debtorId: anonymous ? '' : debtor.idValue,
    debtorName: debtor.name,
    email: debtor.email ?? '',
    streetName: debtor.streetName ?? '',
    civicNumber: debtor.civicNumber ?? '',
    postalCode: debtor.postalCode ?? '',
    city: debtor.city ?? '',
    province: debtor.province ?? '',
    country: debtor.country ?? '',
    description: position.description,
    withSingle: !!single,
    single: single ? toOption(single) : emptyOption(),
    withInstallments: installments.length > 0,
    installments: installments.map(toOption),
    publish: false,
    metadata: position.metadata,
  };
}

/** The options in the order the request sends them: the single payment first, then the installments. */
export function optionsInRequestOrder(values: PositionFormValues): { option: OptionValues; path: string }[] {
  const list = [
    ...(values.withSingle ? [values.single] : []),
    ...(values.withInstallments ? values.installments : []),
  ];
  return list.map((option, index) => ({ option, path: `options.${index}` }));
}

/** The DOM id of the field that edits `path` (`options.1.amountCents` → `posizione-options-1-amountCents`). */
export function fieldId(path: string): string {
  return `posizione-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

/** The API's paths to ours: `options[1].transfers[0].iban` → `options.1.transfers.0.iban`. */
export function normalizeErrorPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

const trimmed = (value: string) => value.trim();
const orNull = (value: string) => value.trim() || null;

export function debtorOf(values: PositionFormValues): Debtor {
  const anonymous = values.debtorKind === 'ANONIMO';
  return {
    type: values.debtorKind === 'G' ? 'G' : 'F',
    idValue: anonymous ? ANONYMOUS_DEBTOR_ID : values.debtorId.replace(/\s+/g, '').toUpperCase(),
    name: trimmed(values.debtorName),
    streetName: orNull(values.streetName),
    civicNumber: orNull(values.civicNumber),
    postalCode: orNull(values.postalCode),
    city: orNull(values.city),
    province: orNull(values.province)?.toUpperCase() ?? null,
    country: orNull(values.country)?.toUpperCase() ?? null,
    email: orNull(values.email),
  };
}

function cents(value: string): number {
  const parsed = parseEuroToCents(value);
  return parsed === null || Number.isNaN(parsed) ? 0 : parsed;
}

/** The amount the option will have: a FIXED due type's amount wins over what is typed. */
export function optionAmountCents(option: OptionValues, fixedAmountCents: number | null): number {
  return fixedAmountCents ?? cents(option.amount);
}

function transferInputOf(transfer: TransferValues): TransferInput {
  return {
    beneficiaryFiscalCode: trimmed(transfer.beneficiaryFiscalCode) || undefined,
    ...(transfer.stamp ? { stamp: transfer.stamp } : { iban: normalizeIban(transfer.iban) || undefined }),
    category: trimmed(transfer.category) || undefined,
    remittanceInformation: trimmed(transfer.remittanceInformation) || undefined,
    amountCents: cents(transfer.amount),
    ...(transfer.metadata?.length ? { metadata: transfer.metadata } : {}),
  };
}

function optionInputsOf(values: PositionFormValues, fixedAmountCents: number | null): PaymentOptionInput[] {
  return optionsInRequestOrder(values).map(({ option }) => {
    const installment = option === values.single ? null : values.installments.indexOf(option) + 1;
    return {
      installment,
      amountCents: installment === null ? optionAmountCents(option, fixedAmountCents) : cents(option.amount),
      dueDate: option.dueDate,
      validityDate: option.validityDate || null,
      ...(option.retentionDate ? { retentionDate: option.retentionDate } : {}),
      ...(option.description ? { description: option.description } : {}),
      ...(option.split && option.transfers.length
        ? { transfers: option.transfers.map(transferInputOf) }
        : {}),
    };
  });
}

export function createRequestOf(
  values: PositionFormValues,
  dueType: DueType | undefined,
): CreateDebtPositionRequest {
  const fixed = dueType?.amountMode === 'FIXED' ? dueType.fixedAmountCents : null;
  return {
    ...(trimmed(values.iupd) ? { iupd: trimmed(values.iupd) } : {}),
    dueTypeCode: values.dueTypeCode,
    debtor: debtorOf(values),
    description: trimmed(values.description),
    ...(values.metadata.length ? { metadata: values.metadata } : {}),
    options: optionInputsOf(values, fixed),
    publish: values.publish,
  };
}

export function updateRequestOf(
  values: PositionFormValues,
  dueType: DueType | undefined,
  version: number,
): UpdateDebtPositionRequest {
  const fixed = dueType?.amountMode === 'FIXED' ? dueType.fixedAmountCents : null;
  return {
    debtor: debtorOf(values),
    description: trimmed(values.description),
    metadata: values.metadata,
    options: optionInputsOf(values, fixed),
    version,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PERSON_CODE_SHAPE = /^[A-Z0-9]{16}$/;

function amountError(value: string, label = 'l’importo'): string | undefined {
  const parsed = parseEuroToCents(value);
  if (parsed === null) return `Indica ${label}`;
  if (Number.isNaN(parsed)) return 'Importo non valido: usa al massimo 2 decimali, es. 120,50';
  if (parsed <= 0) return 'L’importo deve essere maggiore di zero';
  return undefined;
}

function debtorIdError(kind: DebtorKind, raw: string): string | undefined {
  if (kind === 'ANONIMO') return undefined;
  const code = raw.replace(/\s+/g, '').toUpperCase();
  if (kind === 'F') {
    if (!code) return 'Indica il codice fiscale del debitore';
    if (!PERSON_CODE_SHAPE.test(code))
      return `Il codice fiscale di una persona ha 16 caratteri: ne hai scritti ${code.length}`;
    if (!isValidPersonFiscalCode(code)) return 'Il codice fiscale non è corretto: controlla i caratteri';
    return undefined;
  }
  if (!code) return 'Indica la partita IVA o il codice fiscale del debitore';
  if (/^\d{11}$/.test(code))
    return isValidEntityFiscalCode(code)
      ? undefined
      : 'La partita IVA non è corretta: l’ultima cifra non corrisponde';
  if (PERSON_CODE_SHAPE.test(code))
    return isValidPersonFiscalCode(code)
      ? undefined
      : 'Il codice fiscale non è corretto: controlla i caratteri';
  return 'Indica una partita IVA di 11 cifre o un codice fiscale di 16 caratteri';
}

/** The sum of an option's transfers against its amount: the live check of the advanced section. */
export function transfersBalance(option: OptionValues, optionCents: number) {
  const total = option.transfers.reduce((sum, transfer) => sum + cents(transfer.amount), 0);
  return { total, difference: optionCents - total, balanced: total === optionCents };
}

/** A FIXED due type's amount, a FREE one's bounds, against the single payment and the installments' total. */
function dueTypeAmountError(amount: number, dueType: DueType | undefined, what: string): string | undefined {
  if (!dueType || amount <= 0) return undefined;
  if (dueType.amountMode === 'FIXED') {
    return dueType.fixedAmountCents !== null && amount !== dueType.fixedAmountCents
      ? `${what} deve essere uguale all’importo fisso del tipo dovuto (${formatEuro(dueType.fixedAmountCents)})`
      : undefined;
  }
  if (dueType.minAmountCents !== null && amount < dueType.minAmountCents)
    return `${what} è sotto il minimo del tipo dovuto (${formatEuro(dueType.minAmountCents)})`;
  if (dueType.maxAmountCents !== null && amount > dueType.maxAmountCents)
    return `${what} supera il massimo del tipo dovuto (${formatEuro(dueType.maxAmountCents)})`;
  return undefined;
}

/** The installments' total, shown under them and checked against the due type. */
export function installmentsTotalCents(values: PositionFormValues): number {
  return values.installments.reduce((sum, option) => sum + cents(option.amount), 0);
}

/**
 * Everything that can be checked before sending, keyed by request path; the API repeats the checks (and those
 * that need its data, such as which entities may receive a transfer). `today` is Rome's day: a new position's
 * due dates cannot be in the past, an edited one needs at least one option still payable.
 */
export function validatePositionForm(
  values: PositionFormValues,
  dueType: DueType | undefined,
  today: string,
  mode: 'create' | 'edit',
): Record<string, string> {
  const errors: Record<string, string> = {};
  const fixed = dueType?.amountMode === 'FIXED' ? dueType.fixedAmountCents : null;
  if (!values.dueTypeCode) errors['dueTypeCode'] = 'Scegli il tipo dovuto';
  if (values.iupd.trim() && !/^[A-Za-z0-9._-]{1,70}$/.test(values.iupd.trim()))
    errors['iupd'] = 'Usa lettere, cifre, punto, trattino e trattino basso, fino a 70 caratteri';

  const idError = debtorIdError(values.debtorKind, values.debtorId);
  if (idError) errors['debtor.idValue'] = idError;
  const name = values.debtorName.trim();
  if (!name)
    errors['debtor.name'] =
      values.debtorKind === 'G' ? 'Indica la ragione sociale' : 'Indica nome e cognome del debitore';
  else if (name.length > TEXT_MAX) errors['debtor.name'] = `Al massimo ${TEXT_MAX} caratteri`;
  if (values.email.trim() && !EMAIL.test(values.email.trim()))
    errors['debtor.email'] = 'Indirizzo e-mail non valido, es. nome@esempio.it';
  const italian = ['', 'IT'].includes(values.country.trim().toUpperCase());
  if (values.postalCode.trim() && italian && !/^\d{5}$/.test(values.postalCode.trim()))
    errors['debtor.postalCode'] = 'Il CAP ha 5 cifre';
  if (values.province.trim() && !/^[A-Za-z]{2}$/.test(values.province.trim()))
    errors['debtor.province'] = 'Sigla di 2 lettere, es. TE';
  if (values.country.trim() && !/^[A-Za-z]{2}$/.test(values.country.trim()))
    errors['debtor.country'] = 'Codice di 2 lettere, es. IT';

  const description = values.description.trim();
  if (!description) errors['description'] = 'Indica l’oggetto del pagamento';
  else if (description.length > TEXT_MAX)
    errors['description'] = `Al massimo ${TEXT_MAX} caratteri: ne hai scritti ${description.length}`;

  if (!values.withSingle && !values.withInstallments)
    errors['options'] = 'Scegli la soluzione unica, il pagamento a rate o entrambi';
  else if (values.withInstallments && values.installments.length < MIN_INSTALLMENTS)
    errors['options'] = `Il pagamento a rate prevede almeno ${MIN_INSTALLMENTS} rate`;
  else if (values.withInstallments && values.installments.length > MAX_INSTALLMENTS)
    errors['options'] = `Al massimo ${MAX_INSTALLMENTS} rate`;
  else if (values.withInstallments) {
    const error = dueTypeAmountError(installmentsTotalCents(values), dueType, 'Il totale delle rate');
    if (error) errors['options'] = error;
  }

  let payableToday = false;
  for (const { option, path } of optionsInRequestOrder(values)) {
    const isSingle = option === values.single;
    const optionCents = isSingle ? optionAmountCents(option, fixed) : cents(option.amount);
    if (!(isSingle && fixed !== null)) {
      const error =
        amountError(option.amount) ??
        (isSingle ? dueTypeAmountError(optionCents, dueType, 'L’importo') : undefined);
      if (error) errors[`${path}.amountCents`] = error;
    }
    if (!DAY.test(option.dueDate)) errors[`${path}.dueDate`] = 'Indica la data di scadenza';
    else if (mode === 'create' && option.dueDate < today)
      errors[`${path}.dueDate`] = 'La scadenza non può essere nel passato';
    if (option.validityDate && DAY.test(option.dueDate) && option.validityDate < option.dueDate)
      errors[`${path}.validityDate`] = 'La validità non può terminare prima della scadenza';
    if ((option.validityDate || option.dueDate) >= today) payableToday = true;

    if (!option.split) continue;
    if (option.transfers.length === 0) errors[`${path}.transfers`] = 'Aggiungi almeno un beneficiario';
    if (option.transfers.length > MAX_TRANSFERS)
      errors[`${path}.transfers`] = `Al massimo ${MAX_TRANSFERS} beneficiari per opzione`;
    option.transfers.forEach((transfer, index) => {
      const at = `${path}.transfers.${index}`;
      const beneficiary = transfer.beneficiaryFiscalCode.trim();
      if (beneficiary && !isValidEntityFiscalCode(beneficiary))
        errors[`${at}.beneficiaryFiscalCode`] = 'Il codice fiscale dell’ente beneficiario ha 11 cifre';
      if (!transfer.stamp && transfer.iban.trim() && !hasValidIbanChecksum(normalizeIban(transfer.iban)))
        errors[`${at}.iban`] = 'IBAN non valido: controlla i caratteri (es. IT60X0542811101000000123456)';
      if (transfer.category.trim() && !isValidTaxonomyCode(transfer.category.trim()))
        errors[`${at}.category`] = 'Formato atteso 9/TTMMSSSRR/, es. 9/0101101IM/';
      if (transfer.remittanceInformation.trim().length > TEXT_MAX)
        errors[`${at}.remittanceInformation`] = `Al massimo ${TEXT_MAX} caratteri`;
      const error = amountError(transfer.amount);
      if (error) errors[`${at}.amountCents`] = error;
    });
    const balance = transfersBalance(option, optionCents);
    if (option.transfers.length && !balance.balanced && !errors[`${path}.transfers`])
      errors[`${path}.transfers`] = 'La somma degli importi dei beneficiari deve essere uguale all’importo';
  }
  if (mode === 'edit' && !payableToday && !errors['options'])
    errors['options'] = 'Tutte le scadenze sono passate: sposta in avanti almeno una data';
  return errors;
}
