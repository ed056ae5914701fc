/**
 * Says whether edits are reaching the others right now, and while they are
 * not, how many wait to be sent (README "On the board page"). The text is a
 * polite live region that changes only with the state, not with every
 * keystroke made offline: the count heard is the one when the state changed.
 */
import { useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ConnectionState } from '../sync/connection-state.ts';

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.offline',
  closed: 'connection.closed',
};

export function ConnectionBadge({ state, pending = 0 }: { state: ConnectionState; pending?: number }) {
  const { t } = useI18n();
  const label = t(LABELS[state]);
  const text =
    pending > 0 && state !== 'connected'
      ? t(pending === 1 ? 'connection.pending.one' : 'connection.pending.many', { label, count: String(pending) })
      : label;
  const announced = useRef({ state, text });
  if (announced.current.state !== state) announced.current = { state, text };
  return (
    <span
      className={`connection connection--${state}`}
      data-testid="connection-state"
      data-state={state}
      data-pending={pending}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span aria-hidden="true">{text}</span>
      <output className="sr-only" aria-live="polite">
        {announced.current.text}
      </output>
    </span>
  );
}
