/**
 * Every setting of the system with its embedded default. `.env.example` mirrors this list.
 * Read once per process; tests override through the environment before importing.
 */
export interface Settings {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalTaskQueue: string;
  /** Temporal Cloud API key (sent as a Bearer token; implies TLS unless TEMPORAL_TLS=0). */
  temporalApiKey: string | undefined;
  /** TEMPORAL_TLS=1 forces TLS, =0 forbids it; unset lets the API key decide. */
  temporalTls: boolean | undefined;
  apiPort: number;
  apiHost: string;
  apiPublicUrl: string;
  webPublicUrl: string;
  jwtSecret: string;
  jwtExpirySeconds: number;
  supabaseJwtSecret: string | undefined;
  supabaseAnonKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  trialSeconds: number;
  invitationTtlSeconds: number;
  credentialsKey: string;
  corsOrigins: string[];
  uploadDir: string;
  attachmentMaxBytes: number;
  /** S3-compatible attachment storage; local disk (uploadDir) when null. */
  s3: { bucket: string; endpoint: string | undefined; region: string; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean } | null;
}

const int = (value: string | undefined, fallback: number): number => {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
};

export const DEV_JWT_SECRET = 'crosschat-dev-jwt-secret-change-me-0123456789abcdef';
export const DEV_CREDENTIALS_KEY = 'crosschat-dev-credentials-key-change-me';

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const apiPort = int(env.API_PORT, 3001);
  const apiHost = env.API_HOST || '127.0.0.1';
  const webPort = int(env.WEB_PORT, 3000);
  return {
    databaseUrl: env.DATABASE_URL || `postgres://postgres:postgres@127.0.0.1:${int(env.PGPORT_EMBEDDED, 54329)}/crosschat`,
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    temporalTaskQueue: env.TEMPORAL_TASK_QUEUE || 'crosschat',
    temporalApiKey: env.TEMPORAL_API_KEY || undefined,
    temporalTls: env.TEMPORAL_TLS === undefined || env.TEMPORAL_TLS === '' ? undefined : ['1', 'true', 'yes'].includes(env.TEMPORAL_TLS.toLowerCase()),
    apiPort,
    apiHost,
    apiPublicUrl: env.API_PUBLIC_URL || `http://localhost:${apiPort}`,
    webPublicUrl: env.APP_URL || `http://localhost:${webPort}`,
    jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
    jwtExpirySeconds: int(env.JWT_EXPIRY_SECONDS, 3600),
    supabaseJwtSecret: env.SUPABASE_JWT_SECRET || undefined,
    supabaseAnonKey: env.SUPABASE_ANON_KEY || 'crosschat-anon',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'CrossChat <no-reply@crosschat.local>',
    mailDir: env.MAIL_DIR || '.data/mail',
    trialSeconds: int(env.TRIAL_SECONDS, 14 * 24 * 3600),
    invitationTtlSeconds: int(env.INVITATION_TTL_SECONDS, 7 * 24 * 3600),
    credentialsKey: env.CREDENTIALS_KEY || DEV_CREDENTIALS_KEY,
    uploadDir: env.UPLOAD_DIR || '.data/uploads',
    attachmentMaxBytes: int(env.ATTACHMENT_MAX_BYTES, 10 * 1024 * 1024),
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT || undefined,
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || Boolean(env.S3_ENDPOINT),
        }
      : null,
    corsOrigins: (env.CORS_ORIGINS || `http://localhost:${webPort},http://127.0.0.1:${webPort}`).split(',').map((s) => s.trim()).filter(Boolean),
  };
}
