import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class SamlRequestReturnTo1795695054451 implements MigrationInterface {
  name = 'SamlRequestReturnTo1795695054451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "saml_request" ADD "return_to" character varying(1000)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "saml_request" DROP COLUMN "return_to"');
  }
}
