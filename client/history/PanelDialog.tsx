/**
 * A modal side panel on a native <dialog>: the browser keeps focus inside it,
 * closes it on Escape and makes the page behind inert; the panel is labelled
 * by its heading and gives the focus back to what opened it when it closes.
 * Keys stay inside, so the canvas behind never reads them as shortcuts.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './history.css';

export interface PanelDialogProps {
  heading: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
}

export function PanelDialog({ heading, onClose, children, testId }: PanelDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="side-panel"
      aria-labelledby={headingId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="side-panel__header">
        <h2 id={headingId}>{heading}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} data-testid="close-panel">
          {t('history.close')}
        </button>
      </header>
      <div className="side-panel__body">{children}</div>
    </dialog>
  );
}
