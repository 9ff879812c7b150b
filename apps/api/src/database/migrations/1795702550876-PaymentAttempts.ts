import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class PaymentAttempts1795702550876 implements MigrationInterface {
  name = 'PaymentAttempts1795702550876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "payment_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(64) NOT NULL, "origin" character varying(12) NOT NULL, "person_fiscal_code" character varying(16), "api_key_id" uuid, "total_amount_cents" bigint NOT NULL, "position_id" uuid, "form_values" jsonb, "declared_outcome" character varying(10), "checkout_failure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_attempt_declared_outcome_known" CHECK ("declared_outcome" IS NULL OR "declared_outcome" IN (\'CANCELLED\',\'ERROR\')), CONSTRAINT "payment_attempt_origin_known" CHECK ("origin" IN (\'PUBLIC\',\'CITIZEN\',\'SPONTANEOUS\',\'PORTAL\')), CONSTRAINT "PK_a5ce3945d1d61956161e7f84d42" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_attempt_person_idx" ON "payment_attempt" ("person_fiscal_code", "created_at") WHERE "person_fiscal_code" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payment_attempt_reference_unique" ON "payment_attempt" ("reference") ',
    );
    await queryRunner.query(
      'CREATE TABLE "payment_attempt_notice" ("attempt_id" uuid NOT NULL, "position" smallint NOT NULL, "entity_fiscal_code" character varying(11) NOT NULL, "notice_number" character(18) NOT NULL, "entity_name" character varying(255) NOT NULL, "description" character varying(140) NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "PK_7f325f4c1d66752dacffbd4bf87" PRIMARY KEY ("attempt_id", "position"))',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_attempt_notice_notice_idx" ON "payment_attempt_notice" ("entity_fiscal_code", "notice_number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_attempt_notice" ADD CONSTRAINT "FK_0946897b721f80bd64f804eff2d" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "payment_attempt_notice" DROP CONSTRAINT "FK_0946897b721f80bd64f804eff2d"',
    );
    await queryRunner.query('DROP INDEX "public"."payment_attempt_notice_notice_idx"');
    await queryRunner.query('DROP TABLE "payment_attempt_notice"');
    await queryRunner.query('DROP INDEX "public"."payment_attempt_reference_unique"');
    await queryRunner.query('DROP INDEX "public"."payment_attempt_person_idx"');
    await queryRunner.query('DROP TABLE "payment_attempt"');
  }
}
