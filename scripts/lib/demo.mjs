import pg from 'pg';
import { log } from './log.mjs';

export const DEMO_EMAIL = 'demo@crosschat.local';
export const DEMO_PASSWORD = 'crosschat-demo';

const SAMPLE = [
  { platform: 'whatsapp', name: 'Maria Santos', id: '+351912345678', subject: null, messages: ['Olá! Is my order #4821 shipped yet?', 'It was supposed to arrive Friday'] },
  { platform: 'instagram', name: 'Jonas Becker', id: 'ig_jonas.brews', subject: null, messages: ['Loved the Ethiopian roast 😍 do you have it in 1kg bags?'] },
  { platform: 'email', name: 'Priya Raman', id: 'priya@example.com', subject: 'Invoice for October', messages: ['Hi team, could you resend the October invoice with our VAT number on it? Thanks, Priya'] },
  { platform: 'telegram', name: 'Tom Okafor', id: 'tg_5521', subject: null, messages: ['Can I pause my subscription for two weeks?'] },
  { platform: 'sms', name: null, id: '+14155550123', subject: null, messages: ['Hi, what time do you open on Saturday?'] },
];

async function api(apiUrl, anonKey, path, { body, token, method } = {}) {
  const res = await fetch(apiUrl + path, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { apikey: anonKey, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  return { status: res.status, data };
}

/**
 * `DEMO=1 npm start`: a demo business with an agent login, a website widget and sample
 * conversations on several channels. Idempotent: a second start reuses them.
 */
export async function seedDemo({ apiUrl, webUrl, databaseUrl, anonKey = 'crosschat-anon' }) {
  let session = (await api(apiUrl, anonKey, '/auth/v1/token?grant_type=password', { body: { email: DEMO_EMAIL, password: DEMO_PASSWORD } })).data;
  if (!session.access_token) {
    session = (await api(apiUrl, anonKey, '/auth/v1/signup', { body: { email: DEMO_EMAIL, password: DEMO_PASSWORD, data: { full_name: 'Dana Demo' } } })).data;
  }
  if (!session.access_token) throw new Error(`demo sign-in failed: ${JSON.stringify(session)}`);
  const token = session.access_token;
  let business = (await api(apiUrl, anonKey, '/businesses', { token })).data.find((b) => b.slug.startsWith('northwind-coffee'));
  let widget;
  if (!business) {
    business = (await api(apiUrl, anonKey, '/businesses', { token, body: { name: 'Northwind Coffee', slug: undefined, timezone: 'UTC', industry: 'Retail & e-commerce', team_size: '2-5', website: 'northwind.example' } })).data;
    await api(apiUrl, anonKey, `/businesses/${business.id}/settings`, { token, method: 'PATCH', body: { working_hours: { enabled: false } } });
    widget = (await api(apiUrl, anonKey, '/integrations/widget/connect', { token, body: { business_id: business.id, config: { title: 'Northwind support', greeting_message: 'Hi! 👋 Ask us anything about our coffee.' } } })).data;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      for (const [i, s] of SAMPLE.entries()) {
        const customer = (await db.query(
          `insert into customers (business_id, name, email, phone, platform_identifiers, tags) values ($1, $2, $3, $4, $5, $6) returning id`,
          [business.id, s.name, s.platform === 'email' ? s.id : null, s.id.startsWith('+') ? s.id : null, { [s.platform]: s.id }, i === 0 ? ['vip'] : []],
        )).rows[0];
        const conversation = (await db.query(
          `insert into conversations (business_id, customer_id, platform, subject, priority, created_at) values ($1, $2, $3, $4, $5, now() - make_interval(mins => $6)) returning id`,
          [business.id, customer.id, s.platform, s.subject, i === 0 ? 'high' : 'normal', 90 - i * 15],
        )).rows[0];
        for (const [j, content] of s.messages.entries()) {
          await db.query(
            `insert into messages (business_id, conversation_id, sender_type, sender_id, sender_name, content, platform, platform_message_id, status, created_at)
             values ($1, $2, 'customer', $3, $4, $5, $6, $7, 'delivered', now() - make_interval(mins => $8))`,
            [business.id, conversation.id, customer.id, s.name, content, s.platform, `demo-${i}-${j}`, 80 - i * 15 - j],
          );
        }
      }
    } finally {
      await db.end();
    }
  } else {
    widget = (await api(apiUrl, anonKey, `/integrations?business_id=${business.id}`, { token })).data.find((x) => x.platform === 'widget');
  }
  log('crosschat', [
    'Demo ready:',
    `  Agent login    ${DEMO_EMAIL} / ${DEMO_PASSWORD}  →  ${webUrl}/login`,
    `  Visitor page   ${webUrl}/demo.html?token=${widget.platform_account_id}&api=${encodeURIComponent(apiUrl)}`,
  ].join('\n'));
}
