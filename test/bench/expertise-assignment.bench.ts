/**
 * Times expertise-aware assignment (issue 16 item 4) at 5,000 applications × 3 evaluators over a
 * panel of 300 with a load of at most 60 each (the mean is 50) and 5% declared conflicts, built
 * from a fixed seed, beside the floor: the load-balancing `assignEvaluators` on the same panel,
 * applications and conflicts (it ignores affinities and loads). It prints the affinity table's
 * time, the exact flow's, the randomised form's (fractional solve and one draw, q = 0.5) and their
 * ratios to the floor, with the affinities each reaches.
 *
 *   npm run bench:expertise-assignment
 */
import { performance } from 'node:perf_hooks';
import { affinityTable, ExpertiseProfile } from '../../libs/evaluation/src/domain/affinity';
import { assignEvaluators } from '../../libs/evaluation/src/domain/assignment';
import type { ExpertiseAssignmentInput } from '../../libs/evaluation/src/domain/assignment-network';
import { assignByExpertise } from '../../libs/evaluation/src/domain/expertise-assignment';
import { sampleAssignment, solveFractionalAssignment } from '../../libs/evaluation/src/domain/randomized-assignment';
import { seededRandom } from './seeded-random';

const APPLICATIONS = 5_000;
const EVALUATORS = 300;
const SLOTS = 3;
const MAX_LOAD = 60;
const CONFLICT_RATE = 0.05;
const CAP = 0.5;
const SEED = 20_260_416;
const FIELDS = 30;
const WORDS_PER_FIELD = 25;

/** Profiles drawn around fields: each field has keywords and a vocabulary; texts mix in common words. */
function profiles(): { evaluators: ExpertiseProfile[]; applications: ExpertiseProfile[] } {
  const random = seededRandom(SEED);
  const pick = (n: number) => Math.floor(random() * n);
  const vocabulary = (field: number) => Array.from({ length: WORDS_PER_FIELD }, (_, k) => `f${field}w${k}`);
  const common = Array.from({ length: 200 }, (_, k) => `common${k}`);
  const textOf = (fields: number[], length: number) =>
    Array.from({ length }, () =>
      random() < 0.3 ? common[pick(common.length)] : vocabulary(fields[pick(fields.length)])[pick(WORDS_PER_FIELD)],
    ).join(' ');
  const profile = (id: string, fieldCount: number, length: number): ExpertiseProfile => {
    const fields = [...new Set(Array.from({ length: fieldCount }, () => pick(FIELDS)))];
    return { id, keywords: fields.map((f) => `field ${f}`), text: textOf(fields, length) };
  };
  return {
    evaluators: Array.from({ length: EVALUATORS }, (_, i) => profile(`evaluator-${pad(i, 3)}`, 2 + pick(4), 60)),
    applications: Array.from({ length: APPLICATIONS }, (_, i) => profile(`application-${pad(i, 5)}`, 1 + pick(2), 150)),
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

function main(): void {
  const { evaluators, applications } = profiles();
  const random = seededRandom(SEED + 1);
  const [table, tableMs] = time(() => affinityTable(evaluators, applications));
  const input: ExpertiseAssignmentInput = {
    evaluators: evaluators.map((e) => e.id),
    applications: applications.map((a) => ({
      id: a.id,
      assigned: [],
      conflicted: evaluators.filter(() => random() < CONFLICT_RATE).map((e) => e.id),
    })),
    slots: SLOTS,
    affinity: (applicationId, evaluatorId) => table.of(applicationId, evaluatorId),
    defaultMaxLoad: MAX_LOAD,
  };
  const [floor, floorMs] = time(() => assignEvaluators(input));
  const [exact, exactMs] = time(() => assignByExpertise(input));
  const [fractional, fractionalMs] = time(() => solveFractionalAssignment(input, CAP));
  const [draw, drawMs] = time(() => sampleAssignment(fractional, 1));
  const floorAffinity = floor.created.reduce((s, c) => s + input.affinity(c.applicationId, c.evaluatorId), 0);
  const mean = (total: number, n: number) => Number((total / n).toFixed(4));
  const report = {
    applications: APPLICATIONS,
    evaluators: EVALUATORS,
    slots: SLOTS,
    maxLoad: MAX_LOAD,
    cap: CAP,
    affinityTableMs: Math.round(tableMs),
    floorMs: Math.round(floorMs),
    exactMs: Math.round(exactMs),
    exactOverFloor: Number((exactMs / floorMs).toFixed(1)),
    fractionalMs: Math.round(fractionalMs),
    drawMs: Math.round(drawMs),
    randomisedOverFloor: Number(((fractionalMs + drawMs) / floorMs).toFixed(1)),
    created: { floor: floor.created.length, exact: exact.created.length, randomised: draw.created.length },
    unassigned: { floor: floor.unassigned.length, exact: exact.unassigned.length, randomised: draw.unassigned.length },
    meanAffinity: {
      floor: mean(floorAffinity, floor.created.length),
      exact: exact.report.meanAffinity,
      randomisedExpected: mean(fractional.expectedAffinity, SLOTS * APPLICATIONS),
      randomisedDraw: draw.report.meanAffinity,
    },
    worstServed: { exact: exact.report.worstServed, randomised: draw.report.worstServed },
    largestLoad: { floor: Math.max(...floor.loads.values()), exact: Math.max(...exact.loads.values()) },
  };
  console.log(
    `floor (assignEvaluators) ${report.floorMs} ms; exact flow ${report.exactMs} ms (×${report.exactOverFloor}); ` +
      `randomised ${report.fractionalMs} + ${report.drawMs} ms (×${report.randomisedOverFloor})`,
  );
  console.log(JSON.stringify(report, null, 2));
}

main();
