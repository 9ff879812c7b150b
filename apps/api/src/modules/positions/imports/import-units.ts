import { type FieldError, type PositionImportAction } from '@pagamenti/contracts';
import {
  type DebtPositionInput,
  type DebtPositionValidationContext,
  type NormalisedDebtPosition,
  validateDebtPositionInput,
} from '@pagamenti/pagopa';
import { CREATE_POSITION_SHAPE, UPDATE_POSITION_SHAPE, unknownFields } from '../position-input';
import {
  type CsvLayout,
  csvLocation,
  derivedIupd,
  type ImportUnit,
  addUnitError,
} from './position-csv-format';

const JSON_ACTIONS: Readonly<Record<string, PositionImportAction>> = {
  CREATE: 'CREATE',
  CREA: 'CREATE',
  UPDATE: 'UPDATE',
  AGGIORNA: 'UPDATE',
  CANCEL: 'CANCEL',
  ANNULLA: 'CANCEL',
};

const ITEM_KEYS = new Set(['action', 'position']);
const CANCEL_KEYS = new Set(['iupd', 'reason']);

/** One item of a JSON upload as an import unit (the same shape the CSV rows become). */
export function jsonItemUnit(item: number, value: unknown, fileSha256: string): ImportUnit {
  const unit: ImportUnit = {
    rows: [item],
    cells: null,
    action: 'CREATE',
    iupd: '',
    generatedIupd: false,
    dueTypeCode: '',
    input: null,
    cancelReason: null,
    errors: null,
  };
  const fail = (message: string) => addUnitError(unit, 0, message);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('l’elemento deve essere un oggetto { "action": …, "position": { … } }');
    unit.iupd = derivedIupd(fileSha256, item);
    return unit;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!ITEM_KEYS.has(key)) fail(`${key}: campo sconosciuto (un elemento ha solo action e position)`);
  }
  const rawAction = typeof record['action'] === 'string' ? record['action'].trim().toUpperCase() : '';
  const action = JSON_ACTIONS[rawAction];
  if (action === undefined) fail('action: deve essere CREATE, UPDATE o CANCEL');
  else unit.action = action;
  const position = record['position'];
  if (typeof position !== 'object' || position === null || Array.isArray(position)) {
    fail('position: obbligatorio (un oggetto con la posizione)');
    unit.iupd = derivedIupd(fileSha256, item);
    return unit;
  }
  const body = position as Record<string, unknown>;
  const iupd = typeof body['iupd'] === 'string' ? body['iupd'].trim() : '';
  unit.iupd = iupd;
  if (iupd === '') {
    if (unit.action !== 'CREATE') fail('position.iupd: obbligatorio per UPDATE e CANCEL');
    unit.iupd = derivedIupd(fileSha256, item);
    unit.generatedIupd = true;
  }
  if (typeof body['dueTypeCode'] === 'string') unit.dueTypeCode = body['dueTypeCode'].trim();

  if (unit.action === 'CANCEL') {
    for (const key of Object.keys(body)) {
      if (!CANCEL_KEYS.has(key))
        fail(`position.${key}: campo sconosciuto (per CANCEL servono iupd e reason)`);
    }
    unit.cancelReason = typeof body['reason'] === 'string' ? body['reason'].trim() || null : null;
    return unit;
  }
  const { iupd: _iupd, dueTypeCode: _code, ...rest } = body;
  const shape = unit.action === 'CREATE' ? CREATE_POSITION_SHAPE : UPDATE_POSITION_SHAPE;
  for (const error of unknownFields(unit.action === 'CREATE' ? body : rest, shape)) {
    fail(`position.${error.field}: campo sconosciuto`);
  }
  if (unit.action === 'CREATE' && unit.dueTypeCode === '') fail('position.dueTypeCode: obbligatorio');
  unit.input = { ...(rest as unknown as DebtPositionInput), iupd: unit.iupd };
  return unit;
}

/** Attaches validation errors (field paths of libs/pagopa) to the unit: CSV rows and columns, or JSON paths. */
export function addValidationErrors(
  unit: ImportUnit,
  errors: readonly FieldError[],
  layout: CsvLayout | null,
): void {
  for (const error of errors) {
    if (layout === null) {
      addUnitError(unit, 0, `position.${error.field}: ${error.message}`);
      continue;
    }
    const location = csvLocation(error.field, error.rule);
    const rowIndex = location.rowIndex < unit.rows.length ? location.rowIndex : 0;
    addUnitError(unit, rowIndex, `${layout.label(location.column)}: ${error.message}`);
  }
}

/**
 * Validates a create or update unit with the rules every position follows (`validateDebtPositionInput`) and
 * returns the normalised position, or null with the errors attached to the unit's rows.
 */
export function validateUnit(
  unit: ImportUnit,
  context: DebtPositionValidationContext,
  layout: CsvLayout | null,
): NormalisedDebtPosition | null {
  if (unit.input === null) return null;
  const result = validateDebtPositionInput(unit.input, context);
  if (!result.ok) {
    if (unit.errors === null) addValidationErrors(unit, result.errors, layout);
    else addValidationErrors(unit, withoutRepeats(unit, result.errors, layout), layout);
    return null;
  }
  return unit.errors === null ? result.position : null;
}

/**
 * Drops validation errors on cells the CSV reading already reported (an unreadable amount is not also "not a
 * number of cents").
 */
function withoutRepeats(
  unit: ImportUnit,
  errors: readonly FieldError[],
  layout: CsvLayout | null,
): FieldError[] {
  if (layout === null || unit.errors === null) return [...errors];
  return errors.filter((error) => {
    const location = csvLocation(error.field, error.rule);
    const label = `${layout.label(location.column)}:`;
    const existing = unit.errors?.[location.rowIndex] ?? [];
    return !existing.some((message) => message.startsWith(label));
  });
}
