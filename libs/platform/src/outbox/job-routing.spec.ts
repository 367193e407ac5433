import { jobRoutingProblems } from './job-routing';

const declared = (queues: Record<string, string[]>) => (queue: string) => queues[queue];

describe('jobRoutingProblems', () => {
  const jobs = declared({ scoring: ['scoring.rescore-call', 'call.reweighted'] });

  it('finds nothing when each declared job has one processor', () => {
    expect(
      jobRoutingProblems(['scoring'], jobs, [
        { name: 'ScoringProcessor', queue: 'scoring', jobs: ['scoring.rescore-call', 'call.reweighted'] },
        { name: 'NotificationsProcessor', queue: 'notifications', jobs: ['notifications.send-email'] },
      ]),
    ).toEqual([]);
  });

  it('names a relayed queue nobody declares, a processor that does not list its jobs and a job nobody declares', () => {
    expect(
      jobRoutingProblems(['scoring', 'mail'], jobs, [
        { name: 'ScoringProcessor', queue: 'scoring', jobs: ['scoring.rescore-call', 'call.reweighted', 'call.typo'] },
        { name: 'LegacyProcessor', queue: 'scoring', jobs: undefined },
      ]),
    ).toEqual([
      'LegacyProcessor of queue "scoring" does not list its jobs',
      'ScoringProcessor serves "call.typo", which queue "scoring" does not declare',
      'queue "mail" is relayed but no context declares its jobs',
    ]);
  });
});
