import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '@kabar/common';

/** A path id that must be a UUID; anything else is a 400 naming the field in the caller's language. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => AppError.validation([{ field, code: 'validation.isUuid' }]) });
}
