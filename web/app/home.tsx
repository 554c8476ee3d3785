import { redirect } from 'react-router';
import { currentSession } from './lib/supabase';
import { api } from './lib/api';
import type { Business } from './lib/types';

/** `/`: signed out → login; no business yet → onboarding; else the first business's inbox. */
export async function clientLoader() {
  if (!(await currentSession())) throw redirect('/login');
  const businesses = await api<Business[]>('/businesses');
  const last = localStorage.getItem('crosschat:business');
  const target = businesses.find((b) => b.id === last) ?? businesses[0];
  throw redirect(target ? `/app/${target.id}/inbox` : '/onboarding');
}

export default function Home() {
  return null;
}
