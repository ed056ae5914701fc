/** Tells participants what the current workshop phase lets them do (the server enforces it). */
import type { Role } from '../../shared/roles.ts';
import type { Restriction } from '../../shared/workshop/agenda.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function PhaseNotice({ role, restriction }: { role: Role; restriction: Restriction }) {
  const { t } = useI18n();
  if (role !== 'participant' || restriction === 'none') return null;
  return (
    <p className="notice notice--phase" data-testid="phase-notice" data-restriction={restriction}>
      {t(`workshop.phaseNotice.${restriction}`)}
    </p>
  );
}
