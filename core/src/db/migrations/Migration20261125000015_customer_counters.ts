import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's conversation count and last contact time, kept by the database like the
 * conversation counters: every path that stores conversations or messages (channel webhooks,
 * imports, the demo seed, SQL by hand) keeps them right, and existing rows are backfilled.
 * Soft-deleted conversations do not count.
 */
export class Migration20261125000015_customer_counters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION public.count_customer_conversations() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.deleted_at IS NULL THEN
          UPDATE public.customers SET total_conversations = coalesce(total_conversations, 0) + 1 WHERE id = NEW.customer_id;
        ELSIF TG_OP = 'DELETE' AND OLD.deleted_at IS NULL THEN
          UPDATE public.customers SET total_conversations = greatest(coalesce(total_conversations, 0) - 1, 0) WHERE id = OLD.customer_id;
        ELSIF TG_OP = 'UPDATE' AND (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) THEN
          UPDATE public.customers
             SET total_conversations = greatest(coalesce(total_conversations, 0) + CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END, 0)
           WHERE id = NEW.customer_id;
        END IF;
        RETURN NULL;
      END $$;

      CREATE TRIGGER conversations_count_for_customer
        AFTER INSERT OR DELETE OR UPDATE OF deleted_at ON public.conversations
        FOR EACH ROW EXECUTE FUNCTION public.count_customer_conversations();

      CREATE OR REPLACE FUNCTION public.touch_customer_last_contact() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE public.customers c
           SET last_contact_at = greatest(coalesce(c.last_contact_at, NEW.created_at), NEW.created_at)
          FROM public.conversations cv
         WHERE cv.id = NEW.conversation_id AND c.id = cv.customer_id;
        RETURN NULL;
      END $$;

      CREATE TRIGGER messages_touch_customer_last_contact
        AFTER INSERT ON public.messages
        FOR EACH ROW WHEN (NEW.sender_type = 'customer')
        EXECUTE FUNCTION public.touch_customer_last_contact();

      UPDATE public.customers c
         SET total_conversations = (SELECT count(*) FROM public.conversations cv WHERE cv.customer_id = c.id AND cv.deleted_at IS NULL),
             last_contact_at = coalesce(
               (SELECT max(m.created_at) FROM public.messages m JOIN public.conversations cv ON cv.id = m.conversation_id
                 WHERE cv.customer_id = c.id AND m.sender_type = 'customer'),
               c.last_contact_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      DROP TRIGGER IF EXISTS messages_touch_customer_last_contact ON public.messages;
      DROP FUNCTION IF EXISTS public.touch_customer_last_contact();
      DROP TRIGGER IF EXISTS conversations_count_for_customer ON public.conversations;
      DROP FUNCTION IF EXISTS public.count_customer_conversations();
    `);
  }
}
