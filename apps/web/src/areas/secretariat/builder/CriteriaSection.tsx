import { Box, Button, Fieldset, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../shared/format';
import classes from '../secretariat.module.css';
import { emptyCriterion, numberOf, type CriterionRow } from './call-form';
import { field, fieldDomId, Legend, type CallForm } from './call-form-kit';

/**
 * The criteria and their weights. Weights are relative (the scoring divides by their sum), so each
 * one's share of the total is shown as it is typed, and the total beside them.
 */
export function CriteriaSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t, i18n } = useTranslation('secretariat');
  const rows = form.values.criteria;
  const weights = rows.map((row) => Math.max(0, numberOf(row.weight) ?? 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const share = (index: number) => (total > 0 ? weights[index]! / total : 0);
  const listError = form.errors.criteria;
  return (
    <Fieldset legend={<Legend title={t('builder.criteria.title')} locked={false} />}>
      <Stack>
        <Text size="sm">{locked ? t('builder.criteria.lockedIntro') : t('builder.criteria.intro')}</Text>
        {rows.map((row, index) => (
          <CriterionCard
            key={row.uid}
            form={form}
            row={row}
            index={index}
            locked={locked}
            share={formatPercent(share(index), i18n.language)}
            onRemove={rows.length > 1 ? () => form.removeListItem('criteria', index) : undefined}
          />
        ))}
        <Text c="red.9" size="sm" id={fieldDomId('criteria')} role="alert">
          {listError}
        </Text>
        <Group justify="space-between" align="flex-start">
          {!locked && (
            <Button variant="default" onClick={() => form.insertListItem('criteria', emptyCriterion())}>
              {t('builder.criteria.add')}
            </Button>
          )}
          <WeightsSummary rows={rows} shares={rows.map((_, i) => share(i))} total={total} />
        </Group>
      </Stack>
    </Fieldset>
  );
}

interface CriterionCardProps {
  form: CallForm;
  row: CriterionRow;
  index: number;
  locked: boolean;
  share: string;
  onRemove?: () => void;
}

function CriterionCard({ form, row, index, locked, share, onRemove }: CriterionCardProps) {
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
          {...field(form, `criteria.${index}.code`)}
        />
        <TextInput
          label={t('builder.criteria.criterionTitle')}
          required
          disabled={locked}
          style={{ flex: 1, minWidth: 220 }}
          {...field(form, `criteria.${index}.title`)}
        />
        <NumberInput
          label={t('builder.criteria.weight')}
          required
          min={0}
          decimalScale={3}
          w={120}
          {...field(form, `criteria.${index}.weight`)}
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
        {...field(form, `criteria.${index}.description`)}
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
