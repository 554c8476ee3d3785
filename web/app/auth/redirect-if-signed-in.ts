import { redirect, type ClientLoaderFunctionArgs } from 'react-router';
import { currentSession, safeNext } from '../lib/supabase';

/** clientLoader for /login and /signup: a signed-in visitor goes straight on. */
export async function redirectIfSignedIn({ request }: ClientLoaderFunctionArgs) {
  if (await currentSession()) throw redirect(safeNext(new URL(request.url).searchParams.get('next'), '/'));
  return null;
}
