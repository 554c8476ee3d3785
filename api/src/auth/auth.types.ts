/** Claims of a Supabase access token (and of ours, which follow the same shape). */
export interface JwtClaims {
  sub: string;
  aud: string;
  role: string;
  email?: string;
  phone?: string;
  session_id?: string;
  exp: number;
  iat: number;
  iss?: string;
  aal?: string;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  is_anonymous?: boolean;
}

export interface AuthenticatedUser {
  id: string;
  email: string | null;
  role: string;
  session_id: string | null;
  claims: JwtClaims;
}
