import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Callout, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { supabase } from '../lib/supabase';
import { Field } from './field';

interface Errors { full_name?: string; email?: string; password?: string; form?: string }

function validate(form: FormData): Errors {
  const errors: Errors = {};
  if (String(form.get('full_name')).trim().length < 2) errors.full_name = 'Tell us your name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(form.get('email')))) errors.email = 'Enter a valid email address';
  if (String(form.get('password')).length < 8) errors.password = 'Use at least 8 characters';
  return errors;
}

export default function Signup() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const { error } = await supabase().auth.signUp({
      email: String(form.get('email')),
      password: String(form.get('password')),
      options: { data: { full_name: String(form.get('full_name')).trim() } },
    });
    setBusy(false);
    if (error) return setErrors(error.name === 'AuthWeakPasswordError' ? { password: error.message } : { form: error.message });
    navigate(params.get('next') ?? '/onboarding');
  }

  return (
    <form onSubmit={submit} onInput={() => Object.keys(errors).length && setErrors({})} noValidate data-testid="signup-form">
      <Flex direction="column" gap="4">
        <div>
          <Heading size="7" mb="1" style={{ letterSpacing: '-0.02em' }}>Create your account</Heading>
          <Text color="gray" size="2">Free for 14 days. No card needed.</Text>
        </div>
        {errors.form && (
          <Callout.Root color="red" role="alert"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{errors.form}</Callout.Text></Callout.Root>
        )}
        <Field id="full_name" name="full_name" label="Your name" autoComplete="name" error={errors.full_name} autoFocus placeholder="Ada Lovelace" />
        <Field id="email" name="email" type="email" label="Work email" autoComplete="email" error={errors.email} placeholder="you@company.com" />
        <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" error={errors.password} hint="At least 8 characters" />
        <Button size="3" type="submit" loading={busy} data-testid="signup-submit">Create account</Button>
        <Text size="2" color="gray" align="center">Already have an account? <RLink asChild><Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>Sign in</Link></RLink></Text>
      </Flex>
    </form>
  );
}
