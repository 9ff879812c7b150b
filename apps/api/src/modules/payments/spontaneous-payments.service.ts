import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ANONYMOUS_DEBTOR_ID,
  ApiErrorCode,
  type CreateDebtPositionRequest,
  type Debtor,
  type DueTypeFormField,
  type DueTypeFormSchema,
  type FieldError,
  type SpontaneousPaymentRequest,
  type SpontaneousPaymentStarted,
  type SpontaneousService,
  type SpontaneousServiceDetail,
  type SpontaneousServicesQuery,
} from '@pagamenti/contracts';
import { centsToDecimal, MAX_NOTICE_AMOUNT_CENTS, todayInRome } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { RolesRepository } from '../identity/roles/roles.repository';
import { PositionsService } from '../positions/positions.service';
import { CheckoutService } from './checkout.service';
import { validateFormValues } from './form-values';
import { PaymentsRepository } from './payments.repository';

/** A spontaneous payment's notice stays payable this long, so it can also be paid elsewhere with its notice. */
export const SPONTANEOUS_VALIDITY_DAYS = 30;
/** pagoPA metadata: at most 10 pairs on a position, values up to 140 characters. */
const MAX_METADATA = 10;

const euro = (cents: number) => `${centsToDecimal(cents).replace('.', ',')} €`;

const serviceNotFound = () =>
  new ApiException(
    ApiErrorCode.NotFound,
    'Servizio non disponibile per i pagamenti spontanei.',
    HttpStatus.NOT_FOUND,
  );

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Spontaneous ("base") payments: the catalogue of every entity's services open to citizens, and the payment in
 * one flow — the form checked against the due type's JSON Schema, the amount rules, the position created through
 * PositionsService (published at once) and the Checkout cart.
 */
@Injectable()
export class SpontaneousPaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly positions: PositionsService,
    private readonly checkout: CheckoutService,
    private readonly roles: RolesRepository,
  ) {}

  services(query: SpontaneousServicesQuery): Promise<SpontaneousService[]> {
    return this.payments.spontaneousServices(query);
  }

  async service(dueTypeId: string): Promise<SpontaneousServiceDetail> {
    const service = /^[0-9a-f-]{36}$/i.test(dueTypeId)
      ? await this.payments.spontaneousService(dueTypeId)
      : null;
    if (!service) throw serviceNotFound();
    return { ...service, formSchema: service.formSchema && inFormOrder(service.formSchema) };
  }

  /** `person`: the logged-in citizen, who is the debtor when the request names none. */
  async pay(
    request: SpontaneousPaymentRequest,
    person: string | null,
    options: { idempotencyKey?: string; today?: string } = {},
  ): Promise<SpontaneousPaymentStarted> {
    const service = await this.service(request.dueTypeId);
    const errors: FieldError[] = [];
    const form = validateFormValues(service.formSchema, request.formValues);
    errors.push(...form.errors);
    const amountCents = amountOf(service, request.amountCents, errors);
    const debtor = await this.debtorOf(service, request.debtor, person, errors);
    if (errors.length > 0 || amountCents === null || debtor === null) {
      throw new ApiException(
        ApiErrorCode.ValidationFailed,
        'I dati inviati non sono validi.',
        HttpStatus.BAD_REQUEST,
        errors,
      );
    }
    const known = Object.keys(service.formSchema?.properties ?? {});
    const values = Object.fromEntries(Object.entries(form.values).filter(([key]) => known.includes(key)));
    const today = options.today ?? todayInRome();
    const body: CreateDebtPositionRequest = {
      dueTypeCode: service.code,
      debtor,
      // No personal data: the description travels to PSPs; what the citizen declared goes to metadata.
      description: service.name.slice(0, 140),
      metadata: Object.entries(values)
        .slice(0, MAX_METADATA)
        .map(([key, value]) => ({ key: key.slice(0, 140), value: String(value).slice(0, 140) })),
      options: [
        {
          amountCents,
          dueDate: addDays(today, SPONTANEOUS_VALIDITY_DAYS),
          description: service.name.slice(0, 140),
        },
      ],
      publish: true,
    };
    const actor = person ?? 'cittadino (pagamento spontaneo)';
    const { position } = await this.positions.create(service.entityId, body, actor, {
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
      today,
    });
    const noticeNumber = position.options[0]?.noticeNumber ?? '';
    const started = await this.checkout
      .start(
        [{ entityFiscalCode: service.entityFiscalCode, noticeNumber }],
        {
          origin: 'SPONTANEOUS',
          personFiscalCode: person,
          apiKeyId: null,
          positionId: position.id,
          formValues: values,
        },
        request.email ? { email: request.email } : {},
      )
      .catch((error: unknown) => {
        // The position exists and stays payable with its notice: say which one.
        if (error instanceof ApiException)
          throw new ApiException(
            error.code,
            `${error.message} L’avviso ${noticeNumber} resta pagabile anche in seguito.`,
            error.getStatus(),
            error.fieldErrors,
            { ...error.details, noticeNumber, entityFiscalCode: service.entityFiscalCode },
          );
        throw error;
      });
    return { ...started, noticeNumber, entityFiscalCode: service.entityFiscalCode, amountCents };
  }

  private async debtorOf(
    service: SpontaneousServiceDetail,
    given: SpontaneousPaymentRequest['debtor'],
    person: string | null,
    errors: FieldError[],
  ): Promise<Debtor | null> {
    if (given)
      return {
        type: given.type,
        idValue: given.idValue.trim().toUpperCase(),
        name: given.name.trim(),
        ...(given.email ? { email: given.email } : {}),
      };
    if (person) {
      const known = await this.roles.findPerson(person);
      const name = [known?.givenName, known?.familyName].filter(Boolean).join(' ').trim();
      return { type: 'F', idValue: person, name: name || person };
    }
    if (!service.debtorRequired) return { type: 'F', idValue: ANONYMOUS_DEBTOR_ID, name: 'Anonimo' };
    errors.push({
      field: 'debtor',
      message: 'Indica il codice fiscale e il nome di chi deve pagare.',
      rule: 'debtorRequired',
    });
    return null;
  }
}

/**
 * The form's fields in the order to show them. The catalogue keeps schemas as jsonb, which does not keep the
 * order of object keys, but keeps arrays: the required fields in their `required` order, then the others.
 */
export function inFormOrder(schema: DueTypeFormSchema): DueTypeFormSchema {
  const names = Object.keys(schema.properties);
  const required = (schema.required ?? []).filter((name) => names.includes(name));
  const ordered = [...required, ...names.filter((name) => !required.includes(name))];
  return {
    ...schema,
    properties: Object.fromEntries(
      ordered.map((name) => [name, schema.properties[name] as DueTypeFormField]),
    ),
  };
}

/** FIXED: the fixed amount (a different one is refused); FREE: required, within the due type's bounds. */
function amountOf(
  service: SpontaneousService,
  given: number | undefined,
  errors: FieldError[],
): number | null {
  const fail = (message: string, rule: string) => {
    errors.push({ field: 'amountCents', message, rule });
    return null;
  };
  if (service.amountMode === 'FIXED') {
    const fixed = service.fixedAmountCents;
    if (fixed === null)
      return fail('Il servizio non ha un importo definito: contatta l’ente.', 'fixedAmount');
    if (given !== undefined && given !== fixed)
      return fail(`L’importo di questo servizio è fisso: ${euro(fixed)}.`, 'fixedAmount');
    return fixed;
  }
  if (given === undefined) return fail('Inserisci l’importo da pagare.', 'required');
  if (!Number.isSafeInteger(given) || given < 1 || given > MAX_NOTICE_AMOUNT_CENTS)
    return fail('Importo non valido.', 'amount');
  if (service.minAmountCents !== null && given < service.minAmountCents)
    return fail(`L’importo minimo è ${euro(service.minAmountCents)}.`, 'minAmount');
  if (service.maxAmountCents !== null && given > service.maxAmountCents)
    return fail(`L’importo massimo è ${euro(service.maxAmountCents)}.`, 'maxAmount');
  return given;
}
