import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1795689602966 implements MigrationInterface {
  name = 'Foundation1795689602966';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "creditor_entity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fiscal_code" character varying(11) NOT NULL, "name" character varying(255) NOT NULL, "category" character varying(40) NOT NULL, "province" character(2) NOT NULL, "onboarding_stage" character varying(30) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8a13c23edcc5e62230ff31dc158" UNIQUE ("fiscal_code"), CONSTRAINT "creditor_entity_onboarding_stage_known" CHECK ("onboarding_stage" IN (\'ADHESION_REQUESTED\',\'AGREEMENT_SIGNED\',\'CONFIGURATION\',\'TESTING\',\'PRODUCTION\',\'SUSPENDED\',\'WITHDRAWN\')), CONSTRAINT "creditor_entity_fiscal_code_format" CHECK ("fiscal_code" ~ \'^[0-9]{11}$\'), CONSTRAINT "PK_b43f394967e5b0e7da28f91a0a2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(100) NOT NULL, "payload" jsonb NOT NULL DEFAULT \'{}\', "status" character varying(20) NOT NULL DEFAULT \'queued\', "run_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT \'0\', "max_attempts" integer NOT NULL DEFAULT \'5\', "locked_by" character varying(100), "locked_until" TIMESTAMP WITH TIME ZONE, "dedupe_key" character varying(200), "progress_done" integer, "progress_total" integer, "result" jsonb, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f2a8741753f01d4dc8ab4f1450c" UNIQUE ("dedupe_key"), CONSTRAINT "job_status_known" CHECK ("status" IN (\'queued\',\'running\',\'succeeded\',\'failed\')), CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "job_claimable_idx" ON "job" ("run_at") WHERE "status" IN (\'queued\',\'running\')',
    );
    await queryRunner.query(
      'CREATE TABLE "intermediary" ("id" smallint NOT NULL DEFAULT \'1\', "name" character varying(255) NOT NULL, "fiscal_code" character varying(11) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "intermediary_single_row" CHECK ("id" = 1), CONSTRAINT "PK_bf18be3c70375c2f728b4448546" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "intermediary"');
    await queryRunner.query('DROP INDEX "public"."job_claimable_idx"');
    await queryRunner.query('DROP TABLE "job"');
    await queryRunner.query('DROP TABLE "creditor_entity"');
  }
}
