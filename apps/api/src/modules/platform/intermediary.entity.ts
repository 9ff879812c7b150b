import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The technical intermediary running this installation: exactly one row. */
@Entity('intermediary')
@Check('intermediary_single_row', `"id" = 1`)
export class Intermediary {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 11 })
  fiscalCode: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
