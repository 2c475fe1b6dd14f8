import { OrderConnectorError } from './order-connector.types';

export interface HttpJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** GET returning parsed JSON; null for 404. Timeouts and other statuses become coded errors, never hangs. */
export async function getJson(url: string, options: HttpJsonOptions): Promise<unknown | null> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { accept: 'application/json', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new OrderConnectorError('timeout', `no answer within ${options.timeoutMs} ms`);
    throw new OrderConnectorError('unreachable', (error as Error).message);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new OrderConnectorError(`http_${response.status}`, `order API answered ${response.status}`);
  }
  try {
    return await response.json();
  } catch {
    throw new OrderConnectorError('invalid_json', 'order API answered with something other than JSON');
  }
}

/** Fills `{name}` placeholders, URL-encoding each value. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? encodeURIComponent(values[key]) : whole,
  );
}
