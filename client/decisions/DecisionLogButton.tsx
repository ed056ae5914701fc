/**
 * "Beslutslogg" beside the workshop pills, for everyone (README "Decisions"): a modal dialog
 * (native <dialog>: focus moves in, Escape and the close button leave, focus returns) with the
 * log as a table with a caption and column headers, newest first.
 */
import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { decisionWhen } from './decision-format.ts';
import { useDecisionLog } from './use-decisions.ts';
import './decisions.css';

export function DecisionLogButton({ doc }: { doc: Y.Doc }) {
  const { t, lang } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const log = useDecisionLog(doc);

  const close = () => {
    dialog.current?.close();
  };
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="button"
        onClick={() => dialog.current?.showModal()}
        data-testid="decision-log-button"
      >
        {t('decision.log.button')}
      </button>
      <dialog
        ref={dialog}
        className="decision-log"
        aria-labelledby={headingId}
        data-testid="decision-log"
        onClose={() => opener.current?.focus()}
      >
        <div className="decision-log__header">
          <h2 id={headingId}>{t('decision.log.heading')}</h2>
          <button type="button" className="button button--quiet" onClick={close} data-testid="decision-log-close">
            {t('decision.log.close')}
          </button>
        </div>
        {log.length === 0 ? (
          <p>{t('decision.log.empty')}</p>
        ) : (
          <table>
            <caption>{t('decision.log.caption', { count: log.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decision.log.when')}</th>
                <th scope="col">{t('decision.log.by')}</th>
                <th scope="col">{t('decision.log.card')}</th>
                <th scope="col">{t('decision.log.decision')}</th>
                <th scope="col">{t('decision.log.note')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((entry) => (
                <tr key={`${entry.at}-${entry.cardId}-${entry.note}`} data-testid="decision-log-row">
                  <td>
                    <time dateTime={entry.at}>{decisionWhen(entry.at, lang)}</time>
                  </td>
                  <td>{entry.by}</td>
                  <th scope="row">{entry.title || t('decision.log.untitled')}</th>
                  <td>{t(entry.agreed ? 'decision.log.agreed' : 'decision.log.draft')}</td>
                  <td className="decision-log__note">{entry.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </dialog>
    </>
  );
}
