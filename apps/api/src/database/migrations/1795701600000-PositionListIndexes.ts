import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes for the positions list on a million rows (measured in modules/positions/README.md). The page's ids are
 * picked from the indexes alone where possible: the INCLUDE columns let status + due type + amount filters run
 * as index-only scans in created_at order.
 */
export class PositionListIndexes1795701600000 implements MigrationInterface {
  name = 'PositionListIndexes1795701600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_status_created_idx" ON "debt_position" ("entity_id", "status", "created_at", "id") INCLUDE ("due_type_id", "amount_cents")',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_due_type_created_idx" ON "debt_position" ("entity_id", "due_type_id", "created_at", "id") INCLUDE ("status", "amount_cents")',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_debtor_name_idx" ON "debt_position" ("entity_id", lower("debtor_name") text_pattern_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_amount_idx" ON "debt_position" ("entity_id", "amount_cents") ',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_option_entity_due_date_idx" ON "payment_option" ("entity_id", "due_date", "position_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."payment_option_entity_due_date_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_amount_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_debtor_name_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_due_type_created_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_status_created_idx"');
  }
}
