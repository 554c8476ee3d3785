import { useRef, useState } from 'react';
import { Badge, Flex, IconButton, Text, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, FileIcon, Link2Icon } from '@radix-ui/react-icons';
import { config } from '../lib/config';
import { currentSession } from '../lib/supabase';

export interface Attachment { url: string; type: string; size: number; name: string; signed_url?: string }

/** Paperclip: uploads to the API (which sniffs and limits the file) and returns the attachment. */
export function AttachButton({ businessId, onAttached, onError }: { businessId: string; onAttached: (a: Attachment) => void; onError: (message: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function upload(file: File) {
    setBusy(true);
    try {
      const session = await currentSession();
      const form = new FormData();
      form.append('file', file);
      const res = await fetch(`${config().apiUrl}/attachments?business_id=${businessId}`, { method: 'POST', headers: session ? { authorization: `Bearer ${session.access_token}` } : {}, body: form });
      const body = await res.json();
      if (!res.ok) throw new Error(Array.isArray(body.message) ? body.message.join(', ') : body.message);
      onAttached({ url: body.url, type: body.type, size: body.size, name: body.name, signed_url: body.signed_url });
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }
  return (
    <>
      <input ref={input} type="file" hidden onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} data-testid="attach-input" />
      <Tooltip content="Attach a file (images, PDF, audio, video, text; 10 MB)">
        <IconButton variant="ghost" color="gray" loading={busy} onClick={() => input.current?.click()} aria-label="Attach a file"><Link2Icon /></IconButton>
      </Tooltip>
    </>
  );
}

export function PendingAttachments({ items, onRemove }: { items: Attachment[]; onRemove: (a: Attachment) => void }) {
  if (!items.length) return null;
  return (
    <Flex gap="2" wrap="wrap" mb="2">
      {items.map((a) => (
        <Badge key={a.url} size="2" variant="soft" color="gray">
          <FileIcon /> {a.name}
          <IconButton size="1" variant="ghost" color="gray" aria-label={`Remove ${a.name}`} onClick={() => onRemove(a)}><Cross2Icon /></IconButton>
        </Badge>
      ))}
    </Flex>
  );
}

export function MessageAttachments({ items }: { items: Attachment[] | undefined }) {
  if (!items?.length) return null;
  return (
    <Flex direction="column" gap="1" mt="1">
      {items.map((a) => a.type.startsWith('image/') && a.signed_url
        ? <img key={a.url} src={a.signed_url} alt={a.name} style={{ maxWidth: 220, maxHeight: 180, borderRadius: 8 }} />
        : <a key={a.url} href={a.signed_url} target="_blank" rel="noreferrer"><Text size="1"><FileIcon /> {a.name} ({Math.ceil(a.size / 1024)} KB)</Text></a>)}
    </Flex>
  );
}
