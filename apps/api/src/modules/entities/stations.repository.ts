import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { CreditorEntity } from './creditor-entity.entity';
import { Station } from './station.entity';

@Injectable()
export class StationsRepository {
  constructor(@InjectRepository(Station) private readonly stations: Repository<Station>) {}

  findAll(): Promise<Station[]> {
    return this.stations.find({ order: { stationCode: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<Station | null> {
    return (manager?.getRepository(Station) ?? this.stations).findOneBy({ id });
  }

  codeTaken(manager: EntityManager, stationCode: string): Promise<boolean> {
    return manager.getRepository(Station).existsBy({ stationCode });
  }

  async entitiesPerStation(): Promise<Map<string, number>> {
    const rows: { stationId: string; count: string }[] = await this.stations.manager
      .getRepository(CreditorEntity)
      .createQueryBuilder('e')
      .select('e.station_id', 'stationId')
      .addSelect('count(*)', 'count')
      .where('e.station_id IS NOT NULL')
      .groupBy('e.station_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.stationId, Number(row.count)]));
  }

  async insert(manager: EntityManager, values: Partial<Station>): Promise<string> {
    const result = await manager.getRepository(Station).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(manager: EntityManager, id: string, values: Partial<Station>): Promise<void> {
    if (Object.keys(values).length > 0) await manager.getRepository(Station).update({ id }, values);
  }
}
