/** Asks for the person's name once; it is remembered in this browser. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { cleanName, NAME_MAX } from './identity.ts';
import './name-dialog.css';

export function NameDialog({ initial, onDone }: { initial?: string; onDone(name: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(initial ?? '');
  const dialog = useRef<HTMLDialogElement>(null);

  // A modal <dialog> traps focus and hides the page from screen readers until answered.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = cleanName(name);
    if (cleaned) onDone(cleaned);
  };

  return (
    <dialog
      ref={dialog}
      className="name-dialog"
      aria-labelledby="name-heading"
      onCancel={(e) => {
        // Without a name the board cannot show who is who, so Escape only backs out of a rename.
        e.preventDefault();
        if (initial) onDone(initial);
      }}
    >
      <form onSubmit={submit}>
        <h2 id="name-heading">{t('name.heading')}</h2>
        <p className="muted">{t('name.body')}</p>
        <label className="field">
          <span className="field__label">{t('name.label')}</span>
          <input
            value={name}
            maxLength={NAME_MAX}
            placeholder={t('name.placeholder')}
            onChange={(e) => setName(e.target.value)}
            data-testid="name-input"
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!cleanName(name)} data-testid="name-submit">
          {t('name.submit')}
        </button>
      </form>
    </dialog>
  );
}
