import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type CreateDueTypeRequest,
  type CreateEntityAccountRequest,
  type DueType as DueTypeContract,
  type DueTypePreset,
  type EntityAccount as EntityAccountContract,
  type FieldError,
  type UpdateDueTypeRequest,
  type UpdateEntityAccountRequest,
} from '@pagamenti/contracts';
import { italianIbanAbi, POSTE_ABI } from '@pagamenti/pagopa';
import { type DueType } from './due-type.entity';
import { DUE_TYPE_PRESETS, findPreset } from './due-type-presets';
import { EntitiesRepository } from './entities.repository';
import { CatalogueRepository } from './catalogue.repository';
import { conflict, fieldError, found, invalid, isUniqueViolation, notFound } from './entities.errors';
import { validateFormSchema } from './form-schema';
import { toAccount, toDueType } from './mappers';

type AmountFields = Pick<DueType, 'amountMode' | 'fixedAmountCents' | 'minAmountCents' | 'maxAmountCents'>;

/** An entity's accounts (IBANs) and its catalogue of dues. Used by the back office and the admin console. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: EntitiesRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  presets(): readonly DueTypePreset[] {
    return DUE_TYPE_PRESETS;
  }

  async listAccounts(entityId: string): Promise<EntityAccountContract[]> {
    await this.assertEntity(entityId);
    return (await this.catalogue.accountsOf(entityId)).map(toAccount);
  }

  async createAccount(entityId: string, request: CreateEntityAccountRequest): Promise<EntityAccountContract> {
    const postal = italianIbanAbi(request.iban) === POSTE_ABI;
    if (request.kind === 'POSTAL' && !postal) {
      throw fieldError(
        'kind',
        'kind: un conto postale ha un IBAN di Poste Italiane (ABI 07601)',
        'postalIban',
      );
    }
    if (request.kind === 'BANK' && postal) {
      throw fieldError('kind', 'kind: questo IBAN è di Poste Italiane, indica POSTAL', 'postalIban');
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertEntity(entityId, manager);
        if (await this.catalogue.accountWithIban(manager, entityId, request.iban)) throw duplicateIban();
        const id = await this.catalogue.insertAccount(manager, {
          entityId,
          iban: request.iban,
          kind: request.kind,
          description: request.description.trim(),
          validFrom: request.validFrom ?? new Date().toISOString().slice(0, 10),
        });
        return toAccount(found(await this.catalogue.findAccount(entityId, id, manager), 'Il conto'));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateIban();
      throw error;
    }
  }

  async updateAccount(
    entityId: string,
    id: string,
    request: UpdateEntityAccountRequest,
  ): Promise<EntityAccountContract> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.catalogue.findAccount(entityId, id, manager);
      if (!account) throw notFound('Il conto');
      if (request.active === false && account.active) {
        const inUse = await this.catalogue.countActiveDueTypesOnAccount(manager, id);
        if (inUse > 0) {
          throw conflict(
            `Il conto è l’accredito predefinito di ${inUse} tipi dovuto attivi: cambia prima il loro conto.`,
            { dueTypesUsingAccount: inUse },
          );
        }
      }
      await this.catalogue.updateAccount(manager, id, {
        ...(request.description !== undefined ? { description: request.description.trim() } : {}),
        ...(request.active !== undefined ? { active: request.active } : {}),
      });
      return toAccount(found(await this.catalogue.findAccount(entityId, id, manager), 'Il conto'));
    });
  }

  async listDueTypes(
    entityId: string,
    filter: { spontaneous?: boolean; active?: boolean } = {},
  ): Promise<DueTypeContract[]> {
    await this.assertEntity(entityId);
    return (await this.catalogue.dueTypesOf(entityId, filter)).map(toDueType);
  }

  async getDueType(entityId: string, id: string): Promise<DueTypeContract> {
    const row = await this.catalogue.findDueType(entityId, id);
    if (!row) throw notFound('Il tipo dovuto');
    return toDueType(row);
  }

  async createDueType(entityId: string, request: CreateDueTypeRequest): Promise<DueTypeContract> {
    if (request.presetKey && !findPreset(request.presetKey)) {
      throw fieldError('presetKey', 'presetKey: modello sconosciuto', 'presetExists');
    }
    const values = {
      entityId,
      code: request.code,
      name: request.name.trim(),
      description: request.description ?? null,
      taxonomyCode: request.taxonomyCode,
      accountId: request.accountId ?? null,
      ...normalizeAmounts(request),
      spontaneous: request.spontaneous ?? false,
      formSchema: request.formSchema ?? null,
      debtorRequired: request.debtorRequired ?? true,
      active: request.active ?? true,
      presetKey: request.presetKey ?? null,
    };
    checkDueTypeRules(values);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertEntity(entityId, manager);
        await this.assertAccount(manager, entityId, values.accountId);
        if (await this.catalogue.dueTypeCodeTaken(manager, entityId, values.code)) throw duplicateCode();
        const id = await this.catalogue.insertDueType(manager, values);
        return toDueType(found(await this.catalogue.findDueType(entityId, id, manager), 'Il tipo dovuto'));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode();
      throw error;
    }
  }

  async updateDueType(entityId: string, id: string, request: UpdateDueTypeRequest): Promise<DueTypeContract> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.catalogue.findDueType(entityId, id, manager);
      if (!current) throw notFound('Il tipo dovuto');
      const amountsTouched = ['amountMode', 'fixedAmountCents', 'minAmountCents', 'maxAmountCents'].some(
        (key) => key in request,
      );
      const merged = {
        ...current,
        ...definedOnly(request),
        ...(amountsTouched ? normalizeAmounts({ ...pickAmounts(current), ...definedOnly(request) }) : {}),
      };
      checkDueTypeRules(merged);
      await this.assertAccount(manager, entityId, merged.accountId);
      const {
        id: _id,
        entityId: _entityId,
        code: _code,
        createdAt: _createdAt,
        updatedAt: _updatedAt,
        ...changes
      } = merged;
      await this.catalogue.updateDueType(manager, id, changes);
      return toDueType(found(await this.catalogue.findDueType(entityId, id, manager), 'Il tipo dovuto'));
    });
  }

  private async assertEntity(entityId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.entities.findById(entityId, manager))) throw notFound('L’ente');
  }

  private async assertAccount(
    manager: EntityManager,
    entityId: string,
    accountId: string | null,
  ): Promise<void> {
    if (accountId === null) return;
    const account = await this.catalogue.findAccount(entityId, accountId, manager);
    if (!account)
      throw fieldError('accountId', 'accountId: il conto non appartiene a questo ente', 'accountOfEntity');
    if (!account.active) throw fieldError('accountId', 'accountId: il conto è disattivato', 'accountActive');
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pickAmounts(row: AmountFields): AmountFields {
  return {
    amountMode: row.amountMode,
    fixedAmountCents: row.fixedAmountCents,
    minAmountCents: row.minAmountCents,
    maxAmountCents: row.maxAmountCents,
  };
}

/** A fixed amount has no bounds; a free amount has no fixed value. */
function normalizeAmounts(request: Partial<AmountFields> & Pick<AmountFields, 'amountMode'>): AmountFields {
  return request.amountMode === 'FIXED'
    ? {
        amountMode: 'FIXED',
        fixedAmountCents: request.fixedAmountCents ?? null,
        minAmountCents: null,
        maxAmountCents: null,
      }
    : {
        amountMode: 'FREE',
        fixedAmountCents: null,
        minAmountCents: request.minAmountCents ?? null,
        maxAmountCents: request.maxAmountCents ?? null,
      };
}

/** Rules across fields: amounts consistent with the mode; a spontaneous due type has a valid, safe form. */
function checkDueTypeRules(values: AmountFields & { spontaneous: boolean; formSchema: unknown }): void {
  const errors: FieldError[] = [];
  if (values.amountMode === 'FIXED' && values.fixedAmountCents === null) {
    errors.push({
      field: 'fixedAmountCents',
      message: 'fixedAmountCents: indica l’importo fisso',
      rule: 'fixedAmountRequired',
    });
  }
  if (
    values.amountMode === 'FREE' &&
    values.minAmountCents !== null &&
    values.maxAmountCents !== null &&
    values.maxAmountCents < values.minAmountCents
  ) {
    errors.push({
      field: 'maxAmountCents',
      message: 'maxAmountCents: deve essere almeno pari all’importo minimo',
      rule: 'maxNotBelowMin',
    });
  }
  if (values.formSchema !== null && values.formSchema !== undefined) {
    errors.push(...validateFormSchema(values.formSchema));
  }
  if (errors.length > 0) throw invalid(errors);
}

function duplicateIban() {
  return conflict('Questo IBAN è già registrato per l’ente.', undefined, [
    { field: 'iban', message: 'iban: già registrato per questo ente', rule: 'unique' },
  ]);
}

function duplicateCode() {
  return conflict('Esiste già un tipo dovuto con questo codice.', undefined, [
    { field: 'code', message: 'code: esiste già un tipo dovuto con questo codice', rule: 'unique' },
  ]);
}
