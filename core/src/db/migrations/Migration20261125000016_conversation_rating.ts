import { Migration } from '@mikro-orm/migrations';

/**
 * Customer satisfaction per conversation: the visitor rates a resolved conversation 1–5 (with
 * an optional comment). The customer's own `satisfaction_rating` (spec column) follows as the
 * rounded average of their rated conversations, kept by the database.
 */
export class Migration20261125000016_conversation_rating extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE public.conversations
        ADD COLUMN satisfaction_rating SMALLINT CHECK (satisfaction_rating BETWEEN 1 AND 5),
        ADD COLUMN satisfaction_comment TEXT CHECK (char_length(satisfaction_comment) <= 2000),
        ADD COLUMN rated_at TIMESTAMPTZ;

      CREATE INDEX idx_conversations_rated ON public.conversations (business_id, rated_at) WHERE rated_at IS NOT NULL;

      CREATE OR REPLACE FUNCTION public.customer_satisfaction_from_conversations() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE public.customers c
           SET satisfaction_rating = (
             SELECT round(avg(cv.satisfaction_rating))::int FROM public.conversations cv
              WHERE cv.customer_id = c.id AND cv.satisfaction_rating IS NOT NULL AND cv.deleted_at IS NULL)
         WHERE c.id = NEW.customer_id;
        RETURN NULL;
      END $$;

      CREATE TRIGGER conversations_rating_to_customer
        AFTER UPDATE OF satisfaction_rating, deleted_at ON public.conversations
        FOR EACH ROW WHEN (OLD.satisfaction_rating IS DISTINCT FROM NEW.satisfaction_rating OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
        EXECUTE FUNCTION public.customer_satisfaction_from_conversations();
      CREATE TRIGGER conversations_rated_insert_to_customer
        AFTER INSERT ON public.conversations
        FOR EACH ROW WHEN (NEW.satisfaction_rating IS NOT NULL)
        EXECUTE FUNCTION public.customer_satisfaction_from_conversations();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      DROP TRIGGER IF EXISTS conversations_rating_to_customer ON public.conversations;
      DROP TRIGGER IF EXISTS conversations_rated_insert_to_customer ON public.conversations;
      DROP FUNCTION IF EXISTS public.customer_satisfaction_from_conversations();
      DROP INDEX IF EXISTS public.idx_conversations_rated;
      ALTER TABLE public.conversations DROP COLUMN satisfaction_rating, DROP COLUMN satisfaction_comment, DROP COLUMN rated_at;
    `);
  }
}
