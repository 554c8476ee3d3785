import { ValidateBy, ValidateIf, buildMessage, isEmail, isUUID, type ValidationOptions } from 'class-validator';

/**
 * Shared DTO rules for input that would otherwise reach the database and fail there (a 500):
 * nulls in NOT NULL columns, characters Postgres cannot store, cursors it cannot cast.
 */

/**
 * The field may be omitted, but not nulled: runs the field's other validators unless it is
 * absent. (`@IsOptional()` also lets `null` through, which then lands in a NOT NULL column or
 * wipes a setting.)
 */
export const IsOmittable = () => ValidateIf((_, value) => value !== undefined);

/** NUL, which Postgres text and jsonb cannot hold, and UTF-16 halves without their pair, which jsonb refuses. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (value: unknown): boolean => typeof value !== 'string' || !UNSTORABLE.test(value);

/** Strings (or, with `each`, the strings of an array) without NUL characters or broken Unicode. Other types pass: @IsString reports those. */
export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isStorableText',
    validator: {
      validate: isStorableText,
      defaultMessage: buildMessage((each) => `${each}$property must not contain NUL characters or broken Unicode`, options),
    },
  }, options);
}

/**
 * @IsEmail, minus its crash: validator's isEmail throws a URIError (a 500) on a string with
 * broken Unicode. Such strings are simply not emails.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value) => typeof value === 'string' && isStorableText(value) && isEmail(value),
      defaultMessage: buildMessage((each) => `${each}$property must be an email`, options),
    },
  }, options);
}

const storableJson = (value: unknown, depth = 0): boolean => {
  if (depth > 32) return false;
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every((v) => storableJson(v, depth + 1));
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => isStorableText(k) && storableJson(v, depth + 1));
  return true;
};

/** Free-form JSON (metadata) whose keys and strings Postgres jsonb can store. */
export function IsStorableJson(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isStorableJson',
    validator: {
      validate: (value) => storableJson(value),
      defaultMessage: buildMessage((each) => `${each}$property must not contain NUL characters, broken Unicode or nesting deeper than 32 levels`, options),
    },
  }, options);
}

/** The timestamps encodeCursor writes: what Postgres reads back as timestamptz. */
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

export function isCursor(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === '') return true; // no cursor: the first page
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown } | null;
    return !!parsed && typeof parsed.at === 'string' && CURSOR_AT.test(parsed.at) && !Number.isNaN(Date.parse(parsed.at))
      && typeof parsed.id === 'string' && isUUID(parsed.id);
  } catch {
    return false;
  }
}

/** A `next_cursor` as the list endpoints hand it out (or empty: the first page). */
export function IsCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isCursor',
    validator: {
      validate: isCursor,
      defaultMessage: buildMessage(() => 'cursor is not valid: pass the next_cursor of the previous page', options),
    },
  }, options);
}
