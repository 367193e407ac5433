import { Box, Button, Fieldset, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../shared/format';
import classes from '../secretariat.module.css';
import { emptyCriterion, type CriterionRow } from './call-form';
import { numberOf } from './call-body';
import { field, fieldDomId, Legend, type CallForm } from './call-form-kit';

/** Stage 1's criteria and weights: the call's own. Once the call has opened only the weights change. */
export function CriteriaSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  return (
    <Fieldset legend={<Legend title={t('builder.criteria.title')} locked={false} />}>
      <Stack>
        <Text size="sm">{locked ? t('builder.criteria.lockedIntro') : t('builder.criteria.intro')}</Text>
        <CriteriaEditor form={form} path="criteria" rows={form.values.criteria} locked={locked} weightsLocked={false} />
      </Stack>
    </Fieldset>
  );
}

interface CriteriaEditorProps {
  form: CallForm;
  /** Where the rows are in the form: `criteria` (stage 1's, the call's own) or `stages.n.criteria`. */
  path: string;
  rows: CriterionRow[];
  /** Codes, titles and descriptions no longer change, nor which criteria there are. */
  locked: boolean;
  weightsLocked: boolean;
}

/**
 * A stage's criteria and their weights. Weights are relative (the scoring divides by their sum), so
 * each one's share of the total is shown as it is typed, and the total beside them.
 */
export function CriteriaEditor({ form, path, rows, locked, weightsLocked }: CriteriaEditorProps) {
  const { t, i18n } = useTranslation('secretariat');
  const weights = rows.map((row) => Math.max(0, numberOf(row.weight) ?? 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const share = (index: number) => (total > 0 ? weights[index]! / total : 0);
  return (
    <Stack>
      {rows.map((row, index) => (
        <CriterionCard
          key={row.uid}
          form={form}
          path={`${path}.${index}`}
          row={row}
          index={index}
          locked={locked}
          weightLocked={weightsLocked}
          share={formatPercent(share(index), i18n.language)}
          onRemove={rows.length > 1 ? () => form.removeListItem(path, index) : undefined}
        />
      ))}
      <Text c="red.9" size="sm" id={fieldDomId(path)} role="alert">
        {form.errors[path]}
      </Text>
      <Group justify="space-between" align="flex-start">
        {!locked && (
          <Button variant="default" onClick={() => form.insertListItem(path, emptyCriterion())}>
            {t('builder.criteria.add')}
          </Button>
        )}
        <WeightsSummary rows={rows} shares={rows.map((_, i) => share(i))} total={total} />
      </Group>
    </Stack>
  );
}

interface CriterionCardProps {
  form: CallForm;
  /** The row's path in the form, `criteria.0` or `stages.1.criteria.0`. */
  path: string;
  row: CriterionRow;
  index: number;
  locked: boolean;
  weightLocked: boolean;
  share: string;
  onRemove?: () => void;
}

function CriterionCard({ form, path, row, index, locked, weightLocked, share, onRemove }: CriterionCardProps) {
  const { t } = useTranslation('secretariat');
  const name = row.code.trim() || t('builder.criteria.number', { number: index + 1 });
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={name} m={0}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('builder.criteria.code')}
          required
          disabled={locked}
          w={140}
          {...field(form, `${path}.code`)}
        />
        <TextInput
          label={t('builder.criteria.criterionTitle')}
          required
          disabled={locked}
          style={{ flex: 1, minWidth: 220 }}
          {...field(form, `${path}.title`)}
        />
        <NumberInput
          label={t('builder.criteria.weight')}
          required
          min={0}
          decimalScale={3}
          w={120}
          disabled={weightLocked}
          {...field(form, `${path}.weight`)}
        />
        <Box w={90}>
          <Text size="sm" fw={500}>
            {t('builder.criteria.share')}
          </Text>
          <Text fw={700} mt={6} data-testid={`share-${index}`}>
            {share}
          </Text>
        </Box>
      </Group>
      <Textarea
        label={t('builder.criteria.description')}
        autosize
        minRows={1}
        mt="xs"
        disabled={locked}
        {...field(form, `${path}.description`)}
      />
      {onRemove && !locked && (
        <Button variant="subtle" color="red" c="red.9" size="compact-sm" mt="xs" onClick={onRemove}>
          {t('builder.criteria.remove', { name })}
        </Button>
      )}
    </Paper>
  );
}

/** The sum of the weights, and the shares as one bar; the sum is live text, polite so that typing is not interrupted. */
function WeightsSummary({ rows, shares, total }: { rows: CriterionRow[]; shares: number[]; total: number }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <Box style={{ flex: 1, minWidth: 260, maxWidth: 480 }}>
      <Text fw={600} aria-live="polite" data-testid="weights-total">
        {t('builder.criteria.total', { total: formatNumber(total, i18n.language, { maximumFractionDigits: 3 }) })}
      </Text>
      <Group gap={2} mt={4} wrap="nowrap" aria-hidden>
        {rows.map((row, index) => (
          <div
            key={row.uid}
            className={classes.bar}
            style={{ width: `${shares[index]! * 100}%`, opacity: index % 2 === 0 ? 1 : 0.6 }}
            title={row.code}
          />
        ))}
      </Group>
    </Box>
  );
}
