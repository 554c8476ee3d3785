import { useEffect, useRef } from 'react';
import { Outlet, redirect, useLoaderData, useNavigate, type ClientLoaderFunctionArgs } from 'react-router';
import { currentSession, supabase } from '../lib/supabase';
import { api } from '../lib/api';
import type { Business } from '../lib/types';
import { Sidebar } from './sidebar';
import { TopBar } from './topbar';

export async function clientLoader({ params, request }: ClientLoaderFunctionArgs) {
  const session = await currentSession();
  if (!session) throw redirect(`/login?next=${encodeURIComponent(new URL(request.url).pathname)}`);
  const businesses = await api<Business[]>('/businesses');
  const business = businesses.find((b) => b.id === params.businessId);
  if (!business) throw redirect(businesses.length ? `/app/${businesses[0]!.id}/inbox` : '/onboarding');
  localStorage.setItem('crosschat:business', business.id);
  return { business, businesses, user: session.user };
}

export default function AppShell() {
  const { business, businesses, user } = useLoaderData<typeof clientLoader>();
  const navigate = useNavigate();
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const { data } = supabase().auth.onAuthStateChange((event) => {
      if (event === 'SIGNED_OUT') navigate('/login');
    });
    return () => data.subscription.unsubscribe();
  }, [navigate]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <Sidebar business={business} businesses={businesses} user={user} />
      <div className="main">
        <TopBar business={business} user={user} searchRef={search} />
        <main className="content" id="main">
          <Outlet context={{ business, businesses, user }} />
        </main>
      </div>
    </div>
  );
}
