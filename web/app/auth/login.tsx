import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { safeNext, supabase } from '../lib/supabase';
import { Field } from './field';
import { ErrorCallout } from './form-error';
import { compact, emailError, type Errors } from './validation';
import { redirectIfSignedIn } from './redirect-if-signed-in';

export const clientLoader = redirectIfSignedIn;

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<Errors<'email' | 'password'>>({});
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found = compact({ email: emailError(email), password: password ? undefined : 'Enter your password' });
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const { error } = await supabase().auth.signInWithPassword({ email, password });
    setBusy(false);
    if (error) return setErrors({ form: error.message });
    navigate(safeNext(next, '/'), { replace: true });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="login-form" aria-labelledby="login-title">
      <Flex direction="column" gap="4">
        <div>
          <Heading id="login-title" size="7" mb="1" className="tight">Welcome back</Heading>
          <Text color="gray" size="2">Sign in to your team's inbox.</Text>
        </div>
        <ErrorCallout testId="login-error">{errors.form}</ErrorCallout>
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" defaultValue={params.get('email') ?? undefined} autoFocus placeholder="you@company.com" error={errors.email} />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" error={errors.password}
          labelAside={<RLink asChild size="2"><Link to="/forgot-password" data-testid="forgot-password-link">Forgot password?</Link></RLink>} />
        <Button size="3" type="submit" loading={busy} data-testid="login-submit">Sign in</Button>
        <Text size="2" color="gray" align="center">New to CrossChat? <RLink asChild><Link to={withNext('/signup')} data-testid="to-signup">Create an account</Link></RLink></Text>
      </Flex>
    </form>
  );
}
