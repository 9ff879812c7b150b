import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ANONYMOUS_DEBTOR_ID, type CreateDebtPositionRequest } from '@pagamenti/contracts';
import { decimalToCents, todayInRome } from '@pagamenti/pagopa';
import {
  type PaDemandPaymentNoticeRequest,
  type PaDemandPaymentNoticeResponse,
  parseXmlSafely,
  XmlSyntaxError,
  type XmlElement,
} from '@pagamenti/pagopa/soap';
import { ApiException } from '../../common/api-exception';
import { PositionsService } from '../positions/positions.service';
import { StationFault } from './station-fault';
import { type DirectoryEntity } from './station-directory.service';
import { fit } from './station-mapping';

/** How long a position created at a PSP's counter stays payable. */
const SPONTANEOUS_VALIDITY_DAYS = 30;
const MAX_SERVICE_DATA_BYTES = 64 * 1024;
const ACTOR = 'Nodo pagoPA (paDemandPaymentNotice)';

interface SpontaneousDueType {
  code: string;
  name: string;
  amount_mode: 'FIXED' | 'FREE';
  fixed_amount_cents: string | number | null;
}

/**
 * Spontaneous payments started at a PSP (paDemandPaymentNotice): `idServizio` names one of the entity's active
 * spontaneous due types by its code; the base64 service data (an XML defined per service in pagoPA's catalogue) is
 * read leniently for the payer's fiscal code and name and, for free-amount dues, the amount (`importo`). The
 * position is created through the positions service (same validation, numbering and history as any other).
 */
@Injectable()
export class DemandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsService,
  ) {}

  async createNotice(
    entity: DirectoryEntity,
    message: PaDemandPaymentNoticeRequest,
  ): Promise<PaDemandPaymentNoticeResponse> {
    const dueTypes: SpontaneousDueType[] = await this.dataSource.query(
      `SELECT code, name, amount_mode, fixed_amount_cents FROM due_type
       WHERE entity_id = $1 AND upper(code) = upper($2) AND spontaneous AND active`,
      [entity.id, message.idServizio],
    );
    const dueType = dueTypes[0];
    if (!dueType)
      throw new StationFault(
        'PAA_SEMANTICA',
        `Servizio ${message.idServizio} sconosciuto o non attivo per pagamenti spontanei.`,
      );
    const data = readServiceData(message.datiSpecificiServizioRequest);
    const amountCents =
      dueType.amount_mode === 'FIXED' ? Number(dueType.fixed_amount_cents) : amountOf(data.get('importo'));
    const debtorId = data.get('codicefiscale')?.toUpperCase();
    const body: CreateDebtPositionRequest = {
      dueTypeCode: dueType.code,
      debtor: {
        type: debtorId && /^\d{11}$/.test(debtorId) ? 'G' : 'F',
        idValue: debtorId ?? ANONYMOUS_DEBTOR_ID,
        name: fit(data.get('denominazione') ?? data.get('nome'), 70) ?? ANONYMOUS_DEBTOR_ID,
      },
      description: fit(data.get('causale'), 140) ?? dueType.name,
      options: [{ amountCents, dueDate: addDays(todayInRome(), SPONTANEOUS_VALIDITY_DAYS) }],
      publish: true,
    };
    let position;
    try {
      ({ position } = await this.positions.create(entity.id, body, ACTOR));
    } catch (error) {
      if (error instanceof ApiException && error.getStatus() < 500) {
        const details = error.fieldErrors?.map((field) => field.message).join(' ') ?? '';
        throw new StationFault('PAA_SEMANTICA', `${error.message} ${details}`.trim());
      }
      throw error;
    }
    const option = position.options[0];
    if (!option) throw new Error('position created without options');
    return {
      outcome: 'OK',
      qrCode: { fiscalCode: entity.fiscalCode, noticeNumber: option.noticeNumber },
      paymentList: {
        paymentOptionDescription: {
          amount: option.amountCents,
          options: 'EQ',
          dueDate: option.dueDate,
          detailDescription: fit(option.description, 140),
          allCCP: option.transfers.every((transfer) => transfer.postalIban && transfer.iban !== null),
        },
      },
      paymentDescription: fit(position.description, 140) ?? dueType.name,
      fiscalCodePA: entity.fiscalCode,
      companyName: fit(entity.name, 140) ?? entity.fiscalCode,
    };
  }
}

/**
 * The leaves of the service data, by normalised local name (lower case, `codiceFiscalePagatore` → also
 * `codicefiscale`): the first value wins.
 */
function readServiceData(base64: string): Map<string, string> {
  const values = new Map<string, string>();
  let root: XmlElement;
  try {
    root = parseXmlSafely(Buffer.from(base64, 'base64'), MAX_SERVICE_DATA_BYTES);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw new StationFault('PAA_SEMANTICA', `datiSpecificiServizioRequest non leggibile: ${error.message}`);
    throw error;
  }
  const visit = (element: XmlElement) => {
    if (element.children.length === 0) {
      const value = element.text.trim();
      if (value === '') return;
      const name = element.localName.toLowerCase();
      const aliases = [name];
      if (name.startsWith('codicefiscale')) aliases.push('codicefiscale');
      if (name.startsWith('denominazione') || name.startsWith('anagrafica')) aliases.push('denominazione');
      if (name.startsWith('importo')) aliases.push('importo');
      for (const alias of aliases) if (!values.has(alias)) values.set(alias, value);
      return;
    }
    element.children.forEach(visit);
  };
  visit(root);
  return values;
}

function amountOf(value: string | undefined): number {
  const cents = value === undefined ? null : decimalToCents(value.replace(',', '.'));
  if (cents === null || cents < 1)
    throw new StationFault('PAA_SEMANTICA', 'Importo (importo) mancante o non valido nei dati del servizio.');
  return cents;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
