/**
 * Following and summons on the canvas (README "Following and summoning"):
 * the canvas registers a CanvasLink for the header's people list. Following
 * is tldraw's own (`startFollowingUser`), which chases the leader's camera in
 * the presence records bindPresence merges into the store; tldraw stops it
 * when this person pans or zooms, and Escape stops it here.
 */
import { createUserId, type Editor, react, unsafe__withoutCapture } from 'tldraw';
import { type CanvasLink, setCanvasLink } from '../../presence/canvas-link.ts';

const USER_PREFIX = 'user:';

/** The name the followed person's presence record carries. */
function leaderName(editor: Editor, userId: string): string {
  const record = editor.getCollaborators().find((presence) => presence.userId === userId);
  return record?.userName ?? '';
}

export function bindCanvasFollow(editor: Editor): () => void {
  const link = (following: CanvasLink['following']): CanvasLink => ({
    following,
    follow(personId) {
      if (personId === null) editor.stopFollowingUser();
      else editor.startFollowingUser(createUserId(personId));
    },
    viewBounds() {
      const { x, y, w, h } = editor.getViewportPageBounds();
      return { x, y, w, h };
    },
    show(bounds) {
      editor.stopFollowingUser();
      editor.zoomToBounds(bounds, { inset: 0, animation: { duration: 300 } });
    },
  });

  const stopWatching = react('samtavla: following', () => {
    const userId = editor.getInstanceState().followingUserId;
    const following = userId
      ? // Untracked: the others' presence changes with every cursor move; only the followed id matters here.
        { id: userId.slice(USER_PREFIX.length), name: unsafe__withoutCapture(() => leaderName(editor, userId)) }
      : null;
    setCanvasLink(link(following));
  });

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && editor.getInstanceState().followingUserId) editor.stopFollowingUser();
  };
  window.addEventListener('keydown', onKey);

  return () => {
    stopWatching();
    window.removeEventListener('keydown', onKey);
    setCanvasLink(null);
  };
}
