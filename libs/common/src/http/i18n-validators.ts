import { ValidationOptions } from 'class-validator';

/**
 * class-validator keeps constraint values out of the error; these pass them as context so the
 * translated message can say "At most 200 characters". Use as: @MaxLength(200, v({ max: 200 })).
 */
export function v(params: Record<string, unknown>, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, context: params };
}
