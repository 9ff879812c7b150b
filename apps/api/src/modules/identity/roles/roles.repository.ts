import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { type EntityMembership, type EntityRole, type IntermediaryRole } from '@pagamenti/contracts';
import { type EntityScope } from '../authorization/principal';
import { EntityRoleGrant, IntermediaryRoleGrant, Person } from '../identity.entities';

export interface EntityRoleRow {
  fiscalCode: string;
  role: EntityRole;
  grantedAt: Date;
  grantedBy: string | null;
  givenName: string | null;
  familyName: string | null;
}

/** People and their roles. Entity-level queries take the caller's scope and filter on it. */
@Injectable()
export class RolesRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Person) private readonly persons: Repository<Person>,
    @InjectRepository(EntityRoleGrant) private readonly entityRoles: Repository<EntityRoleGrant>,
    @InjectRepository(IntermediaryRoleGrant)
    private readonly intermediaryRoles: Repository<IntermediaryRoleGrant>,
  ) {}

  findPerson(fiscalCode: string): Promise<Person | null> {
    return this.persons.findOneBy({ fiscalCode });
  }

  async upsertPerson(
    person: Pick<Person, 'fiscalCode' | 'givenName' | 'familyName' | 'email' | 'lastLoginAt'>,
  ): Promise<void> {
    await this.persons.upsert(person, ['fiscalCode']);
  }

  async membershipsOf(fiscalCode: string): Promise<EntityMembership[]> {
    const rows: { entityId: string; entityName: string; entityFiscalCode: string; role: EntityRole }[] =
      await this.dataSource.query(
        `SELECT r.entity_id AS "entityId", e.name AS "entityName", e.fiscal_code AS "entityFiscalCode", r.role
           FROM entity_role r JOIN creditor_entity e ON e.id = r.entity_id
          WHERE r.fiscal_code = $1 ORDER BY e.name, e.id`,
        [fiscalCode],
      );
    return rows;
  }

  async intermediaryRoleOf(fiscalCode: string): Promise<IntermediaryRole | null> {
    return (await this.intermediaryRoles.findOneBy({ fiscalCode }))?.role ?? null;
  }

  async listEntityRoles(scope: EntityScope): Promise<EntityRoleRow[]> {
    return this.dataSource.query(
      `SELECT r.fiscal_code AS "fiscalCode", r.role, r.granted_at AS "grantedAt", r.granted_by AS "grantedBy",
              p.given_name AS "givenName", p.family_name AS "familyName"
         FROM entity_role r LEFT JOIN person p ON p.fiscal_code = r.fiscal_code
        WHERE r.entity_id = $1 ORDER BY p.family_name NULLS LAST, r.fiscal_code`,
      [scope.entityId],
    );
  }

  async findEntityRole(scope: EntityScope, fiscalCode: string): Promise<EntityRole | null> {
    return (await this.entityRoles.findOneBy({ entityId: scope.entityId, fiscalCode }))?.role ?? null;
  }

  async countAdmins(scope: EntityScope): Promise<number> {
    return this.entityRoles.countBy({ entityId: scope.entityId, role: 'admin' });
  }

  async grantEntityRole(
    scope: EntityScope,
    fiscalCode: string,
    role: EntityRole,
    grantedBy: string | null,
  ): Promise<void> {
    await this.entityRoles.upsert({ entityId: scope.entityId, fiscalCode, role, grantedBy }, [
      'fiscalCode',
      'entityId',
    ]);
  }

  async revokeEntityRole(scope: EntityScope, fiscalCode: string): Promise<boolean> {
    const result = await this.entityRoles.delete({ entityId: scope.entityId, fiscalCode });
    return (result.affected ?? 0) > 0;
  }

  async setIntermediaryRole(
    fiscalCode: string,
    role: IntermediaryRole,
    grantedBy: string | null,
  ): Promise<void> {
    await this.intermediaryRoles.upsert({ fiscalCode, role, grantedBy }, ['fiscalCode']);
  }
}
