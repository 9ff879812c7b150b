import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class NoticeBatches1795701570263 implements MigrationInterface {
  name = 'NoticeBatches1795701570263';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notice_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "format" character varying(3) NOT NULL, "selection" jsonb NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'queued\', "total" integer, "done" integer NOT NULL DEFAULT \'0\', "skipped" integer NOT NULL DEFAULT \'0\', "pages" integer, "file_name" character varying(200), "size_bytes" bigint, "error" text, "requested_by" character varying(200) NOT NULL, "job_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notice_batch_status_known" CHECK ("status" IN (\'queued\',\'running\',\'succeeded\',\'failed\')), CONSTRAINT "notice_batch_format_known" CHECK ("format" IN (\'pdf\',\'zip\')), CONSTRAINT "PK_dd71bdb28a2791abd0b6fa307f3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "notice_batch_entity_created_idx" ON "notice_batch" ("entity_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notice_batch_chunk" ("batch_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_49b72b1d0f79e9548c8b4be62e2" PRIMARY KEY ("batch_id", "seq"))',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_batch" ADD CONSTRAINT "FK_5c2d44e4af474853270b429d3c1" FOREIGN KEY ("entity_id") REFERENCES "creditor_entity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notice_batch_chunk" ADD CONSTRAINT "FK_385a717d9826b0af69ea0272662" FOREIGN KEY ("batch_id") REFERENCES "notice_batch"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "notice_batch_chunk" DROP CONSTRAINT "FK_385a717d9826b0af69ea0272662"',
    );
    await queryRunner.query('ALTER TABLE "notice_batch" DROP CONSTRAINT "FK_5c2d44e4af474853270b429d3c1"');
    await queryRunner.query('DROP TABLE "notice_batch_chunk"');
    await queryRunner.query('DROP INDEX "public"."notice_batch_entity_created_idx"');
    await queryRunner.query('DROP TABLE "notice_batch"');
  }
}
