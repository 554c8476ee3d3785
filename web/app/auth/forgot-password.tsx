import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { supabase } from '../lib/supabase';
import { Field } from './field';
import { ErrorCallout, SuccessCallout } from './form-error';
import { emailError } from './validation';

export default function ForgotPassword() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<{ email?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const invalid = emailError(email);
    if (invalid) return setError({ email: invalid });
    setBusy(true);
    setError({});
    const { error } = await supabase().auth.resetPasswordForEmail(email, { redirectTo: `${window.location.origin}/reset-password` });
    setBusy(false);
    if (error) return setError({ form: error.message });
    setSentTo(email);
  }

  return (
    <form onSubmit={submit} noValidate data-testid="forgot-form" aria-labelledby="forgot-title">
      <Flex direction="column" gap="4">
        <div>
          <Heading id="forgot-title" size="7" mb="1" className="tight">Reset your password</Heading>
          <Text color="gray" size="2">Enter your account's email and we'll send you a link to choose a new password.</Text>
        </div>
        <SuccessCallout testId="forgot-sent">{sentTo && <>If an account exists for <b>{sentTo}</b>, a reset link is on its way. Check your inbox.</>}</SuccessCallout>
        <ErrorCallout>{error.form}</ErrorCallout>
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" autoFocus placeholder="you@company.com" error={error.email} />
        <Button size="3" type="submit" loading={busy} data-testid="forgot-submit">{sentTo ? 'Send again' : 'Send reset link'}</Button>
        <Text size="2" align="center"><RLink asChild><Link to="/login"><ArrowLeftIcon style={{ verticalAlign: '-2px' }} /> Back to sign in</Link></RLink></Text>
      </Flex>
    </form>
  );
}
