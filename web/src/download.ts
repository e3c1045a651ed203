// Downloads a CSV export of the API (Accept: text/csv; the server audits each export). False when it was refused.
export async function downloadCsv(url: string, filename: string): Promise<boolean> {
  const res = await fetch(url, { headers: { accept: 'text/csv' }, credentials: 'same-origin' });
  if (!res.ok) return false;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(href);
  return true;
}
