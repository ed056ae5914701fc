/**
 * The follow-up report of a round as a file: Word, Markdown or Excel. Fetched
 * with the board token's header and then saved, like the export menu, so a
 * refusal shows the server's `{ error }` here.
 */
import { useState } from 'react';
import { ApiError, fetchExport } from '../api/boards.ts';
import { reportUrl } from '../api/rounds.ts';
import { fileNameFrom } from '../export/export-choices.ts';
import { saveFile } from '../export/save-file.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const FORMATS = ['docx', 'md', 'xlsx'] as const;

export function ReportMenu({ boardId, token, round }: { boardId: string; token: string; round: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: (typeof FORMATS)[number]) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { blob, disposition } = await fetchExport(reportUrl(boardId, format, round), token);
      saveFile(blob, fileNameFrom(disposition) ?? `uppfoljning.${format}`);
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('followUp.report.failed', { error: reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="report-menu">
      <legend className="report-menu__label">{t('followUp.report.label', { round })}</legend>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--quiet"
          aria-busy={busy}
          onClick={() => download(format)}
          data-report={format}
        >
          {t(`followUp.report.${format}`)}
        </button>
      ))}
      {error && (
        <p className="error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
