import {
  ANONYMOUS_DEBTOR_ID,
  type AmountMode,
  type Debtor,
  type DebtorType,
  type FieldError,
  type MetadataEntry,
  type Transfer,
} from '@pagamenti/contracts';
import { isValidEntityFiscalCode, isValidPersonFiscalCode } from './fiscal-code';
import { hasValidIbanChecksum } from './iban';
import { italianIbanAbi, POSTE_ABI } from './taxonomy';
import { isValidTaxonomyCode } from './taxonomy';

/*
 * Validation of a debt position as sent by an operator, an entity's software or a bulk-upload row. The bulk
 * importer calls it once per row (a million times per file), so it is written for speed: regular expressions are
 * compiled once, field paths are built only when there is an error, and the happy path allocates only its result.
 * The input is typed, but every value is checked at run time too: it comes from JSON or CSV.
 */

export const DEBT_POSITION_LIMITS = {
  /** 999.999.999,99 € — the largest SOAP amount (`\d{1,9}\.\d{2}`). */
  maxAmountCents: 99_999_999_999,
  maxTextLength: 140,
  maxMetadataEntries: 10,
  maxTransfers: 5,
  maxOptions: 100,
  maxIupdLength: 70,
  maxEmailLength: 256,
  maxStreetLength: 70,
  maxCivicNumberLength: 16,
  maxPostalCodeLength: 16,
  maxCityLength: 35,
} as const;

/** What an operator, a program or a file row sends (the create and update requests have this shape). */
export interface DebtPositionInput {
  iupd?: string | null;
  debtor: Debtor;
  description: string;
  metadata?: MetadataEntry[] | null;
  options: DebtPaymentOptionInput[];
}

export interface DebtPaymentOptionInput {
  installment?: number | null;
  amountCents: number;
  dueDate: string;
  validityDate?: string | null;
  retentionDate?: string | null;
  description?: string | null;
  transfers?: DebtTransferInput[] | null;
}

export interface DebtTransferInput {
  beneficiaryFiscalCode?: string | null;
  iban?: string | null;
  stamp?: { type: string; hashDocument: string; province: string } | null;
  category?: string | null;
  remittanceInformation?: string | null;
  amountCents: number;
  metadata?: MetadataEntry[] | null;
}

/** The due type the position belongs to, with the account its money goes to by default. */
export interface ValidationDueType {
  code: string;
  taxonomyCode: string;
  /** Normalised IBAN of the due type's account; null when the due type has none. */
  accountIban: string | null;
  accountKind: 'BANK' | 'POSTAL' | null;
  amountMode: AmountMode;
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  active: boolean;
}

export interface DebtPositionValidationContext {
  /** The position's entity: the default beneficiary. */
  entityFiscalCode: string;
  dueType: ValidationDueType;
  /**
   * Fiscal codes of the platform's entities. A transfer may also credit a creditor entity outside the platform
   * (the Provincia of a TARI/TEFA split is often served by another intermediary): PagoPA's registry is not
   * visible from here, so such a beneficiary needs a valid 11-digit fiscal code and the Node checks it is a
   * registered EC when the payment is made.
   */
  knownEntityFiscalCodes: ReadonlySet<string>;
  /** `YYYY-MM-DD` in Europe/Rome: at least one option must still be payable on this day. */
  today: string;
}

export interface NormalisedPaymentOption {
  installment: number | null;
  amountCents: number;
  dueDate: string;
  validityDate: string | null;
  retentionDate: string | null;
  description: string;
  transfers: Transfer[];
}

export interface NormalisedDebtPosition {
  /** Null: the caller generates one. */
  iupd: string | null;
  debtor: Required<Debtor>;
  description: string;
  metadata: MetadataEntry[];
  /** The single payment's amount, or the installments' total when there is no single payment. */
  amountCents: number;
  /** The single payment first, then installments 1..n. */
  options: NormalisedPaymentOption[];
}

export type DebtPositionValidationResult =
  { ok: true; position: NormalisedDebtPosition } | { ok: false; errors: FieldError[] };

const IUPD = /^[A-Za-z0-9._-]{1,70}$/;
const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/;
const TWO_LETTERS = /^[A-Z]{2}$/;
const STAMP_TYPE = /^\d{2}$/;
const STAMP_HASH = /^[A-Za-z0-9+/=]{1,70}$/;
const IBAN_WITH_SPACES = /\s+/g;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Strict `YYYY-MM-DD` with a real calendar day, without Date objects. */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    year = year * 10 + digit;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** Today's date (`YYYY-MM-DD`) in Europe/Rome, the calendar due and validity dates refer to. */
export function todayInRome(now: Date = new Date()): string {
  return ROME_DATE.format(now);
}
const ROME_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function isAmount(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= DEBT_POSITION_LIMITS.maxAmountCents
  );
}

function euro(cents: number): string {
  const euros = Math.trunc(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')} €`;
}

/** Trimmed text of 1..max characters, or undefined when it is not. */
function requiredText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length >= 1 && text.length <= max ? text : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Collects errors; the list exists only once there is one. */
class Errors {
  list: FieldError[] | null = null;

  add(field: string, message: string, rule: string): void {
    (this.list ??= []).push({ field, message, rule });
  }
}

function optionPath(index: number): string {
  return `options[${index}]`;
}

function transferPath(optionIndex: number, transferIndex: number): string {
  return `options[${optionIndex}].transfers[${transferIndex}]`;
}

function validateMetadata(value: unknown, path: string, errors: Errors): MetadataEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.add(path, 'I metadati devono essere un elenco di coppie chiave/valore.', 'isArray');
    return [];
  }
  if (value.length > DEBT_POSITION_LIMITS.maxMetadataEntries) {
    errors.add(
      path,
      `Al massimo ${DEBT_POSITION_LIMITS.maxMetadataEntries} coppie chiave/valore nei metadati.`,
      'maxEntries',
    );
    return [];
  }
  const entries: MetadataEntry[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const key = requiredText(record['key'], DEBT_POSITION_LIMITS.maxTextLength);
    const text = requiredText(record['value'], DEBT_POSITION_LIMITS.maxTextLength);
    if (key === undefined) {
      errors.add(`${path}[${i}].key`, 'La chiave del metadato deve avere da 1 a 140 caratteri.', 'length');
    }
    if (text === undefined) {
      errors.add(`${path}[${i}].value`, 'Il valore del metadato deve avere da 1 a 140 caratteri.', 'length');
    }
    if (key !== undefined && text !== undefined) entries.push({ key, value: text });
  }
  return entries;
}

function optionalText(
  value: unknown,
  max: number,
  field: string,
  label: string,
  errors: Errors,
): string | null {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') {
    errors.add(field, `${label} deve essere un testo.`, 'isString');
    return null;
  }
  const text = value.trim();
  if (text.length > max) {
    errors.add(field, `${label} può avere al massimo ${max} caratteri.`, 'maxLength');
    return null;
  }
  return text;
}

function validateDebtor(value: unknown, errors: Errors): Required<Debtor> | null {
  if (typeof value !== 'object' || value === null) {
    errors.add('debtor', 'Il debitore è obbligatorio.', 'required');
    return null;
  }
  const debtor = value as Record<string, unknown>;
  const type = debtor['type'];
  if (type !== 'F' && type !== 'G') {
    errors.add(
      'debtor.type',
      'Il tipo di debitore deve essere F (persona fisica) o G (persona giuridica).',
      'isIn',
    );
  }
  const rawId = debtor['idValue'];
  const idValue = typeof rawId === 'string' ? rawId.trim().toUpperCase() : '';
  if (idValue === '') {
    errors.add('debtor.idValue', 'Il codice fiscale del debitore è obbligatorio.', 'required');
  } else if (idValue !== ANONYMOUS_DEBTOR_ID) {
    if (type === 'F' && !isValidPersonFiscalCode(idValue)) {
      errors.add(
        'debtor.idValue',
        'Il codice fiscale della persona fisica non è valido (16 caratteri con il carattere di controllo corretto), oppure indicare ANONIMO.',
        'isFiscalCode',
      );
    } else if (type === 'G' && !isValidEntityFiscalCode(idValue) && !isValidPersonFiscalCode(idValue)) {
      errors.add(
        'debtor.idValue',
        'Il codice fiscale o la partita IVA della persona giuridica non è valido (11 cifre con la cifra di controllo corretta), oppure indicare ANONIMO.',
        'isFiscalCode',
      );
    }
  }
  const name = requiredText(debtor['name'], DEBT_POSITION_LIMITS.maxTextLength);
  if (name === undefined) {
    errors.add('debtor.name', 'Il nome del debitore deve avere da 1 a 140 caratteri.', 'length');
  }
  const streetName = optionalText(
    debtor['streetName'],
    DEBT_POSITION_LIMITS.maxStreetLength,
    'debtor.streetName',
    'L’indirizzo',
    errors,
  );
  const civicNumber = optionalText(
    debtor['civicNumber'],
    DEBT_POSITION_LIMITS.maxCivicNumberLength,
    'debtor.civicNumber',
    'Il numero civico',
    errors,
  );
  const postalCode = optionalText(
    debtor['postalCode'],
    DEBT_POSITION_LIMITS.maxPostalCodeLength,
    'debtor.postalCode',
    'Il CAP',
    errors,
  );
  const city = optionalText(
    debtor['city'],
    DEBT_POSITION_LIMITS.maxCityLength,
    'debtor.city',
    'Il comune',
    errors,
  );
  const province = upperTwoLetters(debtor['province'], 'debtor.province', 'La provincia', errors);
  const country = upperTwoLetters(debtor['country'], 'debtor.country', 'Il paese', errors);
  let email: string | null = null;
  if (!isBlank(debtor['email'])) {
    const rawEmail = debtor['email'];
    const text = typeof rawEmail === 'string' ? rawEmail.trim() : '';
    if (text.length > DEBT_POSITION_LIMITS.maxEmailLength || !EMAIL.test(text)) {
      errors.add('debtor.email', 'L’indirizzo e-mail del debitore non è valido.', 'isEmail');
    } else {
      email = text;
    }
  }
  if (errors.list !== null || name === undefined) return null;
  return {
    type: type as DebtorType,
    idValue,
    name,
    streetName,
    civicNumber,
    postalCode,
    city,
    province,
    country,
    email,
  };
}

function upperTwoLetters(value: unknown, field: string, label: string, errors: Errors): string | null {
  if (isBlank(value)) return null;
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!TWO_LETTERS.test(text)) {
    errors.add(field, `${label} deve essere una sigla di 2 lettere.`, 'pattern');
    return null;
  }
  return text;
}

function normaliseIban(value: string): string {
  const trimmed = value.trim();
  // Most IBANs arrive already normalised: skip the regex replace for them.
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code === 32 || code === 9 || (code >= 97 && code <= 122)) {
      return trimmed.replace(IBAN_WITH_SPACES, '').toUpperCase();
    }
  }
  return trimmed;
}

function validateTransfers(
  value: unknown,
  optionIndex: number,
  optionAmount: number,
  remittanceDefault: string,
  context: DebtPositionValidationContext,
  errors: Errors,
): Transfer[] | null {
  const { dueType } = context;
  if (value === undefined || value === null) {
    if (dueType.accountIban === null) {
      errors.add(
        `${optionPath(optionIndex)}.transfers`,
        `Il tipo dovuto ${dueType.code} non ha un conto di accredito: indicare l’IBAN nei versamenti.`,
        'required',
      );
      return null;
    }
    return [
      {
        index: 1,
        beneficiaryFiscalCode: context.entityFiscalCode,
        iban: dueType.accountIban,
        postalIban: dueType.accountKind === 'POSTAL',
        stamp: null,
        category: dueType.taxonomyCode,
        remittanceInformation: remittanceDefault,
        amountCents: optionAmount,
      },
    ];
  }
  const transfersField = `${optionPath(optionIndex)}.transfers`;
  if (!Array.isArray(value) || value.length < 1 || value.length > DEBT_POSITION_LIMITS.maxTransfers) {
    errors.add(transfersField, 'Ogni opzione di pagamento ha da 1 a 5 versamenti.', 'arrayLength');
    return null;
  }
  const before = errors.list?.length ?? 0;
  const transfers: Transfer[] = [];
  let total = 0;
  for (let t = 0; t < value.length; t++) {
    const raw: unknown = value[t];
    if (typeof raw !== 'object' || raw === null) {
      errors.add(transferPath(optionIndex, t), 'Il versamento deve essere un oggetto.', 'isObject');
      continue;
    }
    const input = raw as Record<string, unknown>;
    const amount = input['amountCents'];
    if (!isAmount(amount)) {
      errors.add(
        `${transferPath(optionIndex, t)}.amountCents`,
        'L’importo del versamento deve essere un numero intero di centesimi tra 1 e 99999999999.',
        'isAmount',
      );
    } else {
      total += amount;
    }

    let beneficiary = context.entityFiscalCode;
    const rawBeneficiary = input['beneficiaryFiscalCode'];
    if (!isBlank(rawBeneficiary)) {
      beneficiary = typeof rawBeneficiary === 'string' ? rawBeneficiary.trim() : '';
      if (
        beneficiary !== context.entityFiscalCode &&
        !context.knownEntityFiscalCodes.has(beneficiary) &&
        !isValidEntityFiscalCode(beneficiary)
      ) {
        errors.add(
          `${transferPath(optionIndex, t)}.beneficiaryFiscalCode`,
          'Il codice fiscale dell’ente beneficiario non è valido (11 cifre con la cifra di controllo corretta).',
          'isEntityFiscalCode',
        );
      }
    }
    const ownAccount = beneficiary === context.entityFiscalCode;

    const rawIban = input['iban'];
    const rawStamp = input['stamp'];
    const hasIban = !isBlank(rawIban);
    const hasStamp = rawStamp !== undefined && rawStamp !== null;
    let iban: string | null = null;
    let postalIban = false;
    let stamp: Transfer['stamp'] = null;
    if (hasIban && hasStamp) {
      errors.add(
        `${transferPath(optionIndex, t)}.iban`,
        'Indicare l’IBAN oppure la marca da bollo digitale, non entrambi.',
        'exclusive',
      );
    } else if (hasIban) {
      iban = typeof rawIban === 'string' ? normaliseIban(rawIban) : '';
      if (!hasValidIbanChecksum(iban)) {
        errors.add(`${transferPath(optionIndex, t)}.iban`, 'L’IBAN non è valido.', 'isIban');
      } else {
        postalIban = iban.startsWith('IT') && italianIbanAbi(iban) === POSTE_ABI;
      }
    } else if (hasStamp) {
      stamp = validateStamp(rawStamp, `${transferPath(optionIndex, t)}.stamp`, errors);
    } else if (ownAccount && dueType.accountIban !== null) {
      iban = dueType.accountIban;
      postalIban = dueType.accountKind === 'POSTAL';
    } else {
      errors.add(
        `${transferPath(optionIndex, t)}.iban`,
        ownAccount
          ? `Il tipo dovuto ${dueType.code} non ha un conto di accredito: indicare l’IBAN o la marca da bollo.`
          : 'Per un ente beneficiario diverso dall’ente creditore indicare l’IBAN.',
        'required',
      );
    }

    let category = dueType.taxonomyCode;
    const rawCategory = input['category'];
    if (!isBlank(rawCategory)) {
      category = typeof rawCategory === 'string' ? rawCategory.trim() : '';
      if (!isValidTaxonomyCode(category)) {
        errors.add(
          `${transferPath(optionIndex, t)}.category`,
          'La tassonomia deve avere la forma 9/0101101IM/ (prefisso, 7 cifre, IM|TS|SP|SA|AP, barra finale).',
          'isTaxonomyCode',
        );
      }
    }

    let remittanceInformation = remittanceDefault;
    const rawRemittance = input['remittanceInformation'];
    if (!isBlank(rawRemittance)) {
      const text = requiredText(rawRemittance, DEBT_POSITION_LIMITS.maxTextLength);
      if (text === undefined) {
        errors.add(
          `${transferPath(optionIndex, t)}.remittanceInformation`,
          'La causale del versamento può avere al massimo 140 caratteri.',
          'maxLength',
        );
      } else {
        remittanceInformation = text;
      }
    }

    const metadata =
      input['metadata'] === undefined || input['metadata'] === null
        ? undefined
        : validateMetadata(input['metadata'], `${transferPath(optionIndex, t)}.metadata`, errors);

    const transfer: Transfer = {
      index: t + 1,
      beneficiaryFiscalCode: beneficiary,
      iban,
      postalIban,
      stamp,
      category,
      remittanceInformation,
      amountCents: isAmount(amount) ? amount : 0,
    };
    if (metadata !== undefined && metadata.length > 0) transfer.metadata = metadata;
    transfers.push(transfer);
  }
  if ((errors.list?.length ?? 0) > before) return null;
  if (total !== optionAmount) {
    errors.add(
      transfersField,
      `La somma dei versamenti (${euro(total)}) deve essere uguale all’importo dell’opzione (${euro(optionAmount)}).`,
      'sumEqualsAmount',
    );
    return null;
  }
  return transfers;
}

function validateStamp(value: unknown, field: string, errors: Errors): Transfer['stamp'] {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const type = typeof record['type'] === 'string' ? record['type'].trim() : '';
  const hashDocument = typeof record['hashDocument'] === 'string' ? record['hashDocument'].trim() : '';
  const province = typeof record['province'] === 'string' ? record['province'].trim().toUpperCase() : '';
  let valid = true;
  if (!STAMP_TYPE.test(type)) {
    errors.add(`${field}.type`, 'Il tipo di marca da bollo è di 2 cifre (es. 01).', 'pattern');
    valid = false;
  }
  if (!STAMP_HASH.test(hashDocument)) {
    errors.add(
      `${field}.hashDocument`,
      'L’impronta del documento deve essere in base64 (al massimo 70 caratteri).',
      'pattern',
    );
    valid = false;
  }
  if (!TWO_LETTERS.test(province)) {
    errors.add(
      `${field}.province`,
      'La provincia della marca da bollo deve essere una sigla di 2 lettere.',
      'pattern',
    );
    valid = false;
  }
  return valid ? { type, hashDocument, province } : null;
}

function validateOption(
  raw: unknown,
  index: number,
  positionDescription: string,
  context: DebtPositionValidationContext,
  errors: Errors,
): NormalisedPaymentOption | null {
  const path = optionPath(index);
  if (typeof raw !== 'object' || raw === null) {
    errors.add(path, 'L’opzione di pagamento deve essere un oggetto.', 'isObject');
    return null;
  }
  const input = raw as Record<string, unknown>;
  const before = errors.list?.length ?? 0;

  const rawInstallment = input['installment'];
  let installment: number | null = null;
  if (rawInstallment !== undefined && rawInstallment !== null) {
    if (
      typeof rawInstallment !== 'number' ||
      !Number.isInteger(rawInstallment) ||
      rawInstallment < 1 ||
      rawInstallment > DEBT_POSITION_LIMITS.maxOptions
    ) {
      errors.add(
        `${path}.installment`,
        'Il numero di rata deve essere un intero da 1 in su (vuoto per il pagamento unico).',
        'isInt',
      );
    } else {
      installment = rawInstallment;
    }
  }

  const amount = input['amountCents'];
  if (!isAmount(amount)) {
    errors.add(
      `${path}.amountCents`,
      'L’importo deve essere un numero intero di centesimi tra 1 e 99999999999.',
      'isAmount',
    );
  }

  const dueDate = input['dueDate'];
  const dueDateValid = isValidIsoDate(dueDate);
  if (!dueDateValid) {
    errors.add(`${path}.dueDate`, 'La data di scadenza deve essere una data valida AAAA-MM-GG.', 'isDate');
  }
  let validityDate: string | null = null;
  const rawValidity = input['validityDate'];
  if (!isBlank(rawValidity)) {
    if (!isValidIsoDate(rawValidity)) {
      errors.add(
        `${path}.validityDate`,
        'La data di validità deve essere una data valida AAAA-MM-GG.',
        'isDate',
      );
    } else if (dueDateValid && rawValidity < dueDate) {
      errors.add(
        `${path}.validityDate`,
        'La data di validità non può precedere la data di scadenza.',
        'notBeforeDueDate',
      );
    } else {
      validityDate = rawValidity;
    }
  }
  let retentionDate: string | null = null;
  const rawRetention = input['retentionDate'];
  if (!isBlank(rawRetention)) {
    if (!isValidIsoDate(rawRetention)) {
      errors.add(
        `${path}.retentionDate`,
        'La data di conservazione deve essere una data valida AAAA-MM-GG.',
        'isDate',
      );
    } else if (dueDateValid && rawRetention < (validityDate ?? dueDate)) {
      errors.add(
        `${path}.retentionDate`,
        'La data di conservazione non può precedere la data di validità.',
        'notBeforeValidityDate',
      );
    } else {
      retentionDate = rawRetention;
    }
  }

  let description = positionDescription;
  const rawDescription = input['description'];
  if (!isBlank(rawDescription)) {
    const text = requiredText(rawDescription, DEBT_POSITION_LIMITS.maxTextLength);
    if (text === undefined) {
      errors.add(
        `${path}.description`,
        'La descrizione dell’opzione può avere al massimo 140 caratteri.',
        'maxLength',
      );
    } else {
      description = text;
    }
  }

  if (!isAmount(amount)) return null;
  const transfers = validateTransfers(input['transfers'], index, amount, description, context, errors);
  if (transfers === null || (errors.list?.length ?? 0) > before || !dueDateValid) return null;
  return { installment, amountCents: amount, dueDate, validityDate, retentionDate, description, transfers };
}

function checkAmountAgainstDueType(
  amount: number,
  field: string,
  what: string,
  dueType: ValidationDueType,
  errors: Errors,
): void {
  if (dueType.amountMode === 'FIXED') {
    if (dueType.fixedAmountCents !== null && amount !== dueType.fixedAmountCents) {
      errors.add(
        field,
        `${what} (${euro(amount)}) deve essere uguale all’importo fisso del tipo dovuto ${dueType.code} (${euro(dueType.fixedAmountCents)}).`,
        'fixedAmount',
      );
    }
    return;
  }
  if (dueType.minAmountCents !== null && amount < dueType.minAmountCents) {
    errors.add(
      field,
      `${what} (${euro(amount)}) è sotto il minimo del tipo dovuto ${dueType.code} (${euro(dueType.minAmountCents)}).`,
      'minAmount',
    );
  }
  if (dueType.maxAmountCents !== null && amount > dueType.maxAmountCents) {
    errors.add(
      field,
      `${what} (${euro(amount)}) supera il massimo del tipo dovuto ${dueType.code} (${euro(dueType.maxAmountCents)}).`,
      'maxAmount',
    );
  }
}

/**
 * Checks a debt position against the pagoPA formats and the entity's due type and fills the defaults: one transfer
 * of the whole amount to the entity on the due type's account with its taxonomy, remittance text = the option's
 * description = the position's description, upper-case fiscal codes and IBANs without spaces. Returns the
 * normalised position, or every field error with its path (`options[1].transfers[0].iban`) and an Italian message.
 */
export function validateDebtPositionInput(
  input: DebtPositionInput,
  context: DebtPositionValidationContext,
): DebtPositionValidationResult {
  const errors = new Errors();
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;

  if (!context.dueType.active) {
    errors.add(
      'dueTypeCode',
      `Il tipo dovuto ${context.dueType.code} non è attivo: non si possono creare posizioni.`,
      'isActive',
    );
  }

  let iupd: string | null = null;
  const rawIupd = raw['iupd'];
  if (!isBlank(rawIupd)) {
    const text = typeof rawIupd === 'string' ? rawIupd.trim() : '';
    if (!IUPD.test(text)) {
      errors.add(
        'iupd',
        'Lo IUPD ha da 1 a 70 caratteri tra lettere, cifre, punto, trattino e trattino basso.',
        'pattern',
      );
    } else {
      iupd = text;
    }
  }

  const debtor = validateDebtor(raw['debtor'], errors);

  const description = requiredText(raw['description'], DEBT_POSITION_LIMITS.maxTextLength);
  if (description === undefined) {
    errors.add('description', 'La descrizione deve avere da 1 a 140 caratteri.', 'length');
  }
  const metadata = validateMetadata(raw['metadata'], 'metadata', errors);

  const rawOptions = raw['options'];
  const options: NormalisedPaymentOption[] = [];
  if (!Array.isArray(rawOptions) || rawOptions.length === 0) {
    errors.add('options', 'Serve almeno un’opzione di pagamento (pagamento unico o rate).', 'required');
  } else if (rawOptions.length > DEBT_POSITION_LIMITS.maxOptions) {
    errors.add('options', `Al massimo ${DEBT_POSITION_LIMITS.maxOptions} opzioni di pagamento.`, 'maxLength');
  } else {
    for (let i = 0; i < rawOptions.length; i++) {
      const option = validateOption(rawOptions[i], i, description ?? '', context, errors);
      if (option !== null) options.push(option);
    }
    if (options.length === rawOptions.length) {
      return finish(iupd, debtor, description, metadata, options, rawOptions.length, context, errors);
    }
  }
  return { ok: false, errors: errors.list ?? [] };
}

/** Installment numbers seen by the current call (reset before it returns): no allocation per call. */
const SEEN_INSTALLMENTS = new Uint8Array(DEBT_POSITION_LIMITS.maxOptions + 1);

function finish(
  iupd: string | null,
  debtor: Required<Debtor> | null,
  description: string | undefined,
  metadata: MetadataEntry[],
  options: NormalisedPaymentOption[],
  count: number,
  context: DebtPositionValidationContext,
  errors: Errors,
): DebtPositionValidationResult {
  let single: NormalisedPaymentOption | null = null;
  let singleIndex = -1;
  let installments = 0;
  let installmentsTotal = 0;
  let payableToday = false;
  const seen = SEEN_INSTALLMENTS;
  for (let i = 0; i < count; i++) {
    const option = options[i] as NormalisedPaymentOption;
    if ((option.validityDate ?? option.dueDate) >= context.today) payableToday = true;
    if (option.installment === null) {
      if (single !== null) {
        errors.add(
          `${optionPath(i)}.installment`,
          'C’è già un pagamento unico: le altre opzioni devono essere rate numerate.',
          'singlePaymentOnce',
        );
      } else {
        single = option;
        singleIndex = i;
      }
      continue;
    }
    if (seen[option.installment] === 1) {
      errors.add(`${optionPath(i)}.installment`, `La rata ${option.installment} è ripetuta.`, 'unique');
    }
    seen[option.installment] = 1;
    installments++;
    installmentsTotal += option.amountCents;
  }
  if (installments === 1) {
    const index = options.findIndex((option) => option.installment !== null);
    errors.add(
      `${optionPath(index)}.installment`,
      'Un piano rateale ha almeno 2 rate: per una sola usare il pagamento unico.',
      'minInstallments',
    );
  } else if (installments > 1) {
    for (let n = 1; n <= installments; n++) {
      if (seen[n] !== 1) {
        const index = options.findIndex(
          (option) => option.installment !== null && option.installment > installments,
        );
        errors.add(
          index < 0 ? 'options' : `${optionPath(index)}.installment`,
          `Le rate vanno numerate da 1 a ${installments} senza salti: manca la rata ${n}.`,
          'consecutive',
        );
        break;
      }
    }
  }
  for (let i = 0; i < count; i++) {
    const installment = (options[i] as NormalisedPaymentOption).installment;
    if (installment !== null) seen[installment] = 0;
  }
  if (single !== null) {
    checkAmountAgainstDueType(
      single.amountCents,
      `${optionPath(singleIndex)}.amountCents`,
      'L’importo del pagamento unico',
      context.dueType,
      errors,
    );
  }
  if (installments > 1) {
    checkAmountAgainstDueType(installmentsTotal, 'options', 'Il totale delle rate', context.dueType, errors);
  }
  if (!payableToday) {
    errors.add(
      'options',
      `Tutte le opzioni di pagamento sono già scadute (oggi è ${context.today}): spostare in avanti le date.`,
      'payableToday',
    );
  }
  if (errors.list !== null || debtor === null || description === undefined) {
    return { ok: false, errors: errors.list ?? [] };
  }
  if (single !== null && singleIndex !== 0) {
    options.splice(singleIndex, 1);
    options.unshift(single);
  }
  if (installments > 1) sortInstallments(options, single === null ? 0 : 1);
  return {
    ok: true,
    position: {
      iupd,
      debtor,
      description,
      metadata,
      amountCents: single !== null ? single.amountCents : installmentsTotal,
      options,
    },
  };
}

/** Insertion sort of the installments by number; they almost always arrive in order already. */
function sortInstallments(options: NormalisedPaymentOption[], from: number): void {
  for (let i = from + 1; i < options.length; i++) {
    const current = options[i] as NormalisedPaymentOption;
    let j = i - 1;
    while (
      j >= from &&
      ((options[j] as NormalisedPaymentOption).installment ?? 0) > (current.installment ?? 0)
    ) {
      options[j + 1] = options[j] as NormalisedPaymentOption;
      j--;
    }
    options[j + 1] = current;
  }
}
