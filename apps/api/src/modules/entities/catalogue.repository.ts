import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { DueType } from './due-type.entity';
import { EntityAccount } from './entity-account.entity';

@Injectable()
export class CatalogueRepository {
  constructor(
    @InjectRepository(EntityAccount) private readonly accounts: Repository<EntityAccount>,
    @InjectRepository(DueType) private readonly dueTypes: Repository<DueType>,
  ) {}

  accountsOf(entityId: string): Promise<EntityAccount[]> {
    return this.accounts.find({
      where: { entityId },
      order: { active: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  findAccount(entityId: string, id: string, manager?: EntityManager): Promise<EntityAccount | null> {
    return (manager?.getRepository(EntityAccount) ?? this.accounts).findOneBy({ entityId, id });
  }

  accountWithIban(manager: EntityManager, entityId: string, iban: string): Promise<boolean> {
    return manager.getRepository(EntityAccount).existsBy({ entityId, iban });
  }

  async insertAccount(manager: EntityManager, values: Partial<EntityAccount>): Promise<string> {
    const result = await manager.getRepository(EntityAccount).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async updateAccount(manager: EntityManager, id: string, values: Partial<EntityAccount>): Promise<void> {
    if (Object.keys(values).length > 0) await manager.getRepository(EntityAccount).update({ id }, values);
  }

  /** Active due types crediting the account by default. */
  countActiveDueTypesOnAccount(manager: EntityManager, accountId: string): Promise<number> {
    return manager.getRepository(DueType).countBy({ accountId, active: true });
  }

  dueTypesOf(entityId: string, filter: { spontaneous?: boolean; active?: boolean } = {}): Promise<DueType[]> {
    return this.dueTypes.find({ where: { entityId, ...filter }, order: { name: 'ASC', id: 'ASC' } });
  }

  findDueType(entityId: string, id: string, manager?: EntityManager): Promise<DueType | null> {
    return (manager?.getRepository(DueType) ?? this.dueTypes).findOneBy({ entityId, id });
  }

  dueTypeCodeTaken(manager: EntityManager, entityId: string, code: string): Promise<boolean> {
    return manager.getRepository(DueType).existsBy({ entityId, code });
  }

  async insertDueType(manager: EntityManager, values: Partial<DueType>): Promise<string> {
    const result = await manager.getRepository(DueType).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async updateDueType(manager: EntityManager, id: string, values: Partial<DueType>): Promise<void> {
    if (Object.keys(values).length > 0) await manager.getRepository(DueType).update({ id }, values);
  }
}
