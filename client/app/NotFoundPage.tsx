/** Any address the app does not know. */
import { MessagePage } from '../board/MessagePage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return <MessagePage heading={t('page.notFound')} />;
}
