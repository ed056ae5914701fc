/**
 * Static tldraw settings. Icons, fonts and translations come from our own
 * origin (bundled by Vite from @tldraw/assets): tldraw's default CDN is
 * unreachable offline and on many public-sector networks, and no request may
 * leave the origin.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import type { TLComponents } from 'tldraw';
import { tldrawLicenseKey } from '../app/runtime-config.ts';
import { QuickActionsWithoutUndo } from '../undo/QuickActions.tsx';
import { cardTldrawOptions } from './card/add-card.ts';
import { cspNonce } from './csp-nonce.ts';
import { UnplacedHeading } from './layout/UnplacedHeading.tsx';
import { HelpMenuWithoutLanguage, MainMenuWithoutLanguage } from './MainMenuWithoutLanguage.tsx';
import { NoteContextMenu } from './notes/note-actions.tsx';

export const assetUrls = getAssetUrlsByImport();

/**
 * Needed when served over HTTPS on a non-loopback host; without it tldraw
 * stops rendering there (the board then opens as a table, see canvasAvailable).
 * The server hands it over at run time (TLDRAW_LICENSE_KEY).
 */
export const licenseKey: string | undefined = tldrawLicenseKey();

/**
 * One page per board: the zones live on it, so the page menu is hidden; undo is the board's own;
 * a note can become a card; the strip of unplaced cards has a heading on the canvas; the header's
 * language switch is the only one (it sets tldraw's locale too).
 */
export const components: TLComponents = {
  PageMenu: null,
  OnTheCanvas: UnplacedHeading,
  QuickActions: QuickActionsWithoutUndo,
  ContextMenu: NoteContextMenu,
  MainMenu: MainMenuWithoutLanguage,
  HelpMenu: HelpMenuWithoutLanguage,
};

/** Options of every <Tldraw> on a board page: the page's CSP nonce goes on the <style> elements tldraw renders. */
export const tldrawOptions = { ...cardTldrawOptions, nonce: cspNonce() };
