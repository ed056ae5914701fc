/**
 * The first Tab stop of every page: "Hoppa till innehållet" jumps past the
 * header to the page's content (WCAG 2.4.1, bypass blocks). It focuses the
 * target itself instead of following `#main`: a board's address fragment is
 * where share links carry their token, and nothing else is written there.
 */
import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export const MAIN_CONTENT_ID = 'main-content';

export function SkipLink() {
  const { t } = useI18n();
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(MAIN_CONTENT_ID);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={jump}>
      {t('app.skipToContent')}
    </a>
  );
}
