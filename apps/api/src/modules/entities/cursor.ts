import { HttpStatus } from '@nestjs/common';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';

export function encodeCursor(position: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.name, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  } catch {
    // fall through to the error below
  }
  throw new ApiException(ApiErrorCode.ValidationFailed, 'Il cursore non è valido.', HttpStatus.BAD_REQUEST, [
    {
      field: 'cursor',
      message: 'cursor non valido: usa il nextCursor della pagina precedente',
      rule: 'cursor',
    },
  ]);
}
