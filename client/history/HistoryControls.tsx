/**
 * The header's "Historik" and "Papperskorg" buttons and the panels they open.
 * Papperskorg is hidden for viewers (restoring a card is an edit); restoring
 * a version and saving a named one are the facilitator's.
 */
import { type ReactNode, useState } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import type { BoardAccess, BoardVersion } from '../api/history.ts';
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
        <ClockIcon />
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

/** A 24-unit line icon beside a label; hidden from assistive technology, the label names the button. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

function ClockIcon() {
  return (
    <Icon>
      <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
      <path d="M3 3v5h5" />
      <path d="M12 7v5l3 2" />
    </Icon>
  );
}

function TrashIcon() {
  return (
    <Icon>
      <path d="M3 6h18" />
      <path d="M8 6V4h8v2" />
      <path d="M19 6l-1 14H6L5 6" />
      <path d="M10 11v6M14 11v6" />
    </Icon>
  );
}
