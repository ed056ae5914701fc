/**
 * When the server deletes unused boards (BOARD_RETENTION_DAYS), warns that
 * this one goes on `expiresAt` unless it is used before then; shown only in
 * the last EXPIRY_WARNING_DAYS before that date.
 */
import { useI18n } from '../i18n/I18nProvider.tsx';

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a board expiring at `expiresAt` should be warned about at `now`. */
export function expiresSoon(expiresAt: string | undefined, now = Date.now()): boolean {
  if (!expiresAt) return false;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at - now <= EXPIRY_WARNING_DAYS * DAY_MS;
}

export function ExpiryNotice({ expiresAt }: { expiresAt: string | undefined }) {
  const { lang, t } = useI18n();
  if (!expiresSoon(expiresAt)) return null;
  const date = new Date(expiresAt as string).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
  });
  return (
    <p className="notice" role="status" data-testid="expiry-notice">
      {t('board.expiry', { date })}
    </p>
  );
}
