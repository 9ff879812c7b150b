import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Intermediary } from './intermediary.entity';

@Injectable()
export class IntermediaryRepository {
  constructor(@InjectRepository(Intermediary) private readonly intermediary: Repository<Intermediary>) {}

  find(): Promise<Intermediary | null> {
    return this.intermediary.findOneBy({ id: 1 });
  }

  async save(values: { name: string; fiscalCode: string }): Promise<void> {
    await this.intermediary.upsert({ id: 1, ...values }, { conflictPaths: ['id'] });
  }
}
