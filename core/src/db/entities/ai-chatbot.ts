import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const AiChatbotSchema = defineEntity({
  name: 'AiChatbot',
  tableName: 'ai_chatbots',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    name: p.string(),
    description: p.text().nullable(),
    model_provider: p.enum(['openai', 'anthropic', 'custom'] as const).defaultRaw(`'openai'`),
    model_name: p.string().defaultRaw(`'gpt-4'`),
    knowledge_base: p.text().nullable(),
    training_documents: p.array().nullable(),
    faq_data: p.json<unknown[]>().nullable(),
    personality: p.enum(['professional', 'friendly', 'casual', 'formal'] as const).defaultRaw(`'professional'`),
    tone: p.string().defaultRaw(`'helpful'`),
    language: p.string().defaultRaw(`'en'`),
    escalation_rules: p.json<Record<string, unknown>>().nullable(),
    auto_greeting: p.boolean().defaultRaw('true'),
    greeting_message: p.text().nullable(),
    is_active: p.boolean().defaultRaw('true'),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type AiChatbot = InferEntity<typeof AiChatbotSchema>;
