import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The next IUV base per entity and segregation code. It only ever grows: a number handed out is never handed
 * out again, even when its position is cancelled. Allocation is one `UPDATE … RETURNING` (a row lock), so it
 * is safe across transactions and replicas.
 */
@Entity('notice_number_counter')
export class NoticeNumberCounter {
  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @PrimaryColumn({ name: 'segregation_code', type: 'char', length: 2 })
  segregationCode: string;

  @Column({ name: 'next_base', type: 'bigint' })
  nextBase: string;
}
