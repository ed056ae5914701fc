/**
 * "Exportera": a menu button (WAI-ARIA menu button pattern) in the board
 * header, so it serves the canvas and the table view alike. Every entry
 * fetches the file with the board token's header and then saves it: a plain
 * link could not carry the token, and a failed export (storage down, template
 * not installed, network gone) shows the server's `{ error }` here instead of
 * a browser "download failed" with no reason.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, fetchExport } from '../api/boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { EXPORT_CHOICES, exportUrl, fallbackFileName, fileNameFrom } from './export-choices.ts';
import { saveFile } from './save-file.ts';
import './export.css';

interface MenuItem {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  url: string;
  fallbackName: string;
}

/** The plan's formats, and (for the board now, not a version) the board's template as a JSON file. */
function menuItems(boardId: string, versionId: string | undefined, lang: 'sv' | 'en'): MenuItem[] {
  const plans = EXPORT_CHOICES.map((choice) => ({
    id: choice.id,
    label: choice.label,
    hint: choice.hint,
    url: exportUrl(boardId, choice, versionId, lang),
    fallbackName: fallbackFileName(choice),
  }));
  if (versionId) return plans;
  const template: MenuItem = {
    id: 'template',
    label: 'layout.download',
    hint: 'layout.download.hint',
    url: `/api/boards/${encodeURIComponent(boardId)}/template?download=1`,
    fallbackName: 'mall.json',
  };
  return [...plans, template];
}

/** `versionId`: export that version of the board (from the history's version view) instead of the board now. */
export function ExportMenu({ boardId, token, versionId }: { boardId: string; token: string; versionId?: string }) {
  const { t, lang } = useI18n();
  // The files speak the page's language (headings, labels, statuses).
  const items = menuItems(boardId, versionId, lang);
  const [open, setOpen] = useState(false);
  // Which item gets the focus once the menu has rendered open.
  const [focusAt, setFocusAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) itemRefs.current[focusAt]?.focus();
  }, [open, focusAt]);

  // A press anywhere else closes the menu. Capture phase: the canvas stops its pointer events from bubbling.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const openAt = (index: number) => {
    setError(null);
    setFocusAt(index);
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const current = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: current >= last ? 0 : current + 1,
      ArrowUp: current <= 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    // The canvas behind has its own shortcuts (arrows nudge shapes, Escape deselects): keep ours to ourselves.
    event.stopPropagation();
    if (event.key in moves) {
      event.preventDefault();
      itemRefs.current[moves[event.key] as number]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const download = async (event: MouseEvent, choice: MenuItem) => {
    event.preventDefault();
    close(true);
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { blob, disposition } = await fetchExport(choice.url, token);
      saveFile(blob, fileNameFrom(disposition) ?? choice.fallbackName);
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('export.failed', { error: reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button export-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-busy={busy}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
        data-testid="export-button"
      >
        {busy ? t('export.busy') : t('export.button')}
        <span className="export-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div
        id={menuId}
        role="menu"
        aria-label={t('export.menu')}
        className="export-menu__list"
        hidden={!open}
        onKeyDown={onMenuKeyDown}
      >
        {items.map((choice, index) => (
          <button
            type="button"
            key={choice.id}
            ref={(el) => {
              itemRefs.current[index] = el;
            }}
            role="menuitem"
            tabIndex={-1}
            className="export-menu__item"
            // The format is the item's name; the hint describes it, so lists of items read short.
            aria-labelledby={`${menuId}${choice.id}`}
            aria-describedby={`${menuId}${choice.id}-hint`}
            onClick={(event) => download(event, choice)}
            data-export={choice.id}
          >
            <span id={`${menuId}${choice.id}`} className="export-menu__label">
              {t(choice.label)}
            </span>
            <span id={`${menuId}${choice.id}-hint`} className="export-menu__hint">
              {t(choice.hint)}
            </span>
          </button>
        ))}
      </div>
      {error && (
        <div className="export-menu__error error" role="alert" data-testid="export-error">
          <span>{error}</span>
          <button
            type="button"
            className="button button--quiet export-menu__dismiss"
            onClick={() => setError(null)}
            aria-label={t('export.dismiss')}
            title={t('export.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
