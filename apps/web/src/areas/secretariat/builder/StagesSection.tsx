import { Button, Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../shared/format';
import { GenevaDateInput } from './BasicsSection';
import { MAX_STAGES, newLaterStage, type FinalRanking, type LaterStageRow, type StageRow } from './call-form';
import { finalWeights } from './call-body';
import { field, fieldDomId, Legend, type CallForm } from './call-form-kit';
import { CriteriaEditor } from './CriteriaSection';
import { ScaleFields } from './ScoringSection';

interface SectionProps {
  form: CallForm;
  /** The call is no longer a draft: its stages and final ranking rule are fixed. */
  locked: boolean;
}

/**
 * The review stages: stage 1 is the call's own criteria, scale and evaluators; each later stage,
 * which a shortlist of the one before enters, has its own. With several stages, how the final
 * ranking is made, said in plain words. A call of one stage shows only the way to add another.
 */
export function StagesSection({ form, locked }: SectionProps) {
  const { t } = useTranslation('secretariat');
  const { stages } = form.values;
  const [, ...later] = stages;
  const several = later.length > 0;
  const add = (index: number) => {
    form.insertListItem('stages', newLaterStage(form.values));
    // The new stage is named first: its name field takes the focus.
    requestAnimationFrame(() => document.getElementById(fieldDomId(`stages.${index}.name`))?.focus());
  };
  const remove = (index: number) => {
    form.removeListItem('stages', index);
    // The focus was on the removed stage's button: it goes to the button that adds one.
    requestAnimationFrame(() => document.getElementById(ADD_STAGE_ID)?.focus());
  };
  return (
    <Fieldset legend={<Legend title={t('builder.stages.title')} locked={locked} />}>
      <Stack>
        <Text size="sm">{several ? t('builder.stages.intro') : t('builder.stages.single')}</Text>
        {several && <StageCard form={form} stage={stages[0]} index={0} locked={locked} />}
        {later.map((stage, at) => (
          <StageCard
            key={stage.uid}
            form={form}
            stage={stage}
            index={at + 1}
            locked={locked}
            onRemove={() => remove(at + 1)}
          />
        ))}
        <Text c="red.9" size="sm" id={fieldDomId('stages')} role="alert">
          {form.errors.stages}
        </Text>
        {!locked && stages.length < MAX_STAGES && (
          <Group>
            <Button id={ADD_STAGE_ID} variant="default" onClick={() => add(stages.length)}>
              {t('builder.stages.add')}
            </Button>
          </Group>
        )}
        {several && <FinalRankingFields form={form} locked={locked} />}
      </Stack>
    </Fieldset>
  );
}

const ADD_STAGE_ID = 'call-stages-add';

/** A stage's name as the builder shows it: its own, or its number while it has none. */
function stageName(t: TFunction<'secretariat'>, stage: StageRow, index: number): string {
  return stage.name.trim() || t('builder.stages.number', { number: index + 1 });
}

interface StageCardProps {
  form: CallForm;
  stage: StageRow | LaterStageRow;
  index: number;
  locked: boolean;
  onRemove?: () => void;
}

function StageCard({ form, stage, index, locked, onRemove }: StageCardProps) {
  const { t } = useTranslation('secretariat');
  const path = `stages.${index}`;
  const count = form.values.stages.length;
  const name = stageName(t, stage, index);
  const move = (to: number, button: 'earlier' | 'later') => {
    form.reorderListItem('stages', { from: index, to });
    // The stage's card moves: its button keeps the focus, or its other one when this one goes.
    requestAnimationFrame(() => {
      const other = button === 'earlier' ? 'later' : 'earlier';
      (document.getElementById(moveId(stage, button)) ?? document.getElementById(moveId(stage, other)))?.focus();
    });
  };
  return (
    <Fieldset legend={t('builder.stages.number', { number: index + 1 })} radius="sm">
      <Stack>
        {index === 0 && <Text size="sm">{t('builder.stages.firstIntro')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('builder.stages.name')} required disabled={locked} {...field(form, `${path}.name`)} />
          <GenevaDateInput
            label={t('builder.stages.evaluationDueAt')}
            value={stage.evaluationDueAt}
            inputProps={field(form, `${path}.evaluationDueAt`)}
            required={false}
            disabled={locked}
          />
        </SimpleGrid>
        {'criteria' in stage && (
          <>
            <NumberInput
              label={t('builder.basics.evaluatorsPerApplication')}
              description={t('builder.basics.evaluatorsPerApplicationHint')}
              required
              min={1}
              max={50}
              allowDecimal={false}
              disabled={locked}
              maw={{ sm: '50%' }}
              {...field(form, `${path}.evaluatorsPerApplication`)}
            />
            <ScaleFields form={form} path={`${path}.scoring`} locked={locked} />
            <Text fw={600}>{t('builder.stages.criteria')}</Text>
            <CriteriaEditor
              form={form}
              path={`${path}.criteria`}
              rows={stage.criteria}
              locked={locked}
              weightsLocked={locked}
            />
          </>
        )}
        {!locked && onRemove && (
          <Group gap="xs">
            {index > 1 && (
              <Button id={moveId(stage, 'earlier')} variant="default" onClick={() => move(index - 1, 'earlier')}>
                {t('builder.stages.moveEarlier', { name })}
              </Button>
            )}
            {index < count - 1 && (
              <Button id={moveId(stage, 'later')} variant="default" onClick={() => move(index + 1, 'later')}>
                {t('builder.stages.moveLater', { name })}
              </Button>
            )}
            <Button variant="subtle" color="red" c="red.9" onClick={onRemove}>
              {t('builder.stages.remove', { name })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

function moveId(stage: StageRow, direction: 'earlier' | 'later'): string {
  return `stage-${stage.uid}-${direction}`;
}

/** The last stage's ranking, or a weighted mean of the stage scores, with each stage's share and the rule in words. */
function FinalRankingFields({ form, locked }: SectionProps) {
  const { t } = useTranslation('secretariat');
  const { stages, finalRanking } = form.values;
  return (
    <Stack gap="sm">
      <Radio.Group label={t('builder.stages.finalRanking.label')} {...field(form, 'finalRanking.rule')}>
        <Stack gap="xs" mt="xs">
          <Radio value="last-stage" disabled={locked} label={t('builder.stages.finalRanking.lastStage')} />
          <Radio value="weighted" disabled={locked} label={t('builder.stages.finalRanking.weighted')} />
        </Stack>
      </Radio.Group>
      {finalRanking.rule === 'weighted' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {stages.map((stage, index) => (
            <NumberInput
              key={stage.uid}
              label={t('builder.stages.finalRanking.weightOf', { name: stageName(t, stage, index) })}
              min={0}
              decimalScale={3}
              disabled={locked}
              {...field(form, `stages.${index}.finalWeight`)}
            />
          ))}
        </SimpleGrid>
      )}
      <Text size="sm" aria-live="polite" data-testid="final-ranking-rule">
        <FinalRankingExplanation
          names={stages.map((stage, index) => stageName(t, stage, index))}
          rule={{ rule: finalRanking.rule, weights: finalWeights(stages) }}
        />
      </Text>
    </Stack>
  );
}

interface ExplanationProps {
  /** The stages' names, in order. */
  names: string[];
  rule: FinalRanking;
}

/** What the final ranking rule does, in the words the secretariat would use to explain it to the panel. */
export function FinalRankingExplanation({ names, rule }: ExplanationProps) {
  const { t, i18n } = useTranslation('secretariat');
  const last = names.at(-1);
  if (rule.rule === 'last-stage') return t('builder.stages.finalRanking.explainLastStage', { last });
  const weights = Object.entries(rule.weights ?? {}).filter(([, weight]) => weight > 0);
  if (weights.length === 0) return t('builder.errors.stageWeightRequired');
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const parts = weights.map(([position, weight]) =>
    t('builder.stages.finalRanking.part', {
      name: names[Number(position) - 1],
      share: formatPercent(weight / total, i18n.language),
    }),
  );
  return t('builder.stages.finalRanking.explainWeighted', {
    last,
    parts: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts),
  });
}
