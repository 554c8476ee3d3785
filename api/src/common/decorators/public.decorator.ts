import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'crosschat:isPublic';
/** Opens a route to unauthenticated callers (auth endpoints, webhooks, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
