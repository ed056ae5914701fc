/** The board's template, for shape components rendered deep inside tldraw. */
import { createContext, useContext } from 'react';
import type { Template } from '../../../shared/template.ts';

export const TemplateContext = createContext<Template | null>(null);

export function useBoardTemplate(): Template | null {
  return useContext(TemplateContext);
}
