import { closeInTurn } from './async';

describe('closeInTurn', () => {
  it('runs every step in turn, past one that fails and one that hangs, then names both', async () => {
    const ran: string[] = [];
    const closing = closeInTurn(
      [
        ['the worker', () => Promise.reject(new Error('connection reset')).finally(() => ran.push('worker'))],
        ['the API', () => new Promise(() => ran.push('api'))],
        ['Redis', async () => void ran.push('redis')],
      ],
      50,
    );

    await expect(closing).rejects.toThrow('the worker failed: connection reset; the API did not end within 0.05 s');
    expect(ran).toEqual(['worker', 'api', 'redis']);
  });

  it('ends quietly when every step ends', async () => {
    await expect(closeInTurn([['the API', async () => undefined]])).resolves.toBeUndefined();
  });
});
