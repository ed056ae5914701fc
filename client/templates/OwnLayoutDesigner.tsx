/** The start page's designer: a new board from the design (`POST /api/boards { title, template }`), opened as its facilitator. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Template } from '../../shared/template.ts';
import { createBoardFromTemplate } from '../api/templates.ts';
import { openCreatedBoard } from '../home/open-created-board.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { blankDesign, designFromTemplate } from './design.ts';
import { TemplateDesigner } from './TemplateDesigner.tsx';

export function OwnLayoutDesigner({ from, onClose }: { from: Template | null; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [design, setDesign] = useState(() => (from ? designFromTemplate(from) : blankDesign()));

  const create = async (template: Template) => {
    const board = await createBoardFromTemplate(design.boardTitle.trim(), template);
    navigate(openCreatedBoard(board));
  };

  return (
    <TemplateDesigner
      design={design}
      onChange={setDesign}
      creating
      submitLabel={t('home.own.submit')}
      busyLabel={t('home.own.submitting')}
      onSubmit={create}
      actions={
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('home.own.close')}
        </button>
      }
    />
  );
}
