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
  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    if (!response.ok) throw new ApiError(response.status, parsed as ApiError['problem'], `${method} ${path}`);
    return parsed as T;
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

  async login(email: string, password: string): Promise<string> {
    const { accessToken } = await this.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email, password },
    });
    return accessToken;
  }
}
