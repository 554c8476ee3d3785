export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 8;

export type Errors<K extends string> = Partial<Record<K | 'form', string>>;

export function emailError(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address';
  if (!EMAIL.test(value.trim())) return 'Enter a valid email address, like you@company.com';
  return undefined;
}

export function newPasswordError(value: string): string | undefined {
  if (value.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters`;
  return undefined;
}

/** Drops undefined entries so `Object.keys(errors).length` counts real problems. */
export function compact<T extends Record<string, string | undefined>>(errors: T): Partial<T> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Partial<T>;
}
