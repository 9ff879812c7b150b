import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiErrorCode,
  type DebtPosition,
  type DebtPositionSummary,
  type FieldError,
  type Page,
  type PositionHistoryEntry,
  type PositionStatus,
} from '@pagamenti/contracts';
import {
  assertTransition,
  type DebtPositionInput,
  type DebtPositionValidationContext,
  effectiveValidityDate,
  type NormalisedDebtPosition,
  type NormalisedPaymentOption,
  positionCancelBlocker,
  positionEditBlocker,
  PositionLifecycleError,
  positionStatusAfterEdit,
  todayInRome,
  validateDebtPositionInput,
} from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { type DebtPositionRow } from './debt-position.entity';
import { toDebtPosition, toHistoryEntry, toSummary } from './mappers';
import { iuvOfNoticeNumber, NoticeNumberAllocator } from './notice-number-allocator';
import { type PaymentOptionRow } from './payment-option.entity';
import {
  apiCreationKey,
  canonicalJson,
  CREATE_POSITION_SHAPE,
  IDEMPOTENCY_KEY_PATTERN,
  requestHash,
  unknownFields,
  UPDATE_POSITION_SHAPE,
} from './position-input';
import {
  idempotencyKeyReused,
  invalidPosition,
  isIupdTaken,
  iupdTaken,
  positionNotEditable,
  positionNotFound,
  uniqueViolation,
  versionConflict,
} from './positions.errors';
import {
  type ListQuery,
  type NewPaymentOption,
  type PositionDueType,
  type PositionEntity,
  PositionsRepository,
  type SummaryRow,
} from './positions.repository';

export interface CreatedPosition {
  position: DebtPosition;
  /** True when an earlier request with the same Idempotency-Key and body had created it. */
  replayed: boolean;
}

/** A create request checked and normalised, ready to be written. */
export interface PreparedPosition {
  entityId: string;
  dueTypeId: string;
  position: NormalisedDebtPosition;
  status: PositionStatus;
}

export interface PositionFilters extends Omit<
  ListQuery,
  'ids' | 'dueTypeId' | 'dueWindow' | 'limit' | 'after'
> {
  dueTypeCode?: string;
}

/** Options of the service that tests and the demo seed set; requests never do. */
export interface CreateOptions {
  idempotencyKey?: string;
  /** `YYYY-MM-DD`; default today in Europe/Rome. */
  today?: string;
}

/**
 * Up to this many options due in a dueFrom/dueTo window, the list collects their positions by due date; beyond
 * it, at least 0.5% of a million positions match and walking the newest ones finds a page fast. Measured on
 * PostgreSQL with 1,000,000 positions: see the module README.
 */
const NARROW_DUE_WINDOW = 5_000;
const EXPIRY_NOTE = 'Scaduta: tutte le opzioni non pagate hanno superato la data di validità.';
const EXPIRY_BATCH = 500;

/**
 * The rules of debt positions created one at a time (back office, entity software): validation through
 * libs/pagopa, notice numbers from the allocator, lifecycle checks, history, idempotent creation. Every change
 * is one transaction: a refused request leaves nothing behind.
 */
@Injectable()
export class PositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsRepository,
    private readonly allocator: NoticeNumberAllocator,
  ) {}

  async create(
    entityId: string,
    body: unknown,
    actor: string,
    options: CreateOptions = {},
  ): Promise<CreatedPosition> {
    const unknown = unknownFields(body, CREATE_POSITION_SHAPE);
    if (unknown.length > 0) throw invalidPosition(unknown);
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;

    let creationKey: string | null = null;
    let creationHash: string | null = null;
    if (options.idempotencyKey !== undefined) {
      if (!IDEMPOTENCY_KEY_PATTERN.test(options.idempotencyKey)) {
        throw invalidPosition([
          {
            field: 'Idempotency-Key',
            message: 'L’intestazione Idempotency-Key ha da 1 a 100 caratteri ASCII visibili (es. un UUID).',
            rule: 'pattern',
          },
        ]);
      }
      creationKey = apiCreationKey(options.idempotencyKey);
      creationHash = requestHash(body);
      const earlier = await this.replay(entityId, creationKey, creationHash);
      if (earlier) return earlier;
    }

    const prepared = await this.prepare(entityId, request, options.today);
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const positionId = await this.insertPrepared(manager, prepared, actor, { creationKey, creationHash });
        return this.load(positionId, manager);
      });
      return { position: created, replayed: false };
    } catch (error) {
      const violation = uniqueViolation(error);
      if (!violation && !isIupdTaken(error)) throw error;
      // A concurrent request with the same key won the race (its row hit a unique index, or its IUPD was
      // committed in between): answer as its replay.
      if (creationKey && creationHash) {
        const earlier = await this.replay(entityId, creationKey, creationHash);
        if (earlier) return earlier;
      }
      const iupd = prepared.position.iupd;
      if (violation && iupd && violation.constraint !== 'payment_option_entity_notice_unique') {
        throw iupdTaken(iupd);
      }
      throw error;
    }
  }

  /**
   * Checks a create request against the entity's catalogue and the pagoPA rules, without writing anything;
   * throws 400 naming every bad field. `today` (default: today in Europe/Rome) is the day options must reach.
   */
  async prepare(
    entityId: string,
    request: Record<string, unknown>,
    today?: string,
  ): Promise<PreparedPosition> {
    const entity = await this.requireEntity(entityId);
    const dueTypeCode = request['dueTypeCode'];
    const publish = request['publish'];
    const shapeErrors: FieldError[] = [];
    if (publish !== undefined && typeof publish !== 'boolean') {
      shapeErrors.push({ field: 'publish', message: 'publish deve essere true o false.', rule: 'isBoolean' });
    }
    const code = typeof dueTypeCode === 'string' ? dueTypeCode.trim() : '';
    const dueType = code !== '' ? await this.positions.findDueType(entityId, { code }) : null;
    if (!dueType) {
      shapeErrors.push({
        field: 'dueTypeCode',
        message:
          code !== ''
            ? `Il tipo dovuto ${code} non è nel catalogo dell’ente.`
            : 'Il tipo dovuto (dueTypeCode) è obbligatorio.',
        rule: 'dueTypeExists',
      });
    }
    const validation = dueType
      ? validateDebtPositionInput(
          request as unknown as DebtPositionInput,
          await this.validationContext(entity, dueType, today),
        )
      : null;
    const errors = [...shapeErrors, ...(validation && !validation.ok ? validation.errors : [])];
    if (errors.length > 0 || !validation?.ok || !dueType) throw invalidPosition(errors);
    return {
      entityId,
      dueTypeId: dueType.id,
      position: validation.position,
      status: publish === false ? 'DRAFT' : 'VALID',
    };
  }

  /**
   * Writes a prepared position in the caller's transaction: notice numbers, position, options, first history
   * entry. Returns its id. Refuses (409) an IUPD already used in the entity.
   */
  async insertPrepared(
    manager: EntityManager,
    prepared: PreparedPosition,
    actor: string,
    idempotency: { creationKey: string | null; creationHash: string | null } = {
      creationKey: null,
      creationHash: null,
    },
  ): Promise<string> {
    const { entityId, position, status } = prepared;
    if (position.iupd && (await this.positions.findByIupd(entityId, position.iupd, manager))) {
      throw iupdTaken(position.iupd);
    }
    const range = await this.allocator.allocate(manager, entityId, position.options.length);
    const numbered = position.options.map((option, index) =>
      this.newOption(entityId, option, range.noticeNumber(index)),
    );
    const iupd = position.iupd ?? `IUPD-${(numbered[0] as NewPaymentOption).iuv}`;
    const positionId = await this.positions.insertPosition(manager, {
      entityId,
      iupd,
      dueTypeId: prepared.dueTypeId,
      ...debtorColumns(position),
      description: position.description,
      metadata: position.metadata,
      status,
      amountCents: position.amountCents,
      paidCents: 0,
      version: 1,
      creationKey: idempotency.creationKey,
      creationHash: idempotency.creationHash,
      publishedAt: status === 'VALID' ? new Date() : null,
    });
    await this.positions.insertOptions(manager, positionId, numbered);
    await this.positions.insertHistory(manager, {
      positionId,
      fromStatus: null,
      toStatus: status,
      actor,
      note:
        status === 'DRAFT'
          ? 'Posizione creata come bozza: non è ancora pagabile.'
          : `Posizione creata e pubblicata: ${describeOptions(position.options)}.`,
    });
    return positionId;
  }

  async get(entityId: string, iupd: string): Promise<DebtPosition> {
    const position = await this.positions.findByIupd(entityId, iupd);
    if (!position) throw positionNotFound();
    return toDebtPosition(await this.positions.aggregate(position));
  }

  async getByOption(entityId: string, by: { noticeNumber: string } | { iuv: string }): Promise<DebtPosition> {
    const positionId = await this.positions.findPositionIdByOption(entityId, by);
    const position = positionId ? await this.positions.findById(positionId) : null;
    if (!position || position.entityId !== entityId) throw positionNotFound();
    return toDebtPosition(await this.positions.aggregate(position));
  }

  async list(
    entityId: string,
    filters: PositionFilters,
    limit: number,
    cursor?: { createdAt: string; id: string },
  ): Promise<Page<DebtPositionSummary>> {
    const query = await this.listQuery(entityId, filters);
    if (!query) return { items: [], nextCursor: null };
    const rows = await this.positions.list(entityId, {
      ...query,
      limit: limit + 1,
      ...(cursor ? { after: cursor } : {}),
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeListCursor(last) : null,
    };
  }

  /** Every position matching the filters, page after page, for the exports. */
  async *export(entityId: string, filters: PositionFilters): AsyncGenerator<DebtPositionSummary[]> {
    const query = await this.listQuery(entityId, filters);
    if (!query) return;
    for await (const page of this.positions.iterate(entityId, query)) yield page.map(toSummary);
  }

  async entityName(entityId: string): Promise<string> {
    return (await this.requireEntity(entityId)).name;
  }

  async update(
    entityId: string,
    iupd: string,
    body: unknown,
    actor: string,
    today?: string,
  ): Promise<DebtPosition> {
    return this.dataSource.transaction(async (manager) =>
      this.load(await this.updateWithin(manager, entityId, iupd, body, actor, today), manager),
    );
  }

  /**
   * The update in the caller's transaction (the bulk importer runs many under savepoints); returns the position
   * id. Options are matched by installment number: see applyOptionChanges.
   */
  async updateWithin(
    manager: EntityManager,
    entityId: string,
    iupd: string,
    body: unknown,
    actor: string,
    today?: string,
  ): Promise<string> {
    const unknown = unknownFields(body, UPDATE_POSITION_SHAPE);
    if (unknown.length > 0) throw invalidPosition(unknown);
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const version = request['version'];
    if (
      version !== undefined &&
      version !== null &&
      (typeof version !== 'number' || !Number.isInteger(version))
    ) {
      throw invalidPosition([
        { field: 'version', message: 'version è il numero di versione letto (intero).', rule: 'isInt' },
      ]);
    }
    const entity = await this.requireEntity(entityId, manager);
    const position = await this.positions.findByIupd(entityId, iupd, manager, true);
    if (!position) throw positionNotFound();
    if (typeof version === 'number' && version !== position.version) {
      throw versionConflict(position.version, version);
    }
    const current = await this.positions.optionsOf(position.id, manager);
    const blocker = positionEditBlocker(position, current);
    if (blocker) throw positionNotEditable(blocker, position.status);

    const dueType = await this.positions.findDueType(entityId, { id: position.dueTypeId }, manager);
    if (!dueType) throw positionNotFound();
    // Deactivating a due type stops new positions, not the care of those already issued.
    const context = await this.validationContext(entity, { ...dueType, active: true }, today, manager);
    const validation = validateDebtPositionInput(request as unknown as DebtPositionInput, context);
    if (!validation.ok) throw invalidPosition(validation.errors);
    const next = validation.position;

    const changes = await this.applyOptionChanges(manager, entityId, position.id, current, next.options);
    const positionChanges = describePositionChanges(position, next);
    if (changes.length === 0 && positionChanges.length === 0) return position.id;
    const status = positionStatusAfterEdit(position.status);
    await this.positions.updatePosition(manager, position.id, {
      ...debtorColumns(next),
      description: next.description,
      metadata: next.metadata,
      amountCents: next.amountCents,
      status,
      version: position.version + 1,
      updatedAt: new Date(),
    });
    await this.positions.insertHistory(manager, {
      positionId: position.id,
      fromStatus: position.status,
      toStatus: status,
      actor,
      note: `Modificata: ${[...positionChanges, ...changes].join('; ')}.`,
    });
    return position.id;
  }

  async publish(entityId: string, iupd: string, actor: string, today = todayInRome()): Promise<DebtPosition> {
    return this.dataSource.transaction(async (manager) => {
      const position = await this.lockedPosition(manager, entityId, iupd);
      this.assertTransition(position, 'VALID', 'pubblicare');
      const options = await this.positions.optionsOf(position.id, manager);
      if (!options.some((option) => effectiveValidityDate(option) >= today)) {
        throw positionNotEditable(
          'Tutte le opzioni di pagamento sono già scadute: spostare in avanti le date prima di pubblicare.',
          position.status,
        );
      }
      await this.positions.updatePosition(manager, position.id, {
        status: 'VALID',
        publishedAt: new Date(),
        version: position.version + 1,
        updatedAt: new Date(),
      });
      await this.positions.insertHistory(manager, {
        positionId: position.id,
        fromStatus: position.status,
        toStatus: 'VALID',
        actor,
        note: 'Pubblicata: ora è pagabile.',
      });
      return this.load(position.id, manager);
    });
  }

  async cancel(entityId: string, iupd: string, body: unknown, actor: string): Promise<DebtPosition> {
    return this.dataSource.transaction(async (manager) =>
      this.load(await this.cancelWithin(manager, entityId, iupd, body, actor), manager),
    );
  }

  /** The cancellation in the caller's transaction; returns the position id. */
  async cancelWithin(
    manager: EntityManager,
    entityId: string,
    iupd: string,
    body: unknown,
    actor: string,
  ): Promise<string> {
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const extra = Object.keys(raw).filter((key) => key !== 'reason');
    const reason = typeof raw['reason'] === 'string' ? raw['reason'].trim() : '';
    const errors: FieldError[] = extra.map((field) => ({
      field,
      message: `Campo sconosciuto: ${field}.`,
      rule: 'whitelist',
    }));
    if (reason.length < 3 || reason.length > 500) {
      errors.push({
        field: 'reason',
        message: 'Il motivo dell’annullamento è obbligatorio (da 3 a 500 caratteri).',
        rule: 'length',
      });
    }
    if (errors.length > 0) throw invalidPosition(errors);

    const position = await this.lockedPosition(manager, entityId, iupd);
    const options = await this.positions.optionsOf(position.id, manager);
    const blocker = positionCancelBlocker(position, options);
    if (blocker) throw positionNotEditable(blocker, position.status);
    await this.positions.updatePosition(manager, position.id, {
      status: 'CANCELLED',
      cancelledAt: new Date(),
      version: position.version + 1,
      updatedAt: new Date(),
    });
    await this.positions.insertHistory(manager, {
      positionId: position.id,
      fromStatus: position.status,
      toStatus: 'CANCELLED',
      actor,
      note: `Annullata: ${reason}`,
    });
    return position.id;
  }

  async history(entityId: string, iupd: string): Promise<PositionHistoryEntry[]> {
    const position = await this.positions.findByIupd(entityId, iupd);
    if (!position) throw positionNotFound();
    return (await this.positions.history(position.id)).map(toHistoryEntry);
  }

  /** The daily job: VALID positions whose unpaid options are all past validity become EXPIRED. */
  async expirePositions(today = todayInRome()): Promise<{ expired: number }> {
    const candidates = await this.positions.expiredCandidates(today);
    let expired = 0;
    for (let start = 0; start < candidates.length; start += EXPIRY_BATCH) {
      const batch = candidates.slice(start, start + EXPIRY_BATCH);
      expired += await this.dataSource.transaction((manager) =>
        this.positions.expire(manager, batch, today, 'sistema', EXPIRY_NOTE),
      );
    }
    return { expired };
  }

  private async replay(
    entityId: string,
    creationKey: string,
    creationHash: string,
  ): Promise<CreatedPosition | null> {
    const earlier = await this.positions.findByCreationKey(entityId, creationKey);
    if (!earlier) return null;
    if (earlier.creationHash !== creationHash) throw idempotencyKeyReused();
    return { position: toDebtPosition(await this.positions.aggregate(earlier)), replayed: true };
  }

  private async requireEntity(entityId: string, manager?: EntityManager): Promise<PositionEntity> {
    const entity = await this.positions.findEntity(entityId, manager);
    if (!entity) throw new ApiException(ApiErrorCode.NotFound, 'L’ente non esiste.', HttpStatus.NOT_FOUND);
    return entity;
  }

  private async validationContext(
    entity: PositionEntity,
    dueType: PositionDueType,
    today: string | undefined,
    manager?: EntityManager,
  ): Promise<DebtPositionValidationContext> {
    return {
      entityFiscalCode: entity.fiscalCode,
      dueType: {
        code: dueType.code,
        taxonomyCode: dueType.taxonomyCode,
        accountIban: dueType.accountIban,
        accountKind: dueType.accountKind,
        amountMode: dueType.amountMode,
        fixedAmountCents: dueType.fixedAmountCents,
        minAmountCents: dueType.minAmountCents,
        maxAmountCents: dueType.maxAmountCents,
        active: dueType.active,
      },
      knownEntityFiscalCodes: await this.positions.platformEntityFiscalCodes(manager),
      today: today ?? todayInRome(),
    };
  }

  private newOption(
    entityId: string,
    option: NormalisedPaymentOption,
    noticeNumber: string,
  ): NewPaymentOption {
    return {
      entityId,
      noticeNumber,
      iuv: iuvOfNoticeNumber(noticeNumber),
      installment: option.installment,
      amountCents: option.amountCents,
      dueDate: option.dueDate,
      validityDate: option.validityDate,
      retentionDate: option.retentionDate,
      description: option.description,
      transfers: option.transfers,
    };
  }

  /**
   * Options are matched by installment number (null = the single payment): a matched option keeps its notice
   * number and IUV, a new one gets fresh numbers, a removed one is deleted and its numbers stay burned (the
   * counter never goes back). Returns the changes in words, for the history.
   */
  private async applyOptionChanges(
    manager: EntityManager,
    entityId: string,
    positionId: string,
    current: PaymentOptionRow[],
    next: NormalisedPaymentOption[],
  ): Promise<string[]> {
    const byInstallment = new Map(current.map((option) => [option.installment, option]));
    const added: NormalisedPaymentOption[] = [];
    const changed: string[] = [];
    for (const option of next) {
      const existing = byInstallment.get(option.installment);
      byInstallment.delete(option.installment);
      if (!existing) {
        added.push(option);
        continue;
      }
      if (!sameOption(existing, option)) {
        await this.positions.updateOption(manager, existing.id, {
          amountCents: option.amountCents,
          dueDate: option.dueDate,
          validityDate: option.validityDate,
          retentionDate: option.retentionDate,
          description: option.description,
          transfers: option.transfers,
        });
        changed.push(optionLabel(option.installment));
      }
    }
    const removed = [...byInstallment.values()];
    await this.positions.deleteOptions(
      manager,
      removed.map((option) => option.id),
    );
    if (added.length > 0) {
      const range = await this.allocator.allocate(manager, entityId, added.length);
      await this.positions.insertOptions(
        manager,
        positionId,
        added.map((option, index) => this.newOption(entityId, option, range.noticeNumber(index))),
      );
    }
    return [
      ...(changed.length > 0 ? [`modificate ${changed.join(', ')}`] : []),
      ...(added.length > 0
        ? [`aggiunte ${added.map((option) => optionLabel(option.installment)).join(', ')}`]
        : []),
      ...(removed.length > 0
        ? [
            `rimosse ${removed.map((option) => `${optionLabel(option.installment)} (avviso ${option.noticeNumber} non più valido)`).join(', ')}`,
          ]
        : []),
    ];
  }

  private async lockedPosition(
    manager: EntityManager,
    entityId: string,
    iupd: string,
  ): Promise<DebtPositionRow> {
    const position = await this.positions.findByIupd(entityId, iupd, manager, true);
    if (!position) throw positionNotFound();
    return position;
  }

  private assertTransition(position: DebtPositionRow, to: PositionStatus, verb: string): void {
    try {
      assertTransition(position.status, to);
    } catch (error) {
      if (!(error instanceof PositionLifecycleError)) throw error;
      throw positionNotEditable(`Non si può ${verb}: ${error.message}`, position.status);
    }
  }

  private async load(positionId: string, manager: EntityManager): Promise<DebtPosition> {
    const position = await this.positions.findById(positionId, manager);
    if (!position) throw positionNotFound();
    return toDebtPosition(await this.positions.aggregate(position, manager));
  }

  /** Translates the wire filters (due type code, q) into the repository's (due type id, position ids). */
  private async listQuery(
    entityId: string,
    filters: PositionFilters,
  ): Promise<Omit<ListQuery, 'limit'> | null> {
    await this.requireEntity(entityId);
    const { dueTypeCode, q, ...rest } = filters;
    const query: Omit<ListQuery, 'limit'> = { ...rest };
    if (dueTypeCode) {
      const dueType = await this.positions.findDueType(entityId, { code: dueTypeCode });
      if (!dueType) return null;
      query.dueTypeId = dueType.id;
    }
    if (q && q.trim() !== '') {
      const ids = await this.positions.idsMatching(entityId, q.trim());
      if (ids.length === 0) return null;
      query.ids = ids;
    }
    if (query.dueFrom || query.dueTo) {
      const narrow = await this.positions.fewOptionsDue(entityId, query, NARROW_DUE_WINDOW);
      query.dueWindow = narrow ? 'narrow' : 'wide';
    }
    return query;
  }
}

export function encodeListCursor(row: SummaryRow): string {
  return Buffer.from(JSON.stringify([row.cursorCreatedAt, row.id])).toString('base64url');
}

export function decodeListCursor(cursor: string): { createdAt: string; id: string } | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(createdAt) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // not a cursor of ours
  }
  return null;
}

function debtorColumns(position: NormalisedDebtPosition): Partial<DebtPositionRow> {
  const { debtor } = position;
  return {
    debtorType: debtor.type,
    debtorIdValue: debtor.idValue,
    debtorName: debtor.name,
    debtorStreet: debtor.streetName,
    debtorCivicNumber: debtor.civicNumber,
    debtorPostalCode: debtor.postalCode,
    debtorCity: debtor.city,
    debtorProvince: debtor.province,
    debtorCountry: debtor.country,
    debtorEmail: debtor.email,
  };
}

function optionLabel(installment: number | null): string {
  return installment === null ? 'pagamento unico' : `rata ${installment}`;
}

function describeOptions(options: NormalisedPaymentOption[]): string {
  const installments = options.filter((option) => option.installment !== null).length;
  const single = options.some((option) => option.installment === null);
  if (single && installments > 0) return `pagamento unico o ${installments} rate`;
  return single ? 'pagamento unico' : `${installments} rate`;
}

function sameOption(existing: PaymentOptionRow, next: NormalisedPaymentOption): boolean {
  return (
    existing.amountCents === next.amountCents &&
    existing.dueDate === next.dueDate &&
    existing.validityDate === next.validityDate &&
    existing.retentionDate === next.retentionDate &&
    existing.description === next.description &&
    canonicalJson(existing.transfers) === canonicalJson(next.transfers)
  );
}

function describePositionChanges(position: DebtPositionRow, next: NormalisedDebtPosition): string[] {
  const changes: string[] = [];
  const columns = debtorColumns(next);
  const debtorChanged = (Object.keys(columns) as (keyof DebtPositionRow)[]).some(
    (key) => position[key] !== columns[key],
  );
  if (debtorChanged) changes.push('debitore');
  if (position.description !== next.description) changes.push('descrizione');
  if (canonicalJson(position.metadata) !== canonicalJson(next.metadata)) changes.push('metadati');
  if (position.amountCents !== next.amountCents) {
    changes.push(`importo da ${euro(position.amountCents)} a ${euro(next.amountCents)}`);
  }
  return changes;
}

function euro(cents: number): string {
  return `${new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} €`;
}
