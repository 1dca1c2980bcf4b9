import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorDetail } from '../errors/app-error';

const CONSTRAINT_KEYS: Record<string, string> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  whitelistValidation: 'unknownField',
  isUuid: 'isUuid',
  isEmail: 'isEmail',
  isEnum: 'isEnum',
  isIn: 'isIn',
};

/** class-validator puts its limits only in its English message; recover them for our own wording. */
function paramsFromMessage(constraint: string, message: string): Record<string, unknown> {
  const num = /(-?\d+(?:\.\d+)?)/.exec(message)?.[1];
  if (/^(maxLength|max|arrayMaxSize)$/.test(constraint) && num) return { max: Number(num) };
  if (/^(minLength|min|arrayMinSize)$/.test(constraint) && num) return { min: Number(num) };
  if (/^(isIn|isEnum)$/.test(constraint)) return { values: message.split(':').slice(1).join(':').trim() };
  return {};
}

/** Turns class-validator's findings into i18n codes with parameters, one per field. */
export function toDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const [name] = Object.keys(e.constraints);
      const ctx = (e.contexts?.[name] ?? {}) as Record<string, unknown>;
      out.push({ field, code: `validation.${CONSTRAINT_KEYS[name] ?? name}`, params: { ...paramsFromMessage(name, e.constraints[name]), ...ctx } });
    }
    if (e.children?.length) out.push(...toDetails(e.children, field));
  }
  return out;
}

/** The global pipe: unknown fields refused, payloads transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(toDetails(errors)),
  });
}
