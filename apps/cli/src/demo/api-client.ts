/** A small client of the platform's HTTP API, as any external script would write it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; detail?: string; errors?: Array<{ field: string; message: string }> },
    what: string,
  ) {
    super(`${what} answered ${status} ${problem.code ?? ''}: ${problem.detail ?? ''}`);
  }
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export class ApiClient {
  /**
   * The sessions this client signed in, by the access token it handed out: a round on a slow machine
   * outlasts an access token, so on a 401 the session is refreshed (as any client of the API does)
   * and the caller's token keeps working.
   */
  private readonly sessions = new Map<string, { accessToken: string; refreshToken: string }>();

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const session = options.token === undefined ? undefined : this.sessions.get(options.token);
    try {
      return await this.send<T>(method, path, { ...options, token: session?.accessToken ?? options.token });
    } catch (error) {
      if (!(session && error instanceof ApiError && error.status === 401)) throw error;
      const renewed = await this.send<{ accessToken: string; refreshToken: string }>('POST', '/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      Object.assign(session, renewed);
      return this.send<T>(method, path, { ...options, token: session.accessToken });
    }
  }

  private async send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, problemOf(text), `${method} ${path}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The request's refusal, for the steps that show one. */
  async refusal(method: string, path: string, options: RequestOptions = {}): Promise<ApiError> {
    try {
      await this.request(method, path, options);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error(`${method} ${path} was expected to be refused`);
  }

  /** The bytes of a response, for the files the API serves (the annexes). */
  async download(path: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new ApiError(response.status, problemOf(bytes.toString('utf8')), `GET ${path}`);
    return bytes;
  }

  /** The body exactly as served, for checking a hash over it. */
  async text(path: string): Promise<string> {
    return (await this.download(path)).toString('utf8');
  }

  async login(email: string, password: string): Promise<string> {
    const tokens = await this.request<{ accessToken: string; refreshToken: string }>('POST', '/auth/login', {
      body: { email, password },
    });
    this.sessions.set(tokens.accessToken, { ...tokens });
    return tokens.accessToken;
  }
}

/** A problem+json body, or what little a body that is not one says. */
function problemOf(text: string): ApiError['problem'] {
  try {
    return text ? (JSON.parse(text) as ApiError['problem']) : {};
  } catch {
    return { detail: text.slice(0, 200) };
  }
}
