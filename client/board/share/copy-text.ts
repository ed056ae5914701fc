/**
 * Copies text to the clipboard: the asynchronous Clipboard API where the page
 * may use it (a secure origin), else the old selection-and-copy command on
 * the given input. False when neither worked; the text is then left selected
 * for the person to copy with the keyboard.
 */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): fall back to the selection.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
