/**
 * What tldraw says of a selected card: "<title>, aktivitetskort. 3 av 34".
 * tldraw names a shape's kind by the translation key `tool.<type>`; without
 * one it read the bare key ("tool.activity-card").
 */
import type { TLUiOverrides } from 'tldraw';
import { cardText } from '../../cards/card-messages.ts';
import { CARD_TYPE } from './ActivityCardShape.ts';

const KIND_KEY = `tool.${CARD_TYPE}`;

export const cardShapeOverrides: TLUiOverrides = {
  translations: {
    sv: { [KIND_KEY]: cardText('sv', null).t('card.shapeKind') },
    en: { [KIND_KEY]: cardText('en', null).t('card.shapeKind') },
  },
};
