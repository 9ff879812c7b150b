import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class IdentityAndAudit1795691907034 implements MigrationInterface {
  name = 'IdentityAndAudit1795691907034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" character varying(80) NOT NULL, "outcome" character varying(10) NOT NULL, "actor_fiscal_code" character varying(16), "actor_kind" character varying(10) NOT NULL, "entity_id" uuid, "object_type" character varying(60), "object_id" character varying(200), "ip" character varying(64), "correlation_id" character varying(100), "details" jsonb NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_event_actor_at_idx" ON "audit_event" ("actor_fiscal_code", "at") ',
    );
    await queryRunner.query('CREATE INDEX "audit_event_entity_at_idx" ON "audit_event" ("entity_id", "at") ');
    await queryRunner.query('CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "person" ("fiscal_code" character varying(16) NOT NULL, "given_name" character varying(200), "family_name" character varying(200), "email" character varying(320), "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cd3affdeb24ca6930f610502f57" PRIMARY KEY ("fiscal_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "entity_role" ("fiscal_code" character varying(16) NOT NULL, "entity_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "granted_by" character varying(16), "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "entity_role_role_known" CHECK ("role" IN (\'admin\',\'operator\',\'viewer\')), CONSTRAINT "PK_6212a7bd8a62d263219d822c04d" PRIMARY KEY ("fiscal_code", "entity_id"))',
    );
    await queryRunner.query('CREATE INDEX "entity_role_entity_idx" ON "entity_role" ("entity_id") ');
    await queryRunner.query(
      'CREATE TABLE "intermediary_role" ("fiscal_code" character varying(16) NOT NULL, "role" character varying(20) NOT NULL, "granted_by" character varying(16), "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "intermediary_role_role_known" CHECK ("role" IN (\'admin\',\'support\',\'readonly\')), CONSTRAINT "PK_fc27558e610284213ed02b36955" PRIMARY KEY ("fiscal_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_request" ("id" character varying(80) NOT NULL, "idp_entity_id" character varying(500) NOT NULL, "app" character varying(20) NOT NULL, "level" character varying(60) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "request_xml" text NOT NULL, "response_xml" text, CONSTRAINT "PK_b15965f9b2fadb121de2215a94d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "saml_request_expires_idx" ON "saml_request" ("expires_at") ');
    await queryRunner.query(
      'CREATE TABLE "user_session" ("token_hash" character(64) NOT NULL, "fiscal_code" character varying(16) NOT NULL, "csrf_token" character varying(64) NOT NULL, "active_entity_id" uuid, "idp_entity_id" character varying(500) NOT NULL, "level" character varying(60) NOT NULL, "name_id" character varying(500), "session_index" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query('CREATE INDEX "user_session_fiscal_code_idx" ON "user_session" ("fiscal_code") ');
    await queryRunner.query(
      'CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "scopes" text array NOT NULL, "created_by" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_3c9751d2a6011ba13e27838105e" UNIQUE ("key_hash"), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "api_key_entity_idx" ON "api_key" ("entity_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."api_key_entity_idx"');
    await queryRunner.query('DROP TABLE "api_key"');
    await queryRunner.query('DROP INDEX "public"."user_session_fiscal_code_idx"');
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('DROP INDEX "public"."saml_request_expires_idx"');
    await queryRunner.query('DROP TABLE "saml_request"');
    await queryRunner.query('DROP TABLE "intermediary_role"');
    await queryRunner.query('DROP INDEX "public"."entity_role_entity_idx"');
    await queryRunner.query('DROP TABLE "entity_role"');
    await queryRunner.query('DROP TABLE "person"');
    await queryRunner.query('DROP INDEX "public"."audit_event_at_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_event_entity_at_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_event_actor_at_idx"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
