// Files behind the bearer token (reports, bundles) are fetched and handed to the browser as a download rather than
// linked.
import { errorOf } from './api-client.js';

/** Fetches `url` with the token and saves its body under the name `nameOf` gives from its Content-Disposition. */
export async function downloadFile(url: string, token: string, nameOf: (disposition: string | null) => string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw errorOf(0, undefined);
  }
  if (!response.ok) throw errorOf(response.status, await response.json().catch(() => undefined));
  const name = nameOf(response.headers.get('content-disposition'));
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
