/**
 * A failed template call in words a person can act on: what the status means
 * here, in their language, with the server's own detail after it (it names
 * the field: "focusAreas.2.title.sv: …"), instead of a bare "400 Bad Request".
 */
import { ApiError } from '../api/boards.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';

const BY_STATUS: Record<number, MessageKey> = {
  400: 'designer.api.400',
  401: 'designer.api.403',
  403: 'designer.api.403',
  404: 'designer.api.404',
  409: 'designer.api.409',
  413: 'designer.api.413',
  429: 'designer.api.429',
};

export function problemText(error: unknown, t: (key: MessageKey, params?: MessageParams) => string): string {
  if (error instanceof ApiError && error.status === 0) return t('api.unreachable');
  const detail = error instanceof Error ? error.message : String(error);
  const key = error instanceof ApiError ? BY_STATUS[error.status] : undefined;
  return key ? t(key, { detail }) : detail;
}
