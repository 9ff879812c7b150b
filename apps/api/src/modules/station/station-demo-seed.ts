import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Debtor } from '@pagamenti/contracts';
import { todayInRome } from '@pagamenti/pagopa';
import { buildPaForNodeRequest, type Receipt } from '@pagamenti/pagopa/soap';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PositionsService } from '../positions/positions.service';
import { ReceiptsService } from './receipts.service';
import { StationDirectory } from './station-directory.service';

interface DemoPayment {
  entity: string;
  iupd: string;
  dueTypeCode: string;
  debtor: Debtor;
  description: string;
  amountCents: number;
  /** `today+N` / `today-N` or `YYYY-MM-DD`. */
  dueDate: string;
  receipt: {
    receiptId: string;
    idPSP: string;
    PSPCompanyName: string;
    pspFiscalCode?: string;
    idChannel: string;
    channelDescription: string;
    paymentMethod: string;
    feeCents: number;
    paidDaysAgo: number;
  };
}

const ACTOR = 'Dati dimostrativi';

function demoDate(value: string, today = todayInRome()): string {
  const match = /^today([+-]\d+)?$/.exec(value);
  if (!match) return value;
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + Number(match[1] ?? 0));
  return date.toISOString().slice(0, 10);
}

/**
 * Demo payments already received by the station (`tools/demo/receipts.json`): the position is created through the
 * positions service and its receipt stored through the same path as a real paSendRT (option, position, history,
 * outbox). Idempotent by IUPD and receiptId.
 */
@Injectable()
export class StationDemoSeed {
  private readonly logger = new Logger(StationDemoSeed.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsService,
    private readonly receipts: ReceiptsService,
    private readonly directory: StationDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<{ receipts: number }> {
    const file = JSON.parse(await readFile(join(this.config.demoDataDir, 'receipts.json'), 'utf8')) as {
      payments: DemoPayment[];
    };
    this.directory.invalidate();
    let stored = 0;
    for (const payment of file.payments) {
      const known: { n: string }[] = await this.dataSource.query(
        'SELECT count(*) AS n FROM receipt WHERE receipt_id = $1',
        [payment.receipt.receiptId],
      );
      if (Number(known[0]?.n) > 0) continue;
      const entity = await this.directory.entity(payment.entity);
      if (!entity) throw new Error(`receipts.json: ente ${payment.entity} sconosciuto`);
      const station: { station_code: string; broker_code: string }[] = await this.dataSource.query(
        'SELECT station_code, broker_code FROM station WHERE id = $1',
        [entity.stationId],
      );
      const stationCode = station[0]?.station_code;
      const directoryStation = stationCode ? await this.directory.station(stationCode) : null;
      if (!directoryStation) throw new Error(`receipts.json: l’ente ${payment.entity} non ha una stazione`);
      const position = await this.positionFor(entity.id, payment);
      const option = position.options[0];
      if (!option) continue;
      const paidAt = demoDate(`today-${payment.receipt.paidDaysAgo}`);
      const receipt: Receipt = {
        receiptId: payment.receipt.receiptId,
        noticeNumber: option.noticeNumber,
        fiscalCode: entity.fiscalCode,
        outcome: 'OK',
        creditorReferenceId: option.iuv,
        paymentAmount: option.amountCents,
        description: position.description,
        companyName: entity.name.slice(0, 140),
        debtor: {
          uniqueIdentifier: {
            entityUniqueIdentifierType: payment.debtor.type,
            entityUniqueIdentifierValue: payment.debtor.idValue,
          },
          fullName: payment.debtor.name,
        },
        transferList: {
          transfer: option.transfers.map((transfer) => ({
            idTransfer: transfer.index,
            transferAmount: transfer.amountCents,
            fiscalCodePA: transfer.beneficiaryFiscalCode,
            IBAN: transfer.iban ?? '',
            remittanceInformation: transfer.remittanceInformation,
            transferCategory: transfer.category,
          })),
        },
        idPSP: payment.receipt.idPSP,
        pspFiscalCode: payment.receipt.pspFiscalCode,
        PSPCompanyName: payment.receipt.PSPCompanyName,
        idChannel: payment.receipt.idChannel,
        channelDescription: payment.receipt.channelDescription,
        payer: {
          uniqueIdentifier: {
            entityUniqueIdentifierType: payment.debtor.type,
            entityUniqueIdentifierValue: payment.debtor.idValue,
          },
          fullName: payment.debtor.name,
        },
        paymentMethod: payment.receipt.paymentMethod,
        fee: payment.receipt.feeCents,
        paymentDateTime: `${paidAt}T10:30:00`,
        applicationDate: paidAt,
        transferDate: demoDate(`today-${Math.max(0, payment.receipt.paidDaysAgo - 1)}`),
      };
      const header = {
        idPA: entity.fiscalCode,
        idBrokerPA: station[0]?.broker_code ?? this.config.intermediary.fiscalCode,
        idStation: directoryStation.code,
      };
      await this.receipts.store({
        version: 1,
        header,
        receipt,
        recipient: entity,
        station: directoryStation,
        rawXml: buildPaForNodeRequest('paSendRT', { ...header, receipt }),
        correlationId: 'demo-seed',
      });
      stored++;
    }
    if (stored > 0) this.logger.log(`Demo receipts: ${stored} stored`);
    return { receipts: stored };
  }

  private async positionFor(entityId: string, payment: DemoPayment) {
    const existing: { n: string }[] = await this.dataSource.query(
      'SELECT count(*) AS n FROM debt_position WHERE entity_id = $1 AND iupd = $2',
      [entityId, payment.iupd],
    );
    if (Number(existing[0]?.n) > 0) return this.positions.get(entityId, payment.iupd);
    const { position } = await this.positions.create(
      entityId,
      {
        iupd: payment.iupd,
        dueTypeCode: payment.dueTypeCode,
        debtor: payment.debtor,
        description: payment.description,
        options: [{ amountCents: payment.amountCents, dueDate: demoDate(payment.dueDate) }],
      },
      ACTOR,
    );
    return position;
  }
}
