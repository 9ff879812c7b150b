import { HttpStatus, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { ApiErrorCode } from '@pagamenti/contracts';
import { buildNoticeNumberAux3 } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';

/** The IUV base has 13 digits (aux digit 3): the last base an entity's segregation code can ever hand out. */
export const MAX_IUV_BASE = 9_999_999_999_999n;

/** A block of consecutive IUV bases, reserved for one transaction. */
export class NoticeNumberRange {
  constructor(
    readonly segregationCode: string,
    /** First base of the block. */
    readonly firstBase: bigint,
    readonly count: number,
  ) {}

  /** The i-th notice number of the block (0-based): `3` + segregation code + 13-digit base + mod-93 check. */
  noticeNumber(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`index ${index} outside a block of ${this.count}`);
    }
    return buildNoticeNumberAux3(
      this.segregationCode,
      (this.firstBase + BigInt(index)).toString().padStart(13, '0'),
    );
  }

  /** Every notice number of the block, in order. */
  noticeNumbers(): string[] {
    return Array.from({ length: this.count }, (_, index) => this.noticeNumber(index));
  }
}

/** The IUV of an aux-3 notice number: the 17 digits after the aux digit. */
export function iuvOfNoticeNumber(noticeNumber: string): string {
  return noticeNumber.slice(1);
}

/**
 * Hands out notice numbers (SPEC.md §2, aux digit 3) from `notice_number_counter`, one row per entity and
 * segregation code. One `INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the row lock and moves the counter in
 * the caller's transaction, so concurrent transactions and replicas get disjoint blocks and the lock is held only
 * until the caller commits. The counter never goes down: a cancelled position's or a removed option's numbers are
 * never handed out again. A rolled-back transaction gives its increment back with everything else it did; that
 * is safe because its numbers were never committed, so never published.
 */
@Injectable()
export class NoticeNumberAllocator {
  /** Reserves `count` consecutive numbers for the entity; throws 409 when it has no segregation code. */
  async allocate(manager: EntityManager, entityId: string, count: number): Promise<NoticeNumberRange> {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`cannot allocate ${count} notice numbers`);
    const entities: { segregation_code: string | null; aux_digit: number }[] = await manager.query(
      'SELECT segregation_code, aux_digit FROM creditor_entity WHERE id = $1',
      [entityId],
    );
    const entity = entities[0];
    if (!entity) {
      throw new ApiException(ApiErrorCode.NotFound, 'L’ente non esiste.', HttpStatus.NOT_FOUND);
    }
    if (entity.segregation_code === null) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        'L’ente non ha un codice di segregazione: non può emettere avvisi di pagamento. Chiedere all’intermediario di configurarlo.',
        HttpStatus.CONFLICT,
        undefined,
        { missing: 'segregationCode' },
      );
    }
    if (Number(entity.aux_digit) !== 3) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        `L’ente usa la cifra ausiliaria ${entity.aux_digit}: la piattaforma genera solo numeri avviso con cifra ausiliaria 3.`,
        HttpStatus.CONFLICT,
        undefined,
        { auxDigit: Number(entity.aux_digit) },
      );
    }
    return this.allocateForSegregationCode(manager, entityId, entity.segregation_code, count);
  }

  /** Reserves `count` numbers under a known segregation code (the bulk importer reads the entity once). */
  async allocateForSegregationCode(
    manager: EntityManager,
    entityId: string,
    segregationCode: string,
    count: number,
  ): Promise<NoticeNumberRange> {
    // Wrapped in a SELECT so both engines hand back plain rows; base 1 is the first one ever handed out.
    const rows: { first_base: string }[] = await manager.query(
      `WITH reserved AS (
         INSERT INTO notice_number_counter (entity_id, segregation_code, next_base)
         VALUES ($1, $2, 1 + $3::bigint)
         ON CONFLICT (entity_id, segregation_code)
         DO UPDATE SET next_base = notice_number_counter.next_base + $3::bigint
         RETURNING next_base - $3::bigint AS first_base)
       SELECT first_base FROM reserved`,
      [entityId, segregationCode, count],
    );
    const firstBase = BigInt((rows[0] as { first_base: string }).first_base);
    if (firstBase + BigInt(count) - 1n > MAX_IUV_BASE) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        `I numeri avviso del codice di segregazione ${segregationCode} sono esauriti.`,
        HttpStatus.CONFLICT,
      );
    }
    return new NoticeNumberRange(segregationCode, firstBase, count);
  }
}
