/**
 * Tells the person why the server closed their connection and what happens
 * next: final problems (the app has stopped retrying) ask for a reload; passing
 * ones say that their edits are kept and resent.
 */
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type ConnectionProblem, type ConnectionState, FINAL_PROBLEMS } from '../sync/connection-state.ts';

export function ConnectionNotice({
  problem,
  state,
  localCopyDiscarded = false,
}: {
  problem: ConnectionProblem | null;
  state: ConnectionState;
  /** The browser's copy of the board was deleted because the server refused its content (README "Weak networks"). */
  localCopyDiscarded?: boolean;
}) {
  const { t } = useI18n();
  if (state === 'closed') {
    // A final close for another reason (a proxy, a newer server) still stops the app: say so plainly.
    const message = problem && FINAL_PROBLEMS.includes(problem) ? problem : 'closed';
    return (
      <div className="notice notice--alert" role="alert" data-testid="connection-notice" data-problem={message}>
        <span>{t(`connection.problem.${message}`)}</span>
        {localCopyDiscarded && <span data-testid="local-copy-discarded">{t('connection.localCopyDiscarded')}</span>}
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('connection.reload')}
        </button>
      </div>
    );
  }
  if (!problem) return null;
  return (
    <p className="notice" role="status" data-testid="connection-notice" data-problem={problem}>
      {t(`connection.problem.${problem}`)}
    </p>
  );
}
