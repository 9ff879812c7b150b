import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EntityParam } from '../../entities/dto/params';

export class PositionParam extends EntityParam {
  @ApiProperty({ example: 'TARI-2026-000123', description: 'Identificativo della posizione nell’ente' })
  @Matches(/^[A-Za-z0-9._-]{1,70}$/, { message: 'iupd non valido' })
  iupd: string;
}

export class NoticeNumberParam extends EntityParam {
  @ApiProperty({ example: '307000000000001234', description: 'Numero avviso, 18 cifre' })
  @Matches(/^\d{18}$/, { message: 'noticeNumber deve avere 18 cifre' })
  noticeNumber: string;
}

export class IuvParam extends EntityParam {
  @ApiProperty({ example: '07000000000001234' })
  @Matches(/^[A-Za-z0-9]{1,35}$/, { message: 'iuv non valido' })
  iuv: string;
}
