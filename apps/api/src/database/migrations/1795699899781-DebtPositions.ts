import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class DebtPositions1795699899781 implements MigrationInterface {
  name = 'DebtPositions1795699899781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "debt_position" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "iupd" character varying(70) NOT NULL, "due_type_id" uuid NOT NULL, "debtor_type" character(1) NOT NULL, "debtor_id_value" character varying(16) NOT NULL, "debtor_name" character varying(140) NOT NULL, "debtor_street" character varying(70), "debtor_civic_number" character varying(16), "debtor_postal_code" character varying(16), "debtor_city" character varying(35), "debtor_province" character(2), "debtor_country" character(2), "debtor_email" character varying(256), "description" character varying(140) NOT NULL, "metadata" jsonb NOT NULL DEFAULT \'[]\', "status" character varying(20) NOT NULL, "amount_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL DEFAULT \'0\', "version" integer NOT NULL DEFAULT \'1\', "creation_key" character varying(200), "creation_hash" character(64), "import_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "debt_position_amounts_positive" CHECK ("amount_cents" > 0 AND "paid_cents" >= 0), CONSTRAINT "debt_position_debtor_type_known" CHECK ("debtor_type" IN (\'F\',\'G\')), CONSTRAINT "debt_position_status_known" CHECK ("status" IN (\'DRAFT\',\'VALID\',\'PARTIALLY_PAID\',\'PAID\',\'REPORTED\',\'EXPIRED\',\'CANCELLED\')), CONSTRAINT "PK_f1edbd3d070442afd6ceeb45e24" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_debtor_idx" ON "debt_position" ("debtor_id_value") ',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_debtor_idx" ON "debt_position" ("entity_id", "debtor_id_value") ',
    );
    await queryRunner.query(
      'CREATE INDEX "debt_position_entity_created_idx" ON "debt_position" ("entity_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "debt_position_entity_creation_key_unique" ON "debt_position" ("entity_id", "creation_key") WHERE "creation_key" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "debt_position_entity_iupd_unique" ON "debt_position" ("entity_id", "iupd") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_number_counter" ("entity_id" uuid NOT NULL, "segregation_code" character(2) NOT NULL, "next_base" bigint NOT NULL, CONSTRAINT "PK_911e89ae3e342902fb1b0567d44" PRIMARY KEY ("entity_id", "segregation_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "payment_option" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "position_id" uuid NOT NULL, "entity_id" uuid NOT NULL, "notice_number" character(18) NOT NULL, "iuv" character varying(35) NOT NULL, "installment" smallint, "amount_cents" bigint NOT NULL, "due_date" date NOT NULL, "validity_date" date, "retention_date" date, "description" character varying(140) NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'UNPAID\', "paid_at" TIMESTAMP WITH TIME ZONE, "transfers" jsonb NOT NULL, CONSTRAINT "payment_option_transfers_count" CHECK (jsonb_typeof("transfers") = \'array\' AND jsonb_array_length("transfers") BETWEEN 1 AND 5), CONSTRAINT "payment_option_installment_positive" CHECK ("installment" IS NULL OR "installment" > 0), CONSTRAINT "payment_option_amount_positive" CHECK ("amount_cents" > 0), CONSTRAINT "payment_option_notice_number_format" CHECK ("notice_number" ~ \'^[0-3][0-9]{17}$\'), CONSTRAINT "payment_option_status_known" CHECK ("status" IN (\'UNPAID\',\'PAID\',\'REPORTED\')), CONSTRAINT "PK_7a1b949deefa67a9a31dd1c9110" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_option_position_idx" ON "payment_option" ("position_id", "installment") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payment_option_entity_iuv_unique" ON "payment_option" ("entity_id", "iuv") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payment_option_entity_notice_unique" ON "payment_option" ("entity_id", "notice_number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "position_history" ("id" BIGSERIAL NOT NULL, "position_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor" character varying(200) NOT NULL, "note" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a00ccfa0f04dec40b64bc2c795f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "position_history_position_idx" ON "position_history" ("position_id", "occurred_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "debt_position" ADD CONSTRAINT "FK_4a68e0e5e2e49d4fe7115050442" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "debt_position" ADD CONSTRAINT "FK_fe8a876a0500bd3453194f13517" FOREIGN KEY ("due_type_id") REFERENCES "due_type"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_option" ADD CONSTRAINT "FK_8f4042d3ac74ee77d3cdc91705b" FOREIGN KEY ("position_id") REFERENCES "debt_position"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "payment_option" DROP CONSTRAINT "FK_8f4042d3ac74ee77d3cdc91705b"');
    await queryRunner.query('ALTER TABLE "debt_position" DROP CONSTRAINT "FK_fe8a876a0500bd3453194f13517"');
    await queryRunner.query('ALTER TABLE "debt_position" DROP CONSTRAINT "FK_4a68e0e5e2e49d4fe7115050442"');
    await queryRunner.query('DROP INDEX "public"."position_history_position_idx"');
    await queryRunner.query('DROP TABLE "position_history"');
    await queryRunner.query('DROP INDEX "public"."payment_option_entity_notice_unique"');
    await queryRunner.query('DROP INDEX "public"."payment_option_entity_iuv_unique"');
    await queryRunner.query('DROP INDEX "public"."payment_option_position_idx"');
    await queryRunner.query('DROP TABLE "payment_option"');
    await queryRunner.query('DROP TABLE "notice_number_counter"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_iupd_unique"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_creation_key_unique"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_created_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_entity_debtor_idx"');
    await queryRunner.query('DROP INDEX "public"."debt_position_debtor_idx"');
    await queryRunner.query('DROP TABLE "debt_position"');
  }
}
