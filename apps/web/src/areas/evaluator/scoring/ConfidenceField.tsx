import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONFIDENCE_LEVELS, type Confidence } from './evaluation-draft';

/** How sure the evaluator is of its evaluation: one of three levels, optional, saved with the draft. */
export function ConfidenceField({
  value,
  onChange,
}: {
  value: Confidence | undefined;
  onChange: (confidence: Confidence) => void;
}) {
  const { t } = useTranslation('evaluator');
  return (
    <Radio.Group
      label={t('confidence.label')}
      description={t('confidence.hint')}
      value={value ?? null}
      onChange={(level) => onChange(level as Confidence)}
    >
      <Group mt="xs" gap="lg">
        {CONFIDENCE_LEVELS.map((level) => (
          <Radio key={level} value={level} label={t(`confidence.levels.${level}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
