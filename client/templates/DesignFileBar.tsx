/**
 * Upload a template file to start from, or download the current design as
 * one. An upload is checked in the browser (template-file.ts) and replaces the
 * design only when it is a valid template; otherwise it says what is wrong.
 */
import { useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { FilePickButton } from '../app/FilePickButton.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadTemplate, readTemplateFile } from './template-file.ts';

export interface DesignFileBarProps {
  onUpload(template: Template): void;
  /** The design as a template, or null when it has problems (they are then shown). */
  current(): Template | null;
}

export function DesignFileBar({ onUpload, current }: DesignFileBarProps) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const upload = async (file: File) => {
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
      <FilePickButton
        label={t('designer.file.upload')}
        accept=".json,application/json"
        onFile={upload}
        className="button button--small"
        testId="designer-upload"
      />
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
