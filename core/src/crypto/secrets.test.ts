import { describe, expect, it } from '@jest/globals';
import { isSealed, seal, unseal } from './secrets.js';

describe('sealed secrets', () => {
  it('round-trips and never stores the plain value', () => {
    const sealed = seal({ hmac_secret: 's3cret-value' }, 'key-1');
    expect(JSON.stringify(sealed)).not.toContain('s3cret-value');
    expect(isSealed(sealed)).toBe(true);
    expect(unseal(sealed, 'key-1')).toEqual({ hmac_secret: 's3cret-value' });
  });

  it('refuses the wrong key and tampered data', () => {
    const sealed = seal('x', 'key-1');
    expect(() => unseal(sealed, 'key-2')).toThrow();
    const tampered = { ...sealed, data: Buffer.from('y').toString('base64') };
    expect(() => unseal(tampered, 'key-1')).toThrow();
  });
});
