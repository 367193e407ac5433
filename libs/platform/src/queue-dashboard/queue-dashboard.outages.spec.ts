import type { ExpressAdapter } from '@bull-board/express';
import { QueueDashboardOutages, dashboardLanguage } from './queue-dashboard.outages';

type Handler = (error: Error) => { status: number; body: Record<string, unknown> };

/** The outage handler as Bull Board would call it, over a stand-in for its own handler. */
function outageHandler(): Handler {
  const adapter = {
    errorHandler: () => ({ status: 500, body: { error: 'Internal server error' } }),
    setErrorHandler(handler: Handler) {
      this.errorHandler = handler as never;
    },
  };
  new QueueDashboardOutages(adapter as unknown as ExpressAdapter).onModuleInit();
  return adapter.errorHandler as unknown as Handler;
}

describe('the queue dashboard during an outage', () => {
  const timedOut = new Error('Command timed out');

  it('answers 503 in the reader’s language', () => {
    const answer = dashboardLanguage.run('fr', () => outageHandler()(timedOut));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      detail:
        'Les files d’attente ne peuvent pas être lues pour le moment ; veuillez réessayer dans quelques instants.',
    });
    expect(dashboardLanguage.run('ar', () => outageHandler()(timedOut)).body.detail).toBe(
      'تتعذّر قراءة قوائم الانتظار حاليًا؛ يُرجى المحاولة مجددًا بعد قليل.',
    );
  });

  it('answers in English outside a dashboard request, and leaves other errors to Bull Board', () => {
    expect(outageHandler()(timedOut).body.detail).toBe('The queues cannot be read now; try again shortly.');
    expect(outageHandler()(new Error('boom')).status).toBe(500);
  });
});
