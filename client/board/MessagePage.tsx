/** A full page with one message: loading, board not found, errors. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AppHeader } from '../app/AppHeader.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function MessagePage({
  heading,
  children,
  busy = false,
  testId,
}: {
  heading?: string;
  children?: ReactNode;
  busy?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="page">
      <AppHeader />
      <main className="message-page" data-testid={testId} aria-busy={busy}>
        {heading && <h1>{heading}</h1>}
        {children && <p>{children}</p>}
        {!busy && (
          <Link to="/" className="button button--primary">
            {t('board.backHome')}
          </Link>
        )}
      </main>
    </div>
  );
}
