import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Debtor, type PaymentOptionInput } from '@pagamenti/contracts';
import { entityFiscalCodeCheckDigit, personFiscalCodeCheckChar, todayInRome } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CREATE_POSITION_SHAPE, unknownFields } from './position-input';
import { type PreparedPosition, PositionsService } from './positions.service';

/** One hand-written position of `tools/demo/positions.json`. */
export interface DemoPosition {
  entity: string;
  iupd: string;
  dueTypeCode: string;
  state?: 'VALID' | 'DRAFT' | 'EXPIRED' | 'CANCELLED';
  cancelReason?: string;
  debtor: Debtor;
  description: string;
  metadata?: { key: string; value: string }[];
  /** Dates may be `today+N` / `today-N` (days from the first load, Europe/Rome). */
  options: PaymentOptionInput[];
}

interface DemoPositionsFile {
  positions: DemoPosition[];
  generated: { count: number; entities: string[] };
}

const ACTOR = 'sistema (dati dimostrativi)';
const RELATIVE_DATE = /^today([+-]\d{1,4})?$/;

/** `today+45` → the date 45 days after `today` (both `YYYY-MM-DD`); other values are returned as they are. */
export function resolveDemoDate(value: string | null | undefined, today: string): string | null | undefined {
  if (typeof value !== 'string') return value;
  const match = RELATIVE_DATE.exec(value);
  if (!match) return value;
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + Number(match[1] ?? 0));
  return date.toISOString().slice(0, 10);
}

/**
 * Demo positions: the hand-written ones of `tools/demo/positions.json` (the demo citizens' TARI with installments
 * and a TEFA share for the Provincia, school meals, fines, a ticket, one expired, one cancelled, one draft) and
 * ~200 generated ones spread over some entities. Written through the same service as the API (validation,
 * allocator, history); idempotent by IUPD, so a second run writes nothing.
 */
@Injectable()
export class PositionsDemoSeed {
  private readonly logger = new Logger(PositionsDemoSeed.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(today = todayInRome()): Promise<{ created: number }> {
    const file = JSON.parse(
      await readFile(join(this.config.demoDataDir, 'positions.json'), 'utf8'),
    ) as DemoPositionsFile;
    const entityIds = await this.entityIds();
    const existing = await this.existingIupds();

    const wanted = [...file.positions, ...(await this.generated(file.generated, entityIds, today))];
    const todo = wanted.filter((position) => !existing.has(`${position.entity}:${position.iupd}`));
    if (todo.length === 0) return { created: 0 };

    // Everything is checked before anything is written.
    const problems: string[] = [];
    const prepared: { demo: DemoPosition; entityId: string; prepared: PreparedPosition }[] = [];
    for (const demo of todo) {
      const where = `positions.json ${demo.iupd}`;
      const entityId = entityIds.get(demo.entity);
      if (!entityId) {
        problems.push(`${where}: ente ${demo.entity} sconosciuto`);
        continue;
      }
      const body = this.requestBody(demo, today);
      const unknown = unknownFields(body, CREATE_POSITION_SHAPE);
      if (unknown.length > 0) {
        problems.push(`${where}: ${unknown.map((error) => error.field).join(', ')} sconosciuti`);
        continue;
      }
      try {
        prepared.push({
          demo,
          entityId,
          prepared: await this.positions.prepare(entityId, body, validationDay(body, today)),
        });
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        problems.push(
          `${where}: ${(error.fieldErrors ?? []).map((field) => `${field.field} ${field.message}`).join('; ') || error.message}`,
        );
      }
    }
    if (problems.length > 0) throw new Error(`Posizioni dimostrative non valide:\n${problems.join('\n')}`);

    await this.dataSource.transaction(async (manager) => {
      for (const item of prepared) await this.positions.insertPrepared(manager, item.prepared, ACTOR);
    });
    for (const { demo, entityId } of prepared) {
      if (demo.state === 'CANCELLED') {
        await this.positions.cancel(
          entityId,
          demo.iupd,
          { reason: demo.cancelReason ?? 'Dati dimostrativi' },
          ACTOR,
        );
      }
    }
    const { expired } = await this.positions.expirePositions(today);
    this.logger.log(`Demo positions: ${prepared.length} created, ${expired} expired`);
    return { created: prepared.length };
  }

  private requestBody(demo: DemoPosition, today: string): Record<string, unknown> {
    return {
      iupd: demo.iupd,
      dueTypeCode: demo.dueTypeCode,
      debtor: demo.debtor,
      description: demo.description,
      ...(demo.metadata ? { metadata: demo.metadata } : {}),
      options: demo.options.map((option) => ({
        ...option,
        dueDate: resolveDemoDate(option.dueDate, today),
        ...(option.validityDate !== undefined
          ? { validityDate: resolveDemoDate(option.validityDate, today) }
          : {}),
        ...(option.retentionDate !== undefined
          ? { retentionDate: resolveDemoDate(option.retentionDate, today) }
          : {}),
      })),
      publish: demo.state !== 'DRAFT',
    };
  }

  private async entityIds(): Promise<Map<string, string>> {
    const rows: { id: string; fiscal_code: string }[] = await this.dataSource.query(
      'SELECT id, fiscal_code FROM creditor_entity',
    );
    return new Map(rows.map((row) => [row.fiscal_code, row.id]));
  }

  private async existingIupds(): Promise<Set<string>> {
    const rows: { fiscal_code: string; iupd: string }[] = await this.dataSource.query(
      `SELECT e.fiscal_code, p.iupd FROM debt_position p JOIN creditor_entity e ON e.id = p.entity_id
        WHERE p.iupd LIKE 'DEMO-%'`,
    );
    return new Set(rows.map((row) => `${row.fiscal_code}:${row.iupd}`));
  }

  /** Deterministic positions over the given entities' active due types, with fictitious debtors. */
  private async generated(
    spec: DemoPositionsFile['generated'],
    entityIds: Map<string, string>,
    today: string,
  ): Promise<DemoPosition[]> {
    const dueTypes: {
      fiscal_code: string;
      code: string;
      name: string;
      amount_mode: 'FIXED' | 'FREE';
      fixed_amount_cents: string | null;
      min_amount_cents: string | null;
      max_amount_cents: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.fiscal_code, d.code, d.name, d.amount_mode, d.fixed_amount_cents, d.min_amount_cents,
              d.max_amount_cents
         FROM due_type d JOIN creditor_entity e ON e.id = d.entity_id
        WHERE e.fiscal_code = ANY($1) AND d.active AND d.account_id IS NOT NULL
        ORDER BY e.fiscal_code, d.code`,
      [spec.entities],
    );
    const random = mulberry32(20260301);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const positions: DemoPosition[] = [];
    for (let n = 0; n < spec.count; n++) {
      const entity = spec.entities[n % spec.entities.length] as string;
      const types = dueTypes.filter((dueType) => dueType.fiscal_code === entity);
      if (!entityIds.has(entity) || types.length === 0) continue;
      const dueType = pick(types);
      const min = Number(dueType.min_amount_cents ?? 1000);
      const max = Math.min(Number(dueType.max_amount_cents ?? 150_000), 150_000);
      const fixed = dueType.amount_mode === 'FIXED' ? Number(dueType.fixed_amount_cents) : null;
      const amount = fixed ?? Math.max(min, Math.round((min + random() * (max - min)) / 10) * 10);
      const roll = random();
      const state: DemoPosition['state'] = roll < 0.06 ? 'DRAFT' : roll < 0.14 ? 'EXPIRED' : 'VALID';
      const firstDue = state === 'EXPIRED' ? -5 - Math.floor(random() * 60) : 10 + Math.floor(random() * 170);
      const installments =
        fixed === null && amount >= 6000 && random() < 0.3 ? 2 + Math.floor(random() * 3) : 0;
      const options: PaymentOptionInput[] = [{ amountCents: amount, dueDate: `today${signed(firstDue)}` }];
      const share = Math.floor(amount / Math.max(installments, 1));
      for (let i = 1; i <= installments; i++) {
        options.push({
          installment: i,
          amountCents: i === installments ? amount - share * (installments - 1) : share,
          dueDate: `today${signed(firstDue + (i - 1) * 60)}`,
        });
      }
      positions.push({
        entity,
        iupd: `DEMO-GEN-${entity}-${String(n + 1).padStart(3, '0')}`,
        dueTypeCode: dueType.code,
        state,
        debtor: fictitiousDebtor(random, pick),
        description: `${dueType.name} ${today.slice(0, 4)}`.slice(0, 140),
        options,
      });
    }
    return positions;
  }
}

/** The day the demo position is validated against: its earliest option's, so expired ones can be written. */
function validationDay(body: Record<string, unknown>, today: string): string {
  const dates = (body['options'] as { dueDate?: string }[]).map((option) => option.dueDate ?? today);
  return dates.reduce((earliest, date) => (date < earliest ? date : earliest), today);
}

function signed(days: number): string {
  return days < 0 ? String(days) : `+${days}`;
}

const GIVEN_NAMES = [
  ['Francesco', 'M'],
  ['Alessandro', 'M'],
  ['Lorenzo', 'M'],
  ['Matteo', 'M'],
  ['Andrea', 'M'],
  ['Marco', 'M'],
  ['Sofia', 'F'],
  ['Aurora', 'F'],
  ['Chiara', 'F'],
  ['Elena', 'F'],
  ['Martina', 'F'],
  ['Federica', 'F'],
] as const;
const FAMILY_NAMES = [
  'Di Carlo',
  'De Angelis',
  'Di Nicola',
  'Marinelli',
  'Di Giacomo',
  'Ciccone',
  'Tiberio',
  'Pace',
  'Di Febo',
  'Mancini',
  'Di Berardino',
  'Santoro',
];
const COMPANIES = [
  'Edilizia Adriatica srl',
  'Agriturismo Colle Verde snc',
  'Ristorante Il Faro srl',
  'Autofficina Gran Sasso',
];
const MUNICIPALITY_CODES = ['G482', 'L103', 'A345', 'C632', 'G438', 'F052'];
const MONTHS = 'ABCDEHLMPRST';

function letters(text: string, vowels: boolean): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .split('')
    .filter((char) => 'AEIOU'.includes(char) === vowels)
    .join('');
}

function nameCode(text: string): string {
  return `${letters(text, false)}${letters(text, true)}XXX`.slice(0, 3);
}

/** A made-up person (valid fiscal code) or, one time in ten, a company (valid VAT number). */
function fictitiousDebtor(random: () => number, pick: <T>(items: readonly T[]) => T): Debtor {
  if (random() < 0.1) {
    const digits = Array.from({ length: 10 }, (_, index) =>
      index === 0 ? 1 : Math.floor(random() * 10),
    ).join('');
    return { type: 'G', idValue: `${digits}${entityFiscalCodeCheckDigit(digits)}`, name: pick(COMPANIES) };
  }
  const [given, sex] = pick(GIVEN_NAMES);
  const family = pick(FAMILY_NAMES);
  const year = String(40 + Math.floor(random() * 60)).padStart(2, '0');
  const day = 1 + Math.floor(random() * 28) + (sex === 'F' ? 40 : 0);
  const first15 = `${nameCode(family)}${nameCode(given)}${year}${pick(MONTHS.split(''))}${String(day).padStart(2, '0')}${pick(MUNICIPALITY_CODES)}`;
  return {
    type: 'F',
    idValue: `${first15}${personFiscalCodeCheckChar(first15)}`,
    name: `${given} ${family}`,
  };
}

/** Small seeded PRNG: the same demo data on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
