/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the
 * page inert (focus stays inside, screen readers see only the dialog), Escape
 * closes it, its heading labels it, and focus goes back to where it was.
 * Keys pressed inside stay inside: the canvas behind has its own shortcuts.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './modal.css';

export interface ModalProps {
  heading: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  /** The role of an alert dialog: a question the person must answer (a delete confirmation). */
  alert?: boolean;
  /** Room for a form with a preview beside it (the layout designer). */
  wide?: boolean;
}

export function Modal({ heading, onClose, children, testId, alert = false, wide = false }: ModalProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={wide ? 'modal modal--wide' : 'modal'}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={headingId}
      aria-modal="true"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className="modal__header">
        <h2 id={headingId}>{heading}</h2>
        <button
          type="button"
          className="button button--quiet modal__close"
          onClick={onClose}
          aria-label={t('modal.close')}
          title={t('modal.close')}
        >
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
