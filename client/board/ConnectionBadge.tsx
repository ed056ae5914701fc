/** Says whether edits are reaching the others right now. */
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ConnectionState } from '../sync/connection-state.ts';

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.offline',
  closed: 'connection.closed',
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <output className={`connection connection--${state}`} data-testid="connection-state" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      {t(LABELS[state])}
    </output>
  );
}
