import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ENTITY_ROLES,
  type EntityRole,
  INTERMEDIARY_ROLES,
  type IntermediaryRole,
} from '@pagamenti/contracts';
import { isValidPersonFiscalCode } from '@pagamenti/pagopa';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CreditorEntity } from '../entities/creditor-entity.entity';
import { EntityRoleGrant, IntermediaryRoleGrant, Person } from './identity.entities';

interface DemoOperators {
  intermediaryStaff: { fiscalCode: string; name: string; familyName: string; role: IntermediaryRole }[];
  entityUsers: {
    fiscalCode: string;
    name: string;
    familyName: string;
    roles: { entityFiscalCode: string; role: EntityRole }[];
  }[];
}

/** Roles of the demo logins (`tools/demo/operators.json`), matching the simulator's test identities. Idempotent. */
@Injectable()
export class IdentityDemoSeedService {
  private readonly logger = new Logger(IdentityDemoSeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<{ grants: number }> {
    const data = JSON.parse(
      await readFile(join(this.config.demoDataDir, 'operators.json'), 'utf8'),
    ) as DemoOperators;
    const problems: string[] = [];
    const people = [...data.intermediaryStaff, ...data.entityUsers];
    for (const person of people) {
      if (!isValidPersonFiscalCode(person.fiscalCode))
        problems.push(`operators.json: codice fiscale non valido ${person.fiscalCode}`);
    }
    for (const staff of data.intermediaryStaff) {
      if (!INTERMEDIARY_ROLES.includes(staff.role))
        problems.push(`operators.json: ruolo ${staff.role} sconosciuto`);
    }
    let grants = 0;
    await this.dataSource.transaction(async (manager) => {
      const entities = await manager.find(CreditorEntity, { select: { id: true, fiscalCode: true } });
      const idOf = new Map(entities.map((entity) => [entity.fiscalCode, entity.id]));
      const roleRows = data.entityUsers.flatMap((user) =>
        user.roles.map((grant) => {
          const entityId = idOf.get(grant.entityFiscalCode);
          if (!entityId) problems.push(`operators.json: ente ${grant.entityFiscalCode} sconosciuto`);
          if (!ENTITY_ROLES.includes(grant.role))
            problems.push(`operators.json: ruolo ${grant.role} sconosciuto`);
          return { fiscalCode: user.fiscalCode, entityId: entityId ?? '', role: grant.role, grantedBy: null };
        }),
      );
      if (problems.length > 0) throw new Error(`Dati dimostrativi non validi:\n${problems.join('\n')}`);
      await manager.upsert(
        Person,
        people.map((p) => ({
          fiscalCode: p.fiscalCode,
          givenName: p.name,
          familyName: p.familyName,
          email: null,
        })),
        ['fiscalCode'],
      );
      await manager.upsert(
        IntermediaryRoleGrant,
        data.intermediaryStaff.map((s) => ({ fiscalCode: s.fiscalCode, role: s.role, grantedBy: null })),
        ['fiscalCode'],
      );
      await manager.upsert(EntityRoleGrant, roleRows, ['fiscalCode', 'entityId']);
      grants = roleRows.length + data.intermediaryStaff.length;
    });
    this.logger.log(`Demo roles loaded: ${grants} grants`);
    return { grants };
  }
}
