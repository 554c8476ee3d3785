import { useState } from 'react';
import { Link, useLoaderData, useNavigate, useParams, type ClientLoaderFunctionArgs } from 'react-router';
import { Badge, Button, Flex, Heading, Link as RLink, Text } from '@radix-ui/themes';
import { EnvelopeOpenIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { currentSession, signOut } from '../lib/supabase';
import { ROLE_LABEL, type Role } from '../lib/types';
import { ErrorCallout } from '../auth/form-error';

interface InvitationInfo { business_id: string; business_name: string; email: string; role: Role; expires_at: string }

export async function clientLoader({ params }: ClientLoaderFunctionArgs) {
  const session = await currentSession();
  const signedInAs = session?.user.email ?? null;
  try {
    const invitation = await api<InvitationInfo>(`/invitations/${encodeURIComponent(params.token!)}`);
    return { invitation, error: null, signedInAs };
  } catch (e) {
    return { invitation: null, error: errorMessage(e), signedInAs };
  }
}

/** `/invitations/:token`: see the invitation, sign in or sign up as the invited address, accept. */
export default function AcceptInvitation() {
  const { invitation, error, signedInAs } = useLoaderData<typeof clientLoader>();
  const { token } = useParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = encodeURIComponent(`/invitations/${token}`);
  const withEmail = invitation ? `&email=${encodeURIComponent(invitation.email)}` : '';

  if (!invitation) {
    return (
      <Flex direction="column" gap="4" data-testid="invitation-invalid">
        <Heading size="6" className="tight">This invitation can't be used</Heading>
        <ErrorCallout>{error}</ErrorCallout>
        <Text size="2" color="gray">Ask the person who invited you to send a new invitation.</Text>
        <Button asChild variant="soft"><Link to="/">Go to CrossChat</Link></Button>
      </Flex>
    );
  }

  const wrongAccount = !!signedInAs && signedInAs.toLowerCase() !== invitation.email.toLowerCase();

  async function accept() {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api<{ business_id: string }>(`/invitations/${encodeURIComponent(token!)}/accept`, { method: 'POST' });
      navigate(`/app/${r.business_id}/inbox`, { replace: true });
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" gap="4" data-testid="invitation">
      <span className="setup-icon" aria-hidden="true"><EnvelopeOpenIcon width={18} height={18} /></span>
      <div>
        <Heading size="6" className="tight" mb="1">Join {invitation.business_name}</Heading>
        <Text size="2" color="gray">You were invited to CrossChat as <Badge variant="soft">{ROLE_LABEL[invitation.role]}</Badge> for <b>{invitation.email}</b>.</Text>
      </div>
      <ErrorCallout>{failure}</ErrorCallout>
      {signedInAs && !wrongAccount && (
        <Button size="3" loading={busy} onClick={() => void accept()} data-testid="invitation-accept">Accept and join {invitation.business_name}</Button>
      )}
      {wrongAccount && (
        <Flex direction="column" gap="3">
          <ErrorCallout>You're signed in as {signedInAs}, but this invitation is for {invitation.email}.</ErrorCallout>
          <Button size="3" variant="soft" onClick={() => void signOut().then(() => navigate(`/login?next=${next}`))}>Sign out and switch account</Button>
        </Flex>
      )}
      {!signedInAs && (
        <Flex direction="column" gap="3">
          <Button size="3" asChild><Link to={`/signup?next=${next}${withEmail}`} data-testid="invitation-signup">Create an account to join</Link></Button>
          <Text size="2" color="gray" align="center">Already use CrossChat? <RLink asChild><Link to={`/login?next=${next}${withEmail}`} data-testid="invitation-login">Sign in</Link></RLink></Text>
        </Flex>
      )}
    </Flex>
  );
}
