/**
 * A browser reduced to what a redirect sign-in needs: cookies per host and port, redirects followed
 * by hand (so a test can stop at, keep or replay any hop), and the identity provider's login form
 * filled in. No protocol step is taken for either side: both answer as they would to a browser.
 */

export interface Hop {
  readonly url: URL;
  readonly status: number;
  readonly location: string | undefined;
  readonly setCookies: readonly string[];
  readonly body: string;
}

export class HttpBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const host = new URL(origin).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(host, cookies);
  }

  private remember(url: URL, setCookies: readonly string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      const cookies = this.jar.get(url.host) ?? new Map<string, string>();
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
      this.jar.set(url.host, cookies);
    }
  }

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Hop> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map<string, string>()).entries()];
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(cookies.length > 0 ? { cookie: cookies.map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    this.remember(target, setCookies);
    const location = response.headers.get('location') ?? undefined;
    return { url: target, status: response.status, location, setCookies, body: await response.text() };
  }

  /**
   * Follows redirects from `start`, signing in at the provider's login form as `login`, until a
   * response is no redirect or the next hop is on `stopAt` (returned unrequested, to be replayed).
   */
  async follow(
    start: string | URL,
    login: string,
    stopAt?: (next: URL) => boolean,
  ): Promise<{ last: Hop; next?: URL }> {
    let hop = await this.request(start);
    for (let step = 0; step < 20; step += 1) {
      if (hop.location !== undefined) {
        const next = new URL(hop.location, hop.url);
        if (stopAt?.(next)) return { last: hop, next };
        hop = await this.request(next);
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*>[\s\S]*?name="prompt" value="login"/.exec(hop.body);
      if (hop.status === 200 && form?.[1]) {
        hop = await this.request(new URL(form[1], hop.url), { form: { prompt: 'login', login, password: 'any' } });
        continue;
      }
      return { last: hop };
    }
    throw new Error(`too many redirects from ${String(start)}`);
  }
}
