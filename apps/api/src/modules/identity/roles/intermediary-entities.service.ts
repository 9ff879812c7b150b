import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { CreditorEntity } from '../../entities/creditor-entity.entity';
import { type EntityScope } from '../authorization/principal';

/** Intermediary staff act on any entity: the scope is the entity named in the path, once it is known to exist. */
@Injectable()
export class IntermediaryEntitiesService {
  constructor(@InjectRepository(CreditorEntity) private readonly entities: Repository<CreditorEntity>) {}

  async scopeOf(entityId: string): Promise<EntityScope> {
    if (!(await this.entities.existsBy({ id: entityId }))) {
      throw new ApiException(ApiErrorCode.NotFound, 'Ente non trovato.', HttpStatus.NOT_FOUND);
    }
    return { entityId };
  }
}
