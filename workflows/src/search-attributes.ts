import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Registered on the dev server by `npm start` and on any cluster by the worker at startup. */
export const BusinessIdKey = defineSearchAttributeKey('BusinessId', SearchAttributeType.KEYWORD);
export const ConversationIdKey = defineSearchAttributeKey('ConversationId', SearchAttributeType.KEYWORD);
export const PlatformKey = defineSearchAttributeKey('Platform', SearchAttributeType.KEYWORD);
export const StatusKey = defineSearchAttributeKey('Status', SearchAttributeType.KEYWORD);
