/** "Du följer Karin — Sluta följa" over the canvas while this page follows someone's view. */
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCanvasLink } from '../../presence/canvas-link.ts';

export function FollowBar() {
  const { t } = useI18n();
  const canvas = useCanvasLink();
  const following = canvas?.following;
  if (!canvas || !following) return null;
  return (
    <div className="follow-bar" role="status" data-testid="follow-bar">
      <span>{following.name ? t('people.following', { name: following.name }) : t('people.following.unknown')}</span>
      <button type="button" className="button button--quiet" onClick={() => canvas.follow(null)}>
        {t('people.unfollow')}
      </button>
    </div>
  );
}
