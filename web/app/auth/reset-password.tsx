import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { supabase } from '../lib/supabase';
import { Field } from './field';

/** The recovery link lands here with token_hash; verifying it signs in, then the new password is saved. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    if (password.length < 8) return setError('Use at least 8 characters');
    setBusy(true);
    const tokenHash = params.get('token_hash');
    if (tokenHash) {
      const verified = await supabase().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
      if (verified.error) {
        setBusy(false);
        return setError(verified.error.message);
      }
    }
    const { error } = await supabase().auth.updateUser({ password });
    setBusy(false);
    if (error) return setError(error.message);
    navigate('/');
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="4">
        <div>
          <Heading size="7" mb="1">Choose a new password</Heading>
          <Text color="gray" size="2">You'll be signed in right after.</Text>
        </div>
        {error && <Callout.Root color="red" role="alert"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{error}</Callout.Text></Callout.Root>}
        <Field id="password" name="password" type="password" label="New password" autoComplete="new-password" autoFocus hint="At least 8 characters" />
        <Button size="3" type="submit" loading={busy}>Save and sign in</Button>
      </Flex>
    </form>
  );
}
