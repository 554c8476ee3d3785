import { useState } from 'react';
import { Link, useLoaderData, useNavigate, type ClientLoaderFunctionArgs } from 'react-router';
import { Button, Callout, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { api, ApiError } from '../lib/api';
import { currentSession } from '../lib/supabase';
import { ROLE_LABEL, type Role } from '../lib/types';

interface InvitationInfo { business_id: string; business_name: string; email: string; role: Role }

export async function clientLoader({ params }: ClientLoaderFunctionArgs) {
  const session = await currentSession();
  try {
    const invitation = await api<InvitationInfo>(`/invitations/${params.token}`);
    return { invitation, error: null, signedInAs: session?.user.email ?? null };
  } catch (e) {
    return { invitation: null, error: (e as ApiError).message, signedInAs: session?.user.email ?? null };
  }
}

export default function AcceptInvitation() {
  const { invitation, error, signedInAs } = useLoaderData<typeof clientLoader>();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const next = encodeURIComponent(window.location.pathname);
  if (!invitation) {
    return <Callout.Root color="red"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{error}</Callout.Text></Callout.Root>;
  }
  return (
    <Flex direction="column" gap="4">
      <Heading size="7">Join {invitation.business_name}</Heading>
      <Text color="gray">You were invited as <b>{ROLE_LABEL[invitation.role]}</b> ({invitation.email}).</Text>
      {failure && <Callout.Root color="red"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{failure}</Callout.Text></Callout.Root>}
      {signedInAs ? (
        <Button size="3" onClick={() => void api<{ business_id: string }>(`/invitations/${window.location.pathname.split('/').pop()}/accept`, { method: 'POST' })
          .then((r) => navigate(`/app/${r.business_id}/inbox`)).catch((e: Error) => setFailure(e.message))}>Accept as {signedInAs}</Button>
      ) : (
        <Flex direction="column" gap="2">
          <Button size="3" asChild><Link to={`/signup?next=${next}`}>Create an account to join</Link></Button>
          <Text size="2" align="center">Have an account? <RLink asChild><Link to={`/login?next=${next}`}>Sign in</Link></RLink></Text>
        </Flex>
      )}
    </Flex>
  );
}
