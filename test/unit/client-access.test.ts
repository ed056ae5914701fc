import { beforeEach, describe, expect, it } from 'vitest';
import {
  accessFor,
  forgetBoardAccess,
  forgetToken,
  parseAccess,
  rememberCreatedBoard,
  rememberRole,
  rememberRotated,
  rememberToken,
  roleFor,
  tokenFor,
} from '../../client/access/access-store.ts';
import { lockedOut, writesDocument } from '../../client/access/permissions.ts';
import { hashWithoutToken, shareLink, tokenFromHash } from '../../client/access/url-token.ts';

const tokens = {
  facilitator: 'F'.repeat(22),
  participant: 'P'.repeat(22),
  viewer: 'V'.repeat(22),
};

describe('share-link fragments', () => {
  it('reads the token from the fragment, and says when there is none', () => {
    expect(tokenFromHash(`#token=${tokens.viewer}`)).toEqual({ kind: 'token', token: tokens.viewer });
    expect(tokenFromHash(`#x=1&token=${tokens.viewer}`)).toEqual({ kind: 'token', token: tokens.viewer });
    expect(tokenFromHash('')).toEqual({ kind: 'none' });
    expect(tokenFromHash('#other=1')).toEqual({ kind: 'none' });
  });

  it('refuses what cannot be a token: cut short, empty, or not URL-safe', () => {
    expect(tokenFromHash('#token=')).toEqual({ kind: 'invalid' });
    expect(tokenFromHash('#token=abc')).toEqual({ kind: 'invalid' });
    expect(tokenFromHash(`#token=${'å'.repeat(22)}`)).toEqual({ kind: 'invalid' });
    expect(tokenFromHash(`#token=${'a'.repeat(20)}%0Aevil`)).toEqual({ kind: 'invalid' });
  });

  it('removes only the token from the fragment', () => {
    expect(hashWithoutToken(`#token=${tokens.viewer}`)).toBe('');
    expect(hashWithoutToken(`#token=${tokens.viewer}&view=2`)).toBe('#view=2');
  });

  it('builds canvas and table links with the token in the fragment', () => {
    expect(shareLink('https://tavla.example', 'abc', tokens.viewer)).toBe(
      `https://tavla.example/b/abc#token=${tokens.viewer}`,
    );
    expect(shareLink('https://tavla.example', 'abc', tokens.viewer, 'table')).toBe(
      `https://tavla.example/b/abc/table#token=${tokens.viewer}`,
    );
  });
});

describe('the tokens a browser keeps', () => {
  beforeEach(() => {
    for (const id of ['b1', 'b2']) forgetBoardAccess(id);
  });

  it('keeps all three links for the creator, opening as facilitator', () => {
    rememberCreatedBoard('b1', tokens);
    expect(tokenFor('b1')).toBe(tokens.facilitator);
    expect(accessFor('b1')).toEqual({ token: tokens.facilitator, role: 'facilitator', links: tokens });
  });

  it('keeps the facilitator a facilitator after they follow their own viewer link in this browser', () => {
    rememberCreatedBoard('b1', tokens);
    rememberToken('b1', tokens.viewer);
    expect(accessFor('b1')).toMatchObject({ token: tokens.viewer, role: 'viewer' });
    expect(tokenFor('b1')).toBe(tokens.facilitator);
    expect(roleFor('b1')).toBe('facilitator');
  });

  it('opens with a followed link before its role is known, and remembers the role the server gives it', () => {
    rememberToken('b2', tokens.participant);
    expect(accessFor('b2')).toEqual({ token: tokens.participant, role: null, links: {} });
    expect(tokenFor('b2')).toBe(tokens.participant);
    expect(roleFor('b2')).toBeNull();
    rememberRole('b2', tokens.participant, 'participant');
    expect(roleFor('b2')).toBe('participant');
    expect(accessFor('b2')).toEqual({
      token: tokens.participant,
      role: 'participant',
      links: { participant: tokens.participant },
    });
  });

  it('switches to a rotated link of its own role, and only remembers the others', () => {
    rememberCreatedBoard('b1', tokens);
    rememberRotated('b1', 'viewer', 'W'.repeat(22));
    expect(accessFor('b1')).toMatchObject({ token: tokens.facilitator, links: { viewer: 'W'.repeat(22) } });
    rememberRotated('b1', 'facilitator', 'G'.repeat(22));
    expect(tokenFor('b1')).toBe('G'.repeat(22));
  });

  it('forgets a refused token and falls back to the strongest link it still knows', () => {
    rememberCreatedBoard('b1', tokens);
    rememberToken('b1', tokens.viewer);
    forgetToken('b1', tokens.viewer);
    expect(accessFor('b1')?.links.viewer).toBeUndefined();
    expect(tokenFor('b1')).toBe(tokens.facilitator);
    rememberToken('b2', tokens.participant);
    forgetToken('b2', tokens.participant);
    expect(accessFor('b2')).toBeNull();
    expect(tokenFor('b2')).toBeNull();
  });

  it('survives damaged storage, dropping what does not parse', () => {
    expect(parseAccess(null)).toEqual({});
    expect(parseAccess('not json')).toEqual({});
    expect(parseAccess('[1,2]')).toEqual({});
    const stored = {
      good: { token: tokens.viewer, role: 'viewer', links: { viewer: tokens.viewer, participant: 'short' } },
      badToken: { token: 'x y', role: 'viewer', links: {} },
      badRole: { token: tokens.viewer, role: 'admin', links: {} },
      nothing: null,
    };
    expect(parseAccess(JSON.stringify(stored))).toEqual({
      good: { token: tokens.viewer, role: 'viewer', links: { viewer: tokens.viewer } },
      badRole: { token: tokens.viewer, role: null, links: {} },
    });
  });
});

describe('what a role may do', () => {
  it('never writes the document as a viewer', () => {
    expect(writesDocument('viewer')).toBe(false);
    expect(writesDocument('participant')).toBe(true);
    expect(writesDocument('facilitator')).toBe(true);
  });

  it('locks participants out of a locked board, never the facilitator', () => {
    expect(lockedOut('participant', true)).toBe(true);
    expect(lockedOut('participant', false)).toBe(false);
    expect(lockedOut('facilitator', true)).toBe(false);
  });
});
