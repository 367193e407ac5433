import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { Response } from 'supertest';
import { HttpAppOptions, configureHttpApp } from '@app/platform';
import { ApiModule } from '../../apps/api/src/api.module';
import { OpenApiContract } from './openapi-contract';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}

/**
 * The real API on the test database, and a client whose every response is checked against the
 * served OpenAPI document, so the document cannot drift from the code. The API runs in the test's
 * process (`start`) or in another one, reached over HTTP (`connect`).
 */
export class TestApi {
  private constructor(
    private readonly local: NestExpressApplication | undefined,
    readonly contract: OpenApiContract,
    private readonly baseUrl?: string,
  ) {}

  static async start(options: HttpAppOptions = {}): Promise<TestApi> {
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureHttpApp(app, options);
    await app.init();
    const contract = await OpenApiContract.fromServer(app.getHttpServer());
    return new TestApi(app, contract);
  }

  /** The client of an API process already listening at `baseUrl` (see PlatformProcess). */
  static async connect(baseUrl: string): Promise<TestApi> {
    return new TestApi(undefined, await OpenApiContract.fromServer(baseUrl), baseUrl);
  }

  /** The application in this process; a connected API has none. */
  get app(): NestExpressApplication {
    if (!this.local) throw new Error(`the API at ${this.baseUrl} runs in another process`);
    return this.local;
  }

  /** The in-process HTTP server; a connected API has none (see `target`). */
  get server() {
    return this.app.getHttpServer();
  }

  /** What supertest sends requests to: the in-process server, or the other process's base URL. */
  get target(): ReturnType<NestExpressApplication['getHttpServer']> | string {
    return this.local ? this.local.getHttpServer() : (this.baseUrl as string);
  }

  /** Listens on the loopback interface, for clients outside this process (a browser); answers the base URL. */
  async listen(port: number): Promise<string> {
    await this.app.listen(port, '127.0.0.1');
    return `http://127.0.0.1:${port}`;
  }

  get = (url: string, options: CallOptions = {}) => this.call('get', url, options);
  post = (url: string, options: CallOptions = {}) => this.call('post', url, options);
  patch = (url: string, options: CallOptions = {}) => this.call('patch', url, options);
  put = (url: string, options: CallOptions = {}) => this.call('put', url, options);
  delete = (url: string, options: CallOptions = {}) => this.call('delete', url, options);

  /** A multipart upload of one file with extra text fields. */
  async upload(
    url: string,
    token: string,
    file: { buffer: Buffer; filename: string; contentType?: string },
    fields: Record<string, string> = {},
  ): Promise<Response> {
    let test = request(this.target).post(url).set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    const response = await test.attach('file', file.buffer, {
      filename: file.filename,
      contentType: file.contentType ?? 'application/octet-stream',
    });
    this.contract.assertSupertestResponse(response);
    return response;
  }

  /** Closes the in-process application; a connected API's process is its starter's to stop. */
  async close(): Promise<void> {
    await this.local?.close();
  }

  private async call(method: 'get' | 'post' | 'patch' | 'put' | 'delete', url: string, options: CallOptions) {
    let test = request(this.target)[method](url);
    if (options.token) test = test.set('Authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) test = test.set(name, value);
    if (options.query) test = test.query(options.query);
    const response = options.body === undefined ? await test : await test.send(options.body as object);
    this.contract.assertSupertestResponse(response);
    return response;
  }
}
