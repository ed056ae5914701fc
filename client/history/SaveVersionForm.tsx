/** "Spara version…": the facilitator names the board as it is now ("Efter workshop 12 mars"). */
import { type FormEvent, useId, useRef, useState } from 'react';
import { type BoardAccess, type BoardVersion, saveVersion } from '../api/history.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from './TrashPanel.tsx';

/** The server's limit (shared/api.ts SaveVersionBody). */
const NAME_MAX = 100;

export function SaveVersionForm({ board, onSaved }: { board: BoardAccess; onSaved(version: BoardVersion): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inputId = useId();
  const errorId = useId();
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setName('');
    setError('');
    requestAnimationFrame(() => opener.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('history.nameRequired'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const version = await saveVersion(board, trimmed);
      onSaved(version);
      close();
    } catch (err) {
      setError(t('history.saveFailed', { error: errorText(err, t('api.unreachable')) }));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--primary"
        onClick={() => setOpen(true)}
        data-testid="save-version"
      >
        {t('history.save')}
      </button>
    );
  }
  return (
    <form
      className="save-version"
      onSubmit={submit}
      aria-label={t('history.saveHeading')}
      data-testid="save-version-form"
    >
      <label htmlFor={inputId}>{t('history.saveName')}</label>
      <input
        id={inputId}
        type="text"
        value={name}
        maxLength={NAME_MAX}
        placeholder={t('history.savePlaceholder')}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this field.
        autoFocus
        data-testid="version-name"
      />
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
      <div className="save-version__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="save-version-submit">
          {busy ? t('history.saving') : t('history.saveSubmit')}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t('history.saveCancel')}
        </button>
      </div>
    </form>
  );
}
