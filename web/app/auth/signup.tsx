import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { safeNext, supabase } from '../lib/supabase';
import { Field } from './field';
import { ErrorCallout } from './form-error';
import { compact, emailError, newPasswordError, type Errors } from './validation';
import { redirectIfSignedIn } from './redirect-if-signed-in';

export const clientLoader = redirectIfSignedIn;

type Key = 'full_name' | 'email' | 'password';

function validate(form: FormData): Errors<Key> {
  return compact({
    full_name: String(form.get('full_name') ?? '').trim().length < 2 ? 'Tell us your name' : undefined,
    email: emailError(String(form.get('email') ?? '')),
    password: newPasswordError(String(form.get('password') ?? '')),
  });
}

export default function Signup() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<Errors<Key>>({});
  const [busy, setBusy] = useState(false);
  const next = params.get('next');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const { data, error } = await supabase().auth.signUp({
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
      options: { data: { full_name: String(form.get('full_name')).trim() } },
    });
    setBusy(false);
    if (error) {
      if (error.name === 'AuthWeakPasswordError' || /password/i.test(error.message)) return setErrors({ password: error.message });
      if (/already|registered|exists/i.test(error.message)) return setErrors({ email: 'An account with this email already exists. Sign in instead.' });
      return setErrors({ form: error.message });
    }
    // Without a session the project requires e-mail confirmation before the first sign-in.
    if (!data.session) return setErrors({ form: 'Check your inbox: confirm your email address, then sign in.' });
    navigate(safeNext(next, '/onboarding'), { replace: true });
  }

  const clear = (key: Key) => () => errors[key] && setErrors(({ [key]: _, ...rest }) => rest);

  return (
    <form onSubmit={submit} noValidate data-testid="signup-form" aria-labelledby="signup-title">
      <Flex direction="column" gap="4">
        <div>
          <Heading id="signup-title" size="7" mb="1" className="tight">Create your account</Heading>
          <Text color="gray" size="2">Free for 14 days. No credit card needed.</Text>
        </div>
        <ErrorCallout testId="signup-error">{errors.form}</ErrorCallout>
        <Field id="full_name" name="full_name" label="Your name" autoComplete="name" error={errors.full_name} onInput={clear('full_name')} autoFocus placeholder="Ada Lovelace" />
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" defaultValue={params.get('email') ?? undefined} error={errors.email} onInput={clear('email')} placeholder="you@company.com" />
        <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" error={errors.password} onInput={clear('password')} hint="At least 8 characters" />
        <Button size="3" type="submit" loading={busy} data-testid="signup-submit">Create account</Button>
        <Text size="1" color="gray" align="center">By creating an account you agree to the Terms of Service and Privacy Policy.</Text>
        <Text size="2" color="gray" align="center">Already have an account? <RLink asChild><Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'} data-testid="to-login">Sign in</Link></RLink></Text>
      </Flex>
    </form>
  );
}
