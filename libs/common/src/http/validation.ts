import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorDetail } from '../errors/app-error';
import { badStrings, unsafeIntegers } from './string-rules';

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

/** Where @nestjs/swagger keeps each documented property's options (`nullable` among them). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * `null` only where the DTO documents the property as nullable: @IsOptional() (and PartialType's patches) let
 * null through to NOT NULL columns and to code that reads a string.
 */
function nullsNotAllowed(value: unknown, metatype: ArgumentMetadata['metatype']): ErrorDetail[] {
  if (!metatype || !value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: ErrorDetail[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v !== null) continue;
    const doc = Reflect.getMetadata(API_MODEL_PROPERTIES, metatype.prototype, key) as { nullable?: boolean } | undefined;
    if (doc && doc.nullable !== true) out.push({ field: key, code: 'validation.notNull' });
  }
  return out;
}

/**
 * Before the DTO rules, no null where the DTO does not allow it; in every body, query and path parameter: no NUL characters or lone surrogates in any
 * string (PostgreSQL refuses the first, the second is not text); after them, no whole number beyond 2^53
 * (?page=99999999999999999999).
 */
class KabarValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const strings = badStrings(value, metadata.data ?? '');
    if (strings.length) throw AppError.validation(strings);
    const nulls = metadata.type === 'body' ? nullsNotAllowed(value, metadata.metatype) : [];
    if (nulls.length) throw AppError.validation(nulls);
    const out = await super.transform(value, metadata);
    const numbers = unsafeIntegers(out, metadata.data ?? '');
    if (numbers.length) throw AppError.validation(numbers);
    return out;
  }
}

/** The global pipe: unknown fields refused, payloads transformed to their DTO classes, odd text and numbers refused. */
export function createValidationPipe(): ValidationPipe {
  return new KabarValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(toDetails(errors)),
  });
}
