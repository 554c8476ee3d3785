import { redirect } from 'react-router';
import { api, ApiError } from './api';
import { signOut } from './supabase';
import type { Business } from './types';

/** The caller's businesses; a session the API no longer accepts signs out and goes to login. */
export async function loadMyBusinesses(): Promise<Business[]> {
  try {
    return await api<Business[]>('/businesses');
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      await signOut();
      throw redirect('/login');
    }
    throw error;
  }
}
