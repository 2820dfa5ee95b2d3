import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Agent, request } from 'undici';

/**
 * The transport under the MSP client's axios calls: undici (Node's own HTTP client) instead of axios's
 * node:http adapter. On the create-order path the http adapter, node:http's client and its agent cost about a
 * fifth of the service's CPU (bench/ profiles); undici keeps connections alive without that per-request work.
 * axios stays the API (HttpService, interceptors, config); this only moves bytes.
 *
 * Scope: what the MSP client sends. A text or absent body, a URL with its query already in it, text
 * answers, no redirects. Failures are AxiosErrors with axios's codes, so callers cannot tell the difference.
 */
export function undiciTransport(dispatcher: Agent): AxiosAdapter {
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse<string>> => {
    if (config.params && Object.keys(config.params as object).length) {
      throw new AxiosError('The undici transport takes the query in the URL, not in params', AxiosError.ERR_BAD_OPTION, config);
    }
    if (config.data !== undefined && typeof config.data !== 'string') {
      throw new AxiosError('The undici transport sends text bodies only', AxiosError.ERR_BAD_OPTION, config);
    }
    const timeout = config.timeout ? AbortSignal.timeout(config.timeout) : undefined;
    const signal = timeout && config.signal ? AbortSignal.any([timeout, config.signal as AbortSignal]) : (timeout ?? (config.signal as AbortSignal | undefined));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    try {
      const res = await request(String(config.url), {
        dispatcher, method: (config.method ?? 'get').toUpperCase() as 'GET', headers, body: config.data as string | undefined, signal,
      });
      const data = await res.body.text();
      return { data, status: res.statusCode, statusText: '', headers: AxiosHeaders.from(res.headers as Record<string, string>), config, request: null };
    } catch (e) {
      if (timeout?.aborted) {
        throw new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config);
      }
      if (signal?.aborted) throw new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
      const err = e as Error & { code?: string; cause?: { code?: string } };
      throw new AxiosError(err.message, err.cause?.code ?? err.code ?? AxiosError.ERR_NETWORK, config);
    }
  };
}
