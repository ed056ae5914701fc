/** The start page's top bar: the product name and the language switch. */
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageToggle } from '../i18n/LanguageToggle.tsx';

export function AppHeader() {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        {t('app.name')}
      </Link>
      <LanguageToggle />
    </header>
  );
}
