import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class PositionImports1795700950989 implements MigrationInterface {
  name = 'PositionImports1795700950989';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "position_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "dry_run" boolean NOT NULL, "format" character varying(4) NOT NULL, "file_name" character varying(255), "size_bytes" bigint NOT NULL DEFAULT \'0\', "sha256" character(64), "encoding" character varying(20), "separator" character varying(1), "header" jsonb, "total_rows" integer NOT NULL DEFAULT \'0\', "batch_size" integer NOT NULL, "error" text, "warnings" jsonb NOT NULL DEFAULT \'[]\', "created_by" character varying(200) NOT NULL, "job_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "position_import_format_known" CHECK ("format" IN (\'CSV\',\'JSON\')), CONSTRAINT "position_import_status_known" CHECK ("status" IN (\'UPLOADING\',\'QUEUED\',\'RUNNING\',\'SUCCEEDED\',\'FAILED\')), CONSTRAINT "PK_849e4605ad350d1b082cac1a5d5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "position_import_entity_created_idx" ON "position_import" ("entity_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "position_import_chunk" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_b4329e93eeb19e230c46abe6b3f" PRIMARY KEY ("import_id", "seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "position_import_batch" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "first_row" integer NOT NULL, "row_count" integer NOT NULL, "first_base" bigint, "reserved_count" integer NOT NULL DEFAULT \'0\', "committed" boolean NOT NULL DEFAULT false, "created" integer NOT NULL DEFAULT \'0\', "updated" integer NOT NULL DEFAULT \'0\', "cancelled" integer NOT NULL DEFAULT \'0\', "unchanged" integer NOT NULL DEFAULT \'0\', "failed_rows" integer NOT NULL DEFAULT \'0\', "outcomes" text NOT NULL DEFAULT \'\', "errors" text NOT NULL DEFAULT \'\', "committed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1cf8fc2962ece888a29599e39e7" PRIMARY KEY ("import_id", "seq"))',
    );
    await queryRunner.query(
      'ALTER TABLE "position_import" ADD CONSTRAINT "FK_415fc13cd7e9880a28974b1efc1" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "position_import_chunk" ADD CONSTRAINT "FK_ea6541fa069d7644ae504631292" FOREIGN KEY ("import_id") REFERENCES "position_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "position_import_batch" ADD CONSTRAINT "FK_5cbe60e94c20cf79d876f5af867" FOREIGN KEY ("import_id") REFERENCES "position_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "position_import_batch" DROP CONSTRAINT "FK_5cbe60e94c20cf79d876f5af867"',
    );
    await queryRunner.query(
      'ALTER TABLE "position_import_chunk" DROP CONSTRAINT "FK_ea6541fa069d7644ae504631292"',
    );
    await queryRunner.query('ALTER TABLE "position_import" DROP CONSTRAINT "FK_415fc13cd7e9880a28974b1efc1"');
    await queryRunner.query('DROP TABLE "position_import_batch"');
    await queryRunner.query('DROP TABLE "position_import_chunk"');
    await queryRunner.query('DROP INDEX "public"."position_import_entity_created_idx"');
    await queryRunner.query('DROP TABLE "position_import"');
  }
}
