/**
 * Times automatic assignment at the size issue 3 sets: 10,000 applications × 3 evaluators over a
 * panel of 300, with 5% declared conflicts, built from a fixed seed. It only prints; the budget
 * (under 5 s on the 2-core reference machine) is checked by whoever runs it.
 *
 *   npm run bench:assignment
 */
import { performance } from 'node:perf_hooks';
import { assignEvaluators, AssignmentInput } from '../../libs/evaluation/src/domain/assignment';
import { seededRandom } from './seeded-random';

const APPLICATIONS = 10_000;
const EVALUATORS = 300;
const SLOTS = 3;
const CONFLICT_RATE = 0.05;
const SEED = 20_251_123;

function instance(): AssignmentInput {
  const random = seededRandom(SEED);
  const evaluators = Array.from({ length: EVALUATORS }, (_, i) => `evaluator-${String(i).padStart(3, '0')}`);
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: `application-${String(i).padStart(5, '0')}`,
    assigned: [],
    conflicted: evaluators.filter(() => random() < CONFLICT_RATE),
  }));
  return { evaluators, applications, slots: SLOTS };
}

function main(): void {
  const input = instance();
  const conflicts = input.applications.reduce((sum, a) => sum + a.conflicted.length, 0);
  const started = performance.now();
  const result = assignEvaluators(input);
  const elapsed = performance.now() - started;
  const loads = [...result.loads.values()];
  const report = {
    applications: APPLICATIONS,
    evaluators: EVALUATORS,
    slots: SLOTS,
    declaredConflicts: conflicts,
    conflictShare: Number((conflicts / (APPLICATIONS * EVALUATORS)).toFixed(4)),
    timeMs: Math.round(elapsed),
    created: result.created.length,
    minLoad: Math.min(...loads),
    maxLoad: Math.max(...loads),
    unassigned: result.unassigned.length,
  };
  console.log(`assignEvaluators: ${report.timeMs} ms`);
  console.log(JSON.stringify(report, null, 2));
}

main();
