/** GET /analytics/overview (api/src/analytics/analytics.service.ts). */
export interface Metric {
  value: number | null;
  previous: number | null;
  delta: number | null;
  delta_pct: number | null;
}

export interface AnalyticsOverview {
  business_id: string;
  days: number;
  timezone: string;
  scope: 'all' | 'assigned';
  period: { from: string; to: string; first_day: string; last_day: string };
  previous_period: { from: string; to: string; first_day: string; last_day: string };
  conversations_all_time: number;
  totals: {
    conversations_created: Metric;
    conversations_resolved: Metric;
    conversations_open: Metric;
    messages_in: Metric;
    messages_out: Metric;
    active_customers: Metric;
    first_response_median_seconds: Metric;
    first_response_avg_seconds: Metric;
    first_response_count: Metric;
    resolution_median_seconds: Metric;
    resolution_avg_seconds: Metric;
    resolution_count: Metric;
    csat_average: Metric;
    csat_count: Metric;
  };
  series: { date: string; created: number; resolved: number }[];
  channels: { platform: string; conversations: number; messages: number; first_response_median_seconds: number | null }[];
  agents: {
    member_id: string; user_id: string; name: string; email: string | null; avatar_url: string | null; role: string; is_active: boolean;
    conversations_assigned: number; conversations_resolved: number; first_response_median_seconds: number | null; replies_sent: number;
  }[];
}
