import { Button, Checkbox, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';

interface RuleValues {
  size: number | '';
  minScore: number | '';
  keepRegionalMinimums: boolean;
}

/**
 * Proposes the shortlist from the previous stage's ranking: the best `size`, those scoring at least
 * `minScore`, or the best `size` of those; a new proposal replaces the one shown.
 */
export function ProposeShortlistForm({
  callId,
  stage,
  replaces,
}: {
  callId: string;
  stage: number;
  replaces: boolean;
}) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<RuleValues>({
    initialValues: { size: '', minScore: '', keepRegionalMinimums: false },
    validate: {
      // One of the two is needed: said on the first field, which takes the focus.
      size: (size, values) => (size === '' && values.minScore === '' ? t('stages.propose.ruleNeeded') : null),
    },
  });

  const propose = form.onSubmit(async ({ size, minScore, keepRegionalMinimums }) => {
    setProblem(null);
    try {
      await ok(
        api.POST('/api/v1/calls/{id}/stages/{stage}/shortlist', {
          params: { path: { id: callId, stage } },
          body: {
            ...(size === '' ? {} : { size }),
            ...(minScore === '' ? {} : { minScore }),
            keepRegionalMinimums,
          },
        }),
      );
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="propose-shortlist">
      <Title order={2} id="propose-shortlist" mb="xs">
        {t('stages.propose.title')}
      </Title>
      <form onSubmit={propose} noValidate>
        <Stack>
          <Text size="sm">{t(replaces ? 'stages.propose.introReplaces' : 'stages.propose.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('stages.propose.size')}
              description={t('stages.propose.sizeHint')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('size')}
            />
            <NumberInput
              label={t('stages.propose.minScore')}
              description={t('stages.propose.minScoreHint')}
              min={0}
              max={100}
              decimalScale={2}
              {...form.getInputProps('minScore')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('stages.propose.keepRegionalMinimums')}
            description={t('stages.propose.keepRegionalMinimumsHint')}
            {...form.getInputProps('keepRegionalMinimums', { type: 'checkbox' })}
          />
          {problem && <ProblemAlert problem={problem} />}
          <div>
            <Button type="submit" loading={form.submitting}>
              {t('stages.propose.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
