import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '@kabar/common';

/** A path id that must be a UUID: 400 with the translated validation message otherwise (as in @kabar/org). */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => AppError.validation([{ field, code: 'validation.isUuid' }]) });
}
