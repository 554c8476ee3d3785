export type Role = 'owner' | 'admin' | 'manager' | 'agent' | 'limited_agent';

export interface Business {
  id: string;
  name: string;
  slug: string;
  plan_type: string;
  subscription_status: string;
  trial_ends_at: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  settings: {
    timezone: string;
    working_hours: { enabled: boolean; schedule: Record<string, { start: string; end: string }> };
    auto_assignment?: { enabled: boolean; type: 'round_robin' | 'least_busy'; fallback_to_ai: boolean };
    notifications: { email: boolean; desktop: boolean; sound: boolean };
    away_message?: string;
    greeting_message?: string;
    [key: string]: unknown;
  };
  role: Role;
}

export interface TeamMember {
  id: string;
  user_id: string;
  role: Role;
  is_active: boolean;
  title: string | null;
  department: string | null;
  joined_at: string | null;
  user: { id: string; email: string; full_name: string | null; avatar_url: string | null; status: string };
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expires_at: string;
}

export interface ConversationItem {
  id: string;
  platform: string;
  status: string;
  subject: string | null;
  unread_count: number;
  last_message_at: string | null;
  last_message_preview: string | null;
  assigned_to: string | null;
  customer: { id: string; name: string | null; email: string | null; phone?: string | null };
}

export const ROLE_LABEL: Record<Role, string> = {
  owner: 'Owner', admin: 'Admin', manager: 'Manager', agent: 'Agent', limited_agent: 'Limited agent',
};
