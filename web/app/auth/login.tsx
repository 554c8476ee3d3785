import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Callout, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { supabase } from '../lib/supabase';
import { Field } from './field';

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { error } = await supabase().auth.signInWithPassword({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (error) return setError(error.message);
    navigate(params.get('next') ?? '/');
  }

  return (
    <form onSubmit={submit} noValidate data-testid="login-form">
      <Flex direction="column" gap="4">
        <div>
          <Heading size="7" mb="1" style={{ letterSpacing: '-0.02em' }}>Welcome back</Heading>
          <Text color="gray" size="2">Sign in to your team's inbox.</Text>
        </div>
        {error && (
          <Callout.Root color="red" role="alert"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{error}</Callout.Text></Callout.Root>
        )}
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" required autoFocus placeholder="you@company.com" />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        <Flex justify="end"><RLink asChild size="2"><Link to="/forgot-password">Forgot password?</Link></RLink></Flex>
        <Button size="3" type="submit" loading={busy} data-testid="login-submit">Sign in</Button>
        <Text size="2" color="gray" align="center">New to CrossChat? <RLink asChild><Link to="/signup">Create an account</Link></RLink></Text>
      </Flex>
    </form>
  );
}
