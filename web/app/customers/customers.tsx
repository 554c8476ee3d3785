import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Badge, Button, Callout, Card, Flex, Select, Skeleton, Spinner, Table, Text, TextField } from '@radix-ui/themes';
import { ChatBubbleIcon, ChevronRightIcon, ExclamationTriangleIcon, MagnifyingGlassIcon, PersonIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import { useShell } from '../shell/context';
import { EmptyState } from '../shell/empty-state';
import { PageHeader } from '../shell/page-header';
import { UserAvatar } from '../shell/user-avatar';
import { PlatformBadge } from '../inbox/platform';
import { ago, channelsOf, customerName, type Customer, type CustomerPage } from './types';

const PAGE_SIZE = 30;
const SEARCH_DELAY_MS = 300;
const ALL_TAGS = '__all';

interface List { key: string; rows: Customer[]; next: string | null; pages: number }

function Row({ c, businessId, from }: { c: Customer; businessId: string; from: string }) {
  const name = customerName(c);
  const contact = [c.email, c.phone].filter(Boolean).join(' · ');
  const channels = channelsOf(c);
  const tags = c.tags ?? [];
  return (
    <Table.Row align="center" className="customer-row" data-testid="customer-row">
      <Table.RowHeaderCell>
        <Flex gap="3" align="center" style={{ minWidth: 0 }}>
          <UserAvatar name={name} url={c.avatar_url} />
          <Flex direction="column" style={{ minWidth: 0 }}>
            {/* The link covers the whole row (see .customer-link in styles.css): one tab stop, Enter opens. */}
            <Link to={`/app/${businessId}/customers/${c.id}`} state={{ from }} className="customer-link" data-testid="customer-link">
              <Text size="2" weight="medium" truncate>{name}</Text>
            </Link>
            <Text size="1" color="gray" truncate>{contact || 'No contact details yet'}</Text>
          </Flex>
        </Flex>
      </Table.RowHeaderCell>
      <Table.Cell>
        {channels.length ? <Flex gap="1" wrap="wrap">{channels.map((p) => <PlatformBadge key={p} platform={p} />)}</Flex> : <Text size="2" color="gray">—</Text>}
      </Table.Cell>
      <Table.Cell>
        <Flex gap="1" wrap="wrap">
          {tags.slice(0, 3).map((t) => <Badge key={t} variant="soft" radius="full" color="gray">{t}</Badge>)}
          {tags.length > 3 && <Badge variant="outline" radius="full" color="gray" title={tags.slice(3).join(', ')}>+{tags.length - 3}</Badge>}
        </Flex>
      </Table.Cell>
      <Table.Cell justify="end"><Text size="2" className="num">{c.total_conversations}</Text></Table.Cell>
      <Table.Cell>
        <Flex align="center" justify="between" gap="2">
          <Text size="2" color="gray" wrap="nowrap" title={c.last_contact_at ? new Date(c.last_contact_at).toLocaleString() : 'No messages yet'}>{ago(c.last_contact_at)}</Text>
          <ChevronRightIcon className="customer-row-chevron" aria-hidden="true" />
        </Flex>
      </Table.Cell>
    </Table.Row>
  );
}

function LoadingRows() {
  return (
    <>
      {[0, 1, 2, 3, 4].map((i) => (
        <Table.Row key={i} align="center">
          <Table.Cell colSpan={5}>
            <Flex gap="3" align="center"><Skeleton width="32px" height="32px" style={{ borderRadius: 999 }} /><Flex direction="column" gap="2"><Skeleton width="180px" height="12px" /><Skeleton width="120px" height="10px" /></Flex></Flex>
          </Table.Cell>
        </Table.Row>
      ))}
    </>
  );
}

/** Everyone who wrote in, on any channel: one profile per person, searchable and filterable by tag. */
export default function Customers() {
  const { business } = useShell();
  const notify = useToast();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const tag = params.get('tag') ?? '';
  const key = `${business.id}\n${q}\n${tag}`;

  // The search box types ahead of the URL; the URL (and the list) follow after a pause.
  const [draft, setDraft] = useState(q);
  useEffect(() => { setDraft((d) => (d.trim() === q ? d : q)); }, [q]);
  useEffect(() => {
    if (draft.trim() === q) return;
    const timer = setTimeout(() => setParams((p) => {
      const next = new URLSearchParams(p);
      if (draft.trim()) next.set('q', draft.trim()); else next.delete('q');
      return next;
    }, { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, q, setParams]);

  const setTag = (value: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value && value !== ALL_TAGS) next.set('tag', value); else next.delete('tag');
    return next;
  }, { replace: true });
  const clearFilters = () => { setDraft(''); setParams({}, { replace: true }); };

  const [tagsInUse, setTagsInUse] = useState<string[]>([]);
  useEffect(() => {
    void api<string[]>(`/customers/tags?business_id=${business.id}`).then(setTagsInUse).catch(() => setTagsInUse([]));
  }, [business.id]);
  const tagOptions = tag && !tagsInUse.includes(tag) ? [tag, ...tagsInUse] : tagsInUse;

  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const queryFor = useCallback((cursor?: string) => new URLSearchParams({
    business_id: business.id, limit: String(PAGE_SIZE), ...(q ? { q } : {}), ...(tag ? { tag } : {}), ...(cursor ? { cursor } : {}),
  }), [business.id, q, tag]);

  // First page whenever the search or filter changes; the previous rows stay (dimmed) meanwhile.
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api<CustomerPage>(`/customers?${queryFor()}`, { signal: controller.signal })
      .then((page) => setList({ key, rows: page.data, next: page.next_cursor, pages: 1 }))
      .catch((e: unknown) => { if ((e as Error).name !== 'AbortError') setError(errorMessage(e)); });
    return () => controller.abort();
  }, [key, queryFor, retry]);

  const stale = list !== null && list.key !== key;
  const loadMore = useCallback(async () => {
    if (!list?.next || loadingMore || stale) return;
    const from = list.key;
    setLoadingMore(true);
    try {
      const page = await api<CustomerPage>(`/customers?${queryFor(list.next)}`);
      setList((current) => {
        if (!current || current.key !== from) return current;
        const seen = new Set(current.rows.map((c) => c.id));
        return { key: from, rows: [...current.rows, ...page.data.filter((c) => !seen.has(c.id))], next: page.next_cursor, pages: current.pages + 1 };
      });
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setLoadingMore(false);
    }
  }, [list, loadingMore, stale, queryFor, notify]);

  // Infinite scroll: the next page loads as the "Load more" button comes into view.
  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !list?.next) return;
    const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) void loadMore(); }, { rootMargin: '240px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [list?.next, loadMore]);

  const filtered = !!q || !!tag;
  const rows = list?.rows ?? [];
  const from = location.search;

  const toolbar = (
    <Flex gap="3" mb="4" wrap="wrap" align="center" role="search" aria-label="Find customers">
      <TextField.Root type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Search by name, email or phone" aria-label="Search customers"
        maxLength={200} style={{ flex: '1 1 280px', maxWidth: 420 }} data-testid="customer-search"
        onKeyDown={(e) => { if (e.key === 'Escape' && draft) { e.preventDefault(); setDraft(''); } }}>
        <TextField.Slot><MagnifyingGlassIcon /></TextField.Slot>
        {stale && <TextField.Slot><Spinner size="1" /></TextField.Slot>}
      </TextField.Root>
      <Select.Root value={tag || ALL_TAGS} onValueChange={setTag}>
        <Select.Trigger aria-label="Filter by tag" data-testid="customer-tag-filter" style={{ minWidth: 150 }} variant={tag ? 'soft' : 'surface'} />
        <Select.Content position="popper">
          <Select.Item value={ALL_TAGS}>All tags</Select.Item>
          {tagOptions.length > 0 && <Select.Separator />}
          {tagOptions.map((t) => <Select.Item key={t} value={t}>{t}</Select.Item>)}
        </Select.Content>
      </Select.Root>
      {filtered && <Button variant="ghost" color="gray" onClick={clearFilters} data-testid="customer-clear-filters">Clear</Button>}
    </Flex>
  );

  let body;
  if (list === null && error) {
    body = (
      <Callout.Root color="red" role="alert">
        <Callout.Icon><ExclamationTriangleIcon /></Callout.Icon>
        <Callout.Text>Couldn’t load customers: {error} <Button size="1" variant="soft" color="red" ml="2" onClick={() => setRetry((r) => r + 1)}>Try again</Button></Callout.Text>
      </Callout.Root>
    );
  } else if (list !== null && !stale && rows.length === 0) {
    body = (
      <Card size="1">
        {filtered ? (
          <EmptyState icon={<MagnifyingGlassIcon width={22} height={22} />} title="No matching customers" testId="customers-no-results"
            action={<Button variant="soft" onClick={clearFilters}>Clear {q && tag ? 'search and filter' : q ? 'search' : 'filter'}</Button>}>
            {q && tag ? <>Nobody tagged <b>{tag}</b> matches “{q}”.</> : q ? <>Nobody’s name, email or phone matches “{q}”.</> : <>No customer is tagged <b>{tag}</b>.</>}
          </EmptyState>
        ) : (
          <EmptyState icon={<PersonIcon width={22} height={22} />} title="No customers yet" testId="customers-empty"
            action={<Button asChild variant="soft"><Link to={`/app/${business.id}/inbox`}><ChatBubbleIcon /> Go to the inbox</Link></Button>}>
            Everyone who writes to you on any channel gets a profile here, with all their conversations, tags and notes in one place.
          </EmptyState>
        )}
      </Card>
    );
  } else {
    body = (
      <>
        <Card size="1" style={{ padding: 0 }} className="customers-card" data-stale={stale || undefined} aria-busy={stale || list === null}>
          <Table.Root variant="ghost" data-testid="customers-table">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Customer</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="170px">Channels</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="210px">Tags</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="130px" justify="end">Conversations</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="150px" style={{ whiteSpace: 'nowrap' }}>Last contact</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list === null ? <LoadingRows /> : rows.map((c) => <Row key={c.id} c={c} businessId={business.id} from={from} />)}
            </Table.Body>
          </Table.Root>
        </Card>
        {list?.next && !stale && (
          <Flex ref={sentinel} justify="center" mt="4">
            <Button variant="soft" color="gray" onClick={() => void loadMore()} loading={loadingMore} data-testid="customers-load-more">Load more customers</Button>
          </Flex>
        )}
        {list && !list.next && !stale && list.pages > 1 && <Text as="p" size="1" color="gray" align="center" mt="4">That’s everyone{filtered ? ' who matches' : ''}.</Text>}
        {list && error && <Text as="p" size="2" color="red" mt="3" role="alert">Couldn’t refresh the list: {error}</Text>}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Customers" description="One profile per person, across every channel they use." />
      {toolbar}
      {body}
    </div>
  );
}
