import { Migration20261125000001_auth_schema } from './Migration20261125000001_auth_schema.js';
import { Migration20261125000002_product_schema } from './Migration20261125000002_product_schema.js';
import { Migration20261125000003_tenancy_and_platform } from './Migration20261125000003_tenancy_and_platform.js';
import { Migration20261125000010_conversation_snooze } from './Migration20261125000010_conversation_snooze.js';
import { Migration20261125000011_realtime_notify } from './Migration20261125000011_realtime_notify.js';
import { Migration20261125000012_canned_responses } from './Migration20261125000012_canned_responses.js';
import { Migration20261125000013_realtime_notify_routing } from './Migration20261125000013_realtime_notify_routing.js';
import { Migration20261125000014_rls_hardening } from './Migration20261125000014_rls_hardening.js';
import { Migration20261125000015_customer_counters } from './Migration20261125000015_customer_counters.js';
import { Migration20261125000016_conversation_rating } from './Migration20261125000016_conversation_rating.js';

/** Listed explicitly so the same list runs from source (tests) and from dist (production). */
export const MIGRATIONS = [
  { name: 'Migration20261125000001_auth_schema', class: Migration20261125000001_auth_schema },
  { name: 'Migration20261125000002_product_schema', class: Migration20261125000002_product_schema },
  { name: 'Migration20261125000003_tenancy_and_platform', class: Migration20261125000003_tenancy_and_platform },
  { name: 'Migration20261125000010_conversation_snooze', class: Migration20261125000010_conversation_snooze },
  { name: 'Migration20261125000011_realtime_notify', class: Migration20261125000011_realtime_notify },
  { name: 'Migration20261125000012_canned_responses', class: Migration20261125000012_canned_responses },
  { name: 'Migration20261125000013_realtime_notify_routing', class: Migration20261125000013_realtime_notify_routing },
  { name: 'Migration20261125000014_rls_hardening', class: Migration20261125000014_rls_hardening },
  { name: 'Migration20261125000015_customer_counters', class: Migration20261125000015_customer_counters },
  { name: 'Migration20261125000016_conversation_rating', class: Migration20261125000016_conversation_rating },
];
