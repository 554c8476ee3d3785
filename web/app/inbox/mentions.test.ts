import { describe, expect, it } from '@jest/globals';
import type { TeamMember } from '../lib/types';
import { mentionedMembers } from './mentions';

const member = (id: string, full_name: string | null, email: string) => ({ id, user: { full_name, email } }) as unknown as TeamMember;
const team = [member('m1', 'Ada Lovelace', 'ada@acme.test'), member('m2', 'Grace Hopper', 'grace@acme.test'), member('m3', null, 'linus@acme.test')];

describe('mentionedMembers', () => {
  it('finds teammates by first name, full name or email', () => {
    expect(mentionedMembers('@ada can you check?', team)).toEqual(['m1']);
    expect(mentionedMembers('cc @Grace Hopper and @linus', team)).toEqual(['m2', 'm3']);
    expect(mentionedMembers('ask @ada@acme.test', team)).toEqual(['m1']);
  });

  it('ignores emails and partial words', () => {
    expect(mentionedMembers('write to ada@acme.test', team)).toEqual([]);
    expect(mentionedMembers('@adam is not Ada', team)).toEqual([]);
  });
});
