/** Events and job maps: plain types and values, which contexts' domain code may import. */

/** A queue's jobs by name, each with its payload type: a context's typed job map. */
export type JobMap = Record<string, object>;

/** An event to publish: a context-owned name (e.g. 'application.withdrawn') and its payload. */
export interface OutboxEvent<Name extends string = string, Payload extends object = object> {
  name: Name;
  payload: Payload;
}

/** The typed constructor of a context's events: each name takes its own payload type only. */
export function eventsOf<Events extends JobMap>() {
  return <Name extends keyof Events & string>(name: Name, payload: Events[Name]): OutboxEvent<Name, Events[Name]> => ({
    name,
    payload,
  });
}

/**
 * The jobs a context's queue carries: its own work and the events it subscribes to, each a job of
 * the event's name. Declared as a record of the job map's keys, so that the compiler finds a job
 * left out.
 */
export interface QueueJobs {
  queue: string;
  jobs: readonly string[];
}

export function queueJobs<Jobs extends JobMap>(queue: string, jobs: { [Name in keyof Jobs]: true }): QueueJobs {
  return { queue, jobs: Object.keys(jobs) };
}
