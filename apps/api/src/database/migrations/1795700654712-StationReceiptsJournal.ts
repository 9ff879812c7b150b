import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class StationReceiptsJournal1795700654712 implements MigrationInterface {
  name = 'StationReceiptsJournal1795700654712';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "domain_event" ("id" BIGSERIAL NOT NULL, "type" character varying(60) NOT NULL, "aggregate_type" character varying(40) NOT NULL, "aggregate_id" character varying(100) NOT NULL, "entity_id" uuid, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "domain_event_aggregate_idx" ON "domain_event" ("aggregate_type", "aggregate_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "domain_event_unpublished_idx" ON "domain_event" ("id") WHERE "published_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "payment_activation" ("id" BIGSERIAL NOT NULL, "entity_fiscal_code" character varying(11) NOT NULL, "notice_number" character(18) NOT NULL, "option_id" uuid NOT NULL, "primitive_version" smallint NOT NULL, "requested_amount_cents" bigint, "amount_cents" bigint NOT NULL, "payment_note" character varying(210), "transfer_type" character varying(10), "station_code" character varying(35) NOT NULL, "payment_token" character varying(100), "psp_id" character varying(35), "correlation_id" character varying(100), "activated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c384b70d1c328dea8022cf19d36" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_activation_token_idx" ON "payment_activation" ("payment_token") WHERE "payment_token" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "payment_activation_notice_idx" ON "payment_activation" ("entity_fiscal_code", "notice_number", "activated_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "receipt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_id" character varying(100) NOT NULL, "recipient_fiscal_code" character varying(11) NOT NULL, "recipient_entity_id" uuid, "role" character varying(10) NOT NULL, "broker_code" character varying(35) NOT NULL, "station_code" character varying(35) NOT NULL, "primitive_version" smallint NOT NULL, "notice_number" character(18) NOT NULL, "entity_fiscal_code" character varying(11) NOT NULL, "creditor_reference_id" character varying(35) NOT NULL, "position_id" uuid, "option_id" uuid, "outcome" character varying(2) NOT NULL, "amount_cents" bigint NOT NULL, "fee_cents" bigint, "primary_ci_incurred_fee_cents" bigint, "description" character varying(140) NOT NULL, "company_name" character varying(140) NOT NULL, "office_name" character varying(140), "debtor" jsonb NOT NULL, "debtor_id_value" character varying(16) NOT NULL, "payer" jsonb, "payer_id_value" character varying(16), "transfers" jsonb NOT NULL, "psp_id" character varying(35) NOT NULL, "psp_fiscal_code" character varying(70), "psp_vat_number" character varying(20), "psp_company_name" character varying(70) NOT NULL, "channel_id" character varying(35) NOT NULL, "channel_description" character varying(35) NOT NULL, "payment_method" character varying(35), "payment_note" character varying(210), "id_bundle" character varying(70), "id_ci_bundle" character varying(70), "payment_date_time" TIMESTAMP WITH TIME ZONE, "application_date" date, "transfer_date" date, "metadata" jsonb NOT NULL DEFAULT \'[]\', "stand_in" boolean NOT NULL DEFAULT false, "anomaly" character varying(30), "anomaly_reason" text, "correlation_id" character varying(100), "raw_xml" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "receipt_role_known" CHECK ("role" IN (\'PRIMARY\',\'SECONDARY\')), CONSTRAINT "receipt_version_known" CHECK ("primitive_version" IN (1, 2)), CONSTRAINT "PK_b4b9ec7d164235fbba023da9832" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "receipt_anomaly_idx" ON "receipt" ("anomaly", "received_at") WHERE "anomaly" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "receipt_received_idx" ON "receipt" ("received_at") ');
    await queryRunner.query('CREATE INDEX "receipt_payer_idx" ON "receipt" ("payer_id_value") ');
    await queryRunner.query('CREATE INDEX "receipt_debtor_idx" ON "receipt" ("debtor_id_value") ');
    await queryRunner.query('CREATE INDEX "receipt_position_idx" ON "receipt" ("position_id") ');
    await queryRunner.query(
      'CREATE INDEX "receipt_entity_notice_idx" ON "receipt" ("entity_fiscal_code", "notice_number") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "receipt_receipt_id_recipient_unique" ON "receipt" ("receipt_id", "recipient_fiscal_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "station_journal" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "operation" character varying(40) NOT NULL, "id_pa" character varying(35), "id_broker_pa" character varying(35), "id_station" character varying(35), "notice_number" character varying(18), "psp_id" character varying(35), "outcome" character varying(2) NOT NULL, "fault_code" character varying(40), "fault_description" character varying(500), "http_status" smallint NOT NULL, "latency_ms" real NOT NULL, "remote_address" character varying(64), "correlation_id" character varying(100), CONSTRAINT "PK_5e919c0191769001b206eaab388" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "station_journal_notice_idx" ON "station_journal" ("notice_number") ',
    );
    await queryRunner.query(
      'CREATE INDEX "station_journal_id_pa_idx" ON "station_journal" ("id_pa", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "station_journal_operation_idx" ON "station_journal" ("operation", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "station_journal_occurred_idx" ON "station_journal" ("occurred_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."station_journal_occurred_idx"');
    await queryRunner.query('DROP INDEX "public"."station_journal_operation_idx"');
    await queryRunner.query('DROP INDEX "public"."station_journal_id_pa_idx"');
    await queryRunner.query('DROP INDEX "public"."station_journal_notice_idx"');
    await queryRunner.query('DROP TABLE "station_journal"');
    await queryRunner.query('DROP INDEX "public"."receipt_receipt_id_recipient_unique"');
    await queryRunner.query('DROP INDEX "public"."receipt_entity_notice_idx"');
    await queryRunner.query('DROP INDEX "public"."receipt_position_idx"');
    await queryRunner.query('DROP INDEX "public"."receipt_debtor_idx"');
    await queryRunner.query('DROP INDEX "public"."receipt_payer_idx"');
    await queryRunner.query('DROP INDEX "public"."receipt_received_idx"');
    await queryRunner.query('DROP INDEX "public"."receipt_anomaly_idx"');
    await queryRunner.query('DROP TABLE "receipt"');
    await queryRunner.query('DROP INDEX "public"."payment_activation_notice_idx"');
    await queryRunner.query('DROP INDEX "public"."payment_activation_token_idx"');
    await queryRunner.query('DROP TABLE "payment_activation"');
    await queryRunner.query('DROP INDEX "public"."domain_event_unpublished_idx"');
    await queryRunner.query('DROP INDEX "public"."domain_event_aggregate_idx"');
    await queryRunner.query('DROP TABLE "domain_event"');
  }
}
