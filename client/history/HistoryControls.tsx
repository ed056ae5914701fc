/**
 * The header's "Historik" and "Papperskorg" buttons and the panels they open.
 * Papperskorg is hidden for viewers (restoring a card is an edit); restoring
 * a version and saving a named one are the facilitator's.
 */
import { useState } from 'react';
import type { Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import type { BoardAccess, BoardVersion } from '../api/history.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { TrashPanel } from './TrashPanel.tsx';

export interface HistoryControlsProps {
  board: BoardAccess;
  role: Role;
  template: Template;
  onOpenVersion(version: BoardVersion): void;
}

export function HistoryControls({ board, role, template, onOpenVersion }: HistoryControlsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'history' | 'trash' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('history')} data-testid="open-history">
        {t('history.button')}
      </button>
      {role !== 'viewer' && (
        <button type="button" className="button" onClick={() => setOpen('trash')} data-testid="open-trash">
          {t('trash.button')}
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
      {open === 'trash' && <TrashPanel board={board} template={template} onClose={close} />}
    </>
  );
}
