/** Hands a fetched file to the browser's download machinery under the given name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the blob is only a plan, so let it live a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
