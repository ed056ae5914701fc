/**
 * The header's "Historik" and "Papperskorg" buttons and the panels they open.
 * Papperskorg is hidden for viewers (restoring a card is an edit); restoring
 * a version and saving a named one are the facilitator's.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import type { BoardAccess, BoardVersion } from '../api/history.ts';
import { HistoryIcon, TrashIcon } from '../app/icons.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { TrashPanel } from './TrashPanel.tsx';

export interface HistoryControlsProps {
  board: BoardAccess;
  /** The live board document (the papperskorg leaves out cards that are back on it). */
  doc: Y.Doc;
  role: Role;
  template: Template;
  onOpenVersion(version: BoardVersion): void;
}

export function HistoryControls({ board, doc, role, template, onOpenVersion }: HistoryControlsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'history' | 'trash' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button
        type="button"
        className="button header-button"
        onClick={() => setOpen('history')}
        title={t('history.button')}
        data-testid="open-history"
      >
        <HistoryIcon />
        <span className="header-button__label">{t('history.button')}</span>
      </button>
      {role !== 'viewer' && (
        <button
          type="button"
          className="button header-button"
          onClick={() => setOpen('trash')}
          title={t('trash.button')}
          data-testid="open-trash"
        >
          <TrashIcon />
          <span className="header-button__label">{t('trash.button')}</span>
        </button>
      )}
      {open === 'history' && (
        <HistoryPanel
          board={board}
          template={template}
          mayRestore={role === 'facilitator'}
          onClose={close}
          onOpen={(version) => {
            close();
            onOpenVersion(version);
          }}
        />
      )}
      {open === 'trash' && <TrashPanel board={board} doc={doc} template={template} onClose={close} />}
    </>
  );
}
