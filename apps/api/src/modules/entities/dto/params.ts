import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id deve essere un UUID' })
  id: string;
}

export class ChecklistItemParam extends IdParam {
  @ApiProperty({ example: 'test-payment' })
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'key non valida' })
  key: string;
}

export class EntityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'entityId deve essere un UUID' })
  entityId: string;
}

export class EntityItemParam extends EntityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id deve essere un UUID' })
  id: string;
}
