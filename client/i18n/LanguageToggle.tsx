/** One button that switches between Swedish and English. */
import { useI18n } from './I18nProvider.tsx';

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'sv' ? 'en' : 'sv';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={other}
      onClick={() => setLang(other)}
      data-testid="language-toggle"
    >
      {t('lang.switchTo')}
    </button>
  );
}
