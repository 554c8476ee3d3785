import { useEffect, useMemo, useRef } from 'react';
import { Outlet, redirect, useLoaderData, useNavigate, type ClientLoaderFunctionArgs } from 'react-router';
import { loadMyBusinesses } from '../lib/businesses';
import { LAST_BUSINESS_KEY, requireSession, supabase } from '../lib/supabase';
import type { ShellContext } from './context';
import { Sidebar } from './sidebar';
import { TopBar } from './topbar';
import { useConversationCounts } from './conversation-counts';

export async function clientLoader({ params, request }: ClientLoaderFunctionArgs) {
  const session = await requireSession(request);
  const businesses = await loadMyBusinesses();
  const business = businesses.find((b) => b.id === params.businessId);
  if (!business) throw redirect(businesses.length ? `/app/${businesses[0]!.id}/inbox` : '/onboarding');
  localStorage.setItem(LAST_BUSINESS_KEY, business.id);
  return { business, businesses, user: session.user };
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The dashboard frame: sidebar, top bar, and the current page in the middle. */
export default function AppShell() {
  const { business, businesses, user } = useLoaderData<typeof clientLoader>();
  const navigate = useNavigate();
  const search = useRef<HTMLInputElement>(null);
  const { counts, refresh: refreshCounts } = useConversationCounts(business.id);

  useEffect(() => {
    const { data } = supabase().auth.onAuthStateChange((event) => {
      if (event === 'SIGNED_OUT') navigate('/login', { replace: true });
    });
    return () => data.subscription.unsubscribe();
  }, [navigate]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typingIn(e.target) && !e.metaKey && !e.ctrlKey)) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (e.key === 'Escape' && e.target === search.current) {
        search.current?.blur();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const context = useMemo<ShellContext>(() => ({ business, businesses, user, counts, refreshCounts }), [business, businesses, user, counts, refreshCounts]);
  return (
    <div className="shell" data-testid="app-shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <Sidebar business={business} businesses={businesses} user={user} unread={counts?.unread_conversations ?? 0} />
      <div className="main">
        <TopBar business={business} user={user} searchRef={search} />
        <main className="content" id="main" tabIndex={-1}>
          <Outlet context={context} />
        </main>
      </div>
    </div>
  );
}
