import request, { Response } from 'supertest';
import { TestApi } from './test-app';

/** A GET whose body is kept as bytes (a PDF, a CSV, a page), checked against the OpenAPI document. */
export async function getBytes(api: TestApi, path: string, headers: Record<string, string> = {}): Promise<Response> {
  let test = request(api.server).get(path);
  for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
  const res = await test.buffer(true).parse((stream, done) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  });
  api.contract.assertSupertestResponse(res);
  return res;
}
