import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { supabase } from '../lib/supabase';
import { Field } from './field';
import { ErrorCallout } from './form-error';
import { newPasswordError } from './validation';

/** The recovery link lands here with token_hash; verifying it signs in, then the new password is saved. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<{ password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const invalid = newPasswordError(password);
    if (invalid) return setError({ password: invalid });
    setBusy(true);
    setError({});
    const tokenHash = params.get('token_hash');
    if (tokenHash) {
      const verified = await supabase().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
      if (verified.error) {
        setBusy(false);
        return setError({ form: `${verified.error.message}. Ask for a new reset link.` });
      }
    }
    const { error } = await supabase().auth.updateUser({ password });
    setBusy(false);
    if (error) return setError({ form: error.message });
    navigate('/', { replace: true });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-title">
      <Flex direction="column" gap="4">
        <div>
          <Heading id="reset-title" size="7" mb="1" className="tight">Choose a new password</Heading>
          <Text color="gray" size="2">You'll be signed in right after.</Text>
        </div>
        <ErrorCallout>{error.form}</ErrorCallout>
        <Field id="password" name="password" type="password" label="New password" autoComplete="new-password" autoFocus hint="At least 8 characters" error={error.password} />
        <Button size="3" type="submit" loading={busy}>Save and sign in</Button>
      </Flex>
    </form>
  );
}
