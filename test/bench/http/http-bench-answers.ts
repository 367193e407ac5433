import type { Request } from 'autocannon';
import type { Scenario } from './http-bench-scenarios';

/**
 * Before anything is timed, one request of each scenario to both servers: each must answer 2xx, and
 * the fields of the floor's JSON answer are compared with the project's, so that a floor answering
 * less (and so doing less) shows at once.
 */
export async function compareAnswers(urls: { project: string; bare: string }, list: Scenario[]): Promise<string[]> {
  const problems: string[] = [];
  for (const scenario of list) {
    const [project, bare] = await Promise.all([answer(urls.project, scenario), answer(urls.bare, scenario)]);
    for (const [side, got] of [
      ['project', project],
      ['bare', bare],
    ] as const) {
      if (got.status >= 300) problems.push(`${scenario.name}, ${side}: ${got.status} ${JSON.stringify(got.body)}`);
    }
    const projectFields = fields(project.body);
    const bareFields = fields(bare.body);
    const missing = [...projectFields].filter((f) => !bareFields.has(f));
    const extra = [...bareFields].filter((f) => !projectFields.has(f));
    if (missing.length > 0) problems.push(`${scenario.name}: the floor does not answer ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${scenario.name}: only the floor answers ${extra.join(', ')}`);
  }
  return problems;
}

/** The request a scenario's next run would send first, sent once with fetch. */
async function answer(url: string, scenario: Scenario): Promise<{ status: number; body: unknown }> {
  const template = scenario.request();
  const context = {};
  const request: Request = template.setupRequest?.({ ...template }, context) ?? template;
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: request.body as string | undefined,
  });
  const text = await response.text();
  template.onResponse?.(response.status, text, context);
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The paths of every field of a JSON value; an array's elements count as one. */
function fields(value: unknown, prefix = '', found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => fields(item, `${prefix}[]`, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      found.add(path);
      fields(child, path, found);
    }
  }
  return found;
}
