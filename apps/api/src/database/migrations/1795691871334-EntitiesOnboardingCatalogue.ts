import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class EntitiesOnboardingCatalogue1795691871334 implements MigrationInterface {
  name = 'EntitiesOnboardingCatalogue1795691871334';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "station" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "station_code" character varying(35) NOT NULL, "broker_code" character varying(35) NOT NULL, "description" character varying(255) NOT NULL, "primitive_version" smallint NOT NULL, "broadcast" boolean NOT NULL DEFAULT false, "enabled" boolean NOT NULL DEFAULT true, "environment" character varying(20) NOT NULL, "node_endpoint_url" character varying(500), "station_endpoint_url" character varying(500), "password_sealed" text, "subscription_key_sealed" text, "subscription_key_hint" character varying(4), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6514540ebb4e3959aaadb3651c8" UNIQUE ("station_code"), CONSTRAINT "station_environment_known" CHECK ("environment" IN (\'TEST\',\'PRODUCTION\')), CONSTRAINT "station_primitive_version_known" CHECK ("primitive_version" IN (1, 2)), CONSTRAINT "PK_cad1b3e7182ef8df1057b82f6aa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "entity_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "iban" character varying(27) NOT NULL, "kind" character varying(10) NOT NULL, "description" character varying(200) NOT NULL, "valid_from" date NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "entity_account_iban_format" CHECK ("iban" ~ \'^IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}$\'), CONSTRAINT "entity_account_kind_known" CHECK ("kind" IN (\'BANK\',\'POSTAL\')), CONSTRAINT "PK_673b755bb1e9a7f0dad6af1b19a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "entity_account_entity_iban_unique" ON "entity_account" ("entity_id", "iban") ',
    );
    await queryRunner.query(
      'CREATE TABLE "due_type" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "code" character varying(35) NOT NULL, "name" character varying(100) NOT NULL, "description" character varying(1000), "taxonomy_code" character varying(20) NOT NULL, "account_id" uuid, "amount_mode" character varying(10) NOT NULL, "fixed_amount_cents" bigint, "min_amount_cents" bigint, "max_amount_cents" bigint, "spontaneous" boolean NOT NULL DEFAULT false, "form_schema" jsonb, "debtor_required" boolean NOT NULL DEFAULT true, "active" boolean NOT NULL DEFAULT true, "preset_key" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "due_type_amounts_consistent" CHECK (("amount_mode" = \'FIXED\' AND "fixed_amount_cents" IS NOT NULL AND "fixed_amount_cents" > 0 AND "min_amount_cents" IS NULL AND "max_amount_cents" IS NULL) OR ("amount_mode" = \'FREE\' AND "fixed_amount_cents" IS NULL AND ("min_amount_cents" IS NULL OR "min_amount_cents" > 0) AND ("max_amount_cents" IS NULL OR "max_amount_cents" >= COALESCE("min_amount_cents", 1)))), CONSTRAINT "due_type_taxonomy_code_format" CHECK ("taxonomy_code" ~ \'^[6-9]/[0-9]{7}(IM|TS|SP|SA|AP)/$\'), CONSTRAINT "due_type_amount_mode_known" CHECK ("amount_mode" IN (\'FIXED\',\'FREE\')), CONSTRAINT "PK_8679e452061e8549fc9f0c85677" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "due_type_entity_code_unique" ON "due_type" ("entity_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "onboarding_checklist_item" ("entity_id" uuid NOT NULL, "item_key" character varying(60) NOT NULL, "done" boolean NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_by" character varying(200), "note" text, CONSTRAINT "PK_6611457a6995ba89b09292cf771" PRIMARY KEY ("entity_id", "item_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "onboarding_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "from_stage" character varying(30), "to_stage" character varying(30) NOT NULL, "actor" character varying(200) NOT NULL, "note" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e6f8958e502a0d4fcbb6299bef" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "onboarding_transition_entity_idx" ON "onboarding_transition" ("entity_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "entity_service_activation" ("entity_id" uuid NOT NULL, "service" character varying(40) NOT NULL, "status" character varying(20) NOT NULL, "updated_by" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "entity_service_activation_status_known" CHECK ("status" IN (\'INACTIVE\',\'TESTING\',\'ACTIVE\',\'SUSPENDED\')), CONSTRAINT "PK_2bdfe3e15f7097fe748f99efce6" PRIMARY KEY ("entity_id", "service"))',
    );
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "ipa_code" character varying(20)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "logo_url" character varying(500)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "email" character varying(256)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "pec" character varying(256)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "phone" character varying(30)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "referent_name" character varying(200)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "segregation_code" character(2)');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "aux_digit" smallint NOT NULL DEFAULT \'3\'');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "station_id" uuid');
    await queryRunner.query('ALTER TABLE "creditor_entity" ADD "cbill_code" character varying(5)');
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" ADD "notice_languages" jsonb NOT NULL DEFAULT \'[]\'',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" ADD CONSTRAINT "creditor_entity_cbill_code_format" CHECK ("cbill_code" ~ \'^[A-Z0-9]{5}$\')',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" ADD CONSTRAINT "creditor_entity_aux_digit_range" CHECK ("aux_digit" BETWEEN 0 AND 3)',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" ADD CONSTRAINT "creditor_entity_segregation_code_format" CHECK ("segregation_code" ~ \'^[0-9]{2}$\')',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" ADD CONSTRAINT "FK_2e0c6e2cc339b113b5dfacea3c5" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "entity_account" ADD CONSTRAINT "FK_ac3a9ee33141da3bb84ceddbf85" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "due_type" ADD CONSTRAINT "FK_d4f6e71e6382e69a787994f59a8" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "due_type" ADD CONSTRAINT "FK_8a4a5db618ec312a251e1ec39fa" FOREIGN KEY ("account_id") REFERENCES "entity_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "onboarding_checklist_item" ADD CONSTRAINT "FK_44e051103664619441e8b1d5982" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "onboarding_transition" ADD CONSTRAINT "FK_dff482e26285decf7764ff4c57c" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "entity_service_activation" ADD CONSTRAINT "FK_a9931a7d7cf07940391df04623d" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "entity_service_activation" DROP CONSTRAINT "FK_a9931a7d7cf07940391df04623d"',
    );
    await queryRunner.query(
      'ALTER TABLE "onboarding_transition" DROP CONSTRAINT "FK_dff482e26285decf7764ff4c57c"',
    );
    await queryRunner.query(
      'ALTER TABLE "onboarding_checklist_item" DROP CONSTRAINT "FK_44e051103664619441e8b1d5982"',
    );
    await queryRunner.query('ALTER TABLE "due_type" DROP CONSTRAINT "FK_8a4a5db618ec312a251e1ec39fa"');
    await queryRunner.query('ALTER TABLE "due_type" DROP CONSTRAINT "FK_d4f6e71e6382e69a787994f59a8"');
    await queryRunner.query('ALTER TABLE "entity_account" DROP CONSTRAINT "FK_ac3a9ee33141da3bb84ceddbf85"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP CONSTRAINT "FK_2e0c6e2cc339b113b5dfacea3c5"');
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" DROP CONSTRAINT "creditor_entity_segregation_code_format"',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" DROP CONSTRAINT "creditor_entity_aux_digit_range"',
    );
    await queryRunner.query(
      'ALTER TABLE "creditor_entity" DROP CONSTRAINT "creditor_entity_cbill_code_format"',
    );
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "notice_languages"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "cbill_code"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "station_id"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "aux_digit"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "segregation_code"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "referent_name"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "phone"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "pec"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "email"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "logo_url"');
    await queryRunner.query('ALTER TABLE "creditor_entity" DROP COLUMN "ipa_code"');
    await queryRunner.query('DROP TABLE "entity_service_activation"');
    await queryRunner.query('DROP INDEX "public"."onboarding_transition_entity_idx"');
    await queryRunner.query('DROP TABLE "onboarding_transition"');
    await queryRunner.query('DROP TABLE "onboarding_checklist_item"');
    await queryRunner.query('DROP INDEX "public"."due_type_entity_code_unique"');
    await queryRunner.query('DROP TABLE "due_type"');
    await queryRunner.query('DROP INDEX "public"."entity_account_entity_iban_unique"');
    await queryRunner.query('DROP TABLE "entity_account"');
    await queryRunner.query('DROP TABLE "station"');
  }
}
