import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Callout, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { CheckCircledIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { supabase } from '../lib/supabase';
import { Field } from './field';

export default function ForgotPassword() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const email = String(new FormData(event.currentTarget).get('email'));
    const { error } = await supabase().auth.resetPasswordForEmail(email, { redirectTo: `${window.location.origin}/reset-password` });
    setBusy(false);
    if (error) return setError(error.message);
    setSent(true);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="4">
        <div>
          <Heading size="7" mb="1">Reset your password</Heading>
          <Text color="gray" size="2">We'll email you a link to choose a new one.</Text>
        </div>
        {sent && <Callout.Root color="green" role="status"><Callout.Icon><CheckCircledIcon /></Callout.Icon><Callout.Text>If an account exists for that address, a reset link is on its way.</Callout.Text></Callout.Root>}
        {error && <Callout.Root color="red" role="alert"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{error}</Callout.Text></Callout.Root>}
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" required autoFocus />
        <Button size="3" type="submit" loading={busy}>Send reset link</Button>
        <Text size="2" align="center"><RLink asChild><Link to="/login">Back to sign in</Link></RLink></Text>
      </Flex>
    </form>
  );
}
