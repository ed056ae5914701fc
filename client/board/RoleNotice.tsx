/**
 * Says why the board does not take this person's edits: a viewer's link is
 * read-only; a locked board is read-only for participants (and the
 * facilitator is told that the others cannot edit).
 */
import type { Role } from '../../shared/roles.ts';
import { LockIcon } from '../app/icons.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function RoleNotice({ role, locked }: { role: Role; locked: boolean }) {
  const { t } = useI18n();
  if (role === 'viewer') {
    return (
      <p className="notice notice--role" role="status" data-testid="viewer-notice">
        {t('access.viewerNotice')}
      </p>
    );
  }
  if (!locked) return null;
  return (
    <p className="notice notice--locked" role="status" data-testid="locked-notice" data-role={role}>
      <LockIcon />
      <span>
        <strong>{t(role === 'facilitator' ? 'access.locked.facilitatorHeading' : 'access.locked.heading')}</strong>{' '}
        {t(role === 'facilitator' ? 'access.locked.facilitator' : 'access.locked.participant')}
      </span>
    </p>
  );
}
