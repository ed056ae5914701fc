/**
 * Upload a template file to start from, or download the current design as
 * one. An upload is checked in the browser (template-file.ts) and replaces the
 * design only when it is a valid template; otherwise it says what is wrong.
 */
import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadTemplate, readTemplateFile } from './template-file.ts';

export interface DesignFileBarProps {
  onUpload(template: Template): void;
  /** The design as a template, or null when it has problems (they are then shown). */
  current(): Template | null;
}

export function DesignFileBar({ onUpload, current }: DesignFileBarProps) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const inputId = useId();

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await readTemplateFile(file, lang);
    if (result.ok) {
      onUpload(result.template);
      setMessage({ error: false, text: t('designer.file.loaded', { name: file.name }) });
    } else {
      setMessage({ error: true, text: t('designer.file.failed', { name: file.name, error: result.message }) });
    }
  };

  const download = () => {
    const template = current();
    setMessage(null);
    if (template) downloadTemplate(template);
  };

  return (
    <div className="design-file-bar">
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        // The button below is the control; the input only opens the file chooser.
        tabIndex={-1}
        aria-hidden="true"
        onChange={upload}
        data-testid="designer-upload"
      />
      <button type="button" className="button button--small" onClick={() => input.current?.click()}>
        {t('designer.file.upload')}
      </button>
      <button type="button" className="button button--small" onClick={download} data-testid="designer-download">
        {t('designer.file.download')}
      </button>
      {message && (
        <p
          className={message.error ? 'error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="designer-file-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
