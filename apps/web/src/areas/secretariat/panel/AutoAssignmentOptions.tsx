import { Checkbox, Group, NumberInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The API's bounds on a random draw's cap on any pair's probability, and on its seed. */
const MIN_CAP = 0.001;
const MAX_SEED = 2147483647;

export interface AssignmentOptions {
  /** Draw the assignment at random under `cap` rather than take the best-matched one. */
  randomise: boolean;
  cap: number | string;
  /** '' lets the API draw a seed; a recorded one repeats a draw. */
  seed: number | string;
}

export const EXACT_ASSIGNMENT: AssignmentOptions = { randomise: false, cap: 0.5, seed: '' };

/** The run's body: exact unless randomised, then with its cap and any seed given. */
export function autoAssignmentBody(options: AssignmentOptions, dryRun: boolean) {
  if (!options.randomise) return { dryRun };
  return {
    dryRun,
    maxPairProbability: Number(options.cap),
    ...(options.seed === '' ? {} : { seed: Number(options.seed) }),
  };
}

/**
 * Whether to draw the assignment at random, with no evaluator–application pair more likely than the
 * cap, so that no one can count on being given a particular application; and the draw's seed.
 */
export function AutoAssignmentOptionsFields(props: {
  options: AssignmentOptions;
  onChange: (options: AssignmentOptions) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('secretariat');
  const { options, onChange, errors } = props;
  return (
    <Stack gap="sm" mb="md">
      <Checkbox
        label={t('panel.auto.randomise')}
        description={t('panel.auto.randomiseHint')}
        checked={options.randomise}
        onChange={(event) => onChange({ ...options, randomise: event.currentTarget.checked })}
      />
      {options.randomise && (
        <Group align="flex-start" grow>
          <NumberInput
            label={t('panel.auto.cap')}
            description={t('panel.auto.capHint')}
            min={MIN_CAP}
            max={1}
            step={0.05}
            decimalScale={3}
            required
            value={options.cap}
            onChange={(cap) => onChange({ ...options, cap })}
            error={errors.maxPairProbability}
          />
          <NumberInput
            label={t('panel.auto.seed')}
            description={t('panel.auto.seedHint')}
            min={0}
            max={MAX_SEED}
            allowDecimal={false}
            allowNegative={false}
            value={options.seed}
            onChange={(seed) => onChange({ ...options, seed })}
            error={errors.seed}
          />
        </Group>
      )}
    </Stack>
  );
}
