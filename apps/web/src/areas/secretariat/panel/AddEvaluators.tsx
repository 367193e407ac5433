import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { countryName } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { useCall } from '../call/call-route';
import { stageQuery } from '../stages/stages';
import type { PanelMember, UserListItem } from '../types';

/** Enough evaluators to choose from at a glance; a narrower search finds the others. */
const RESULTS = 20;

interface Found {
  evaluators: UserListItem[];
  total: number;
}

interface AddEvaluatorsProps {
  /** The panel the stage assigns from. */
  members: PanelMember[];
  stage: number;
  /** Whether that panel is the stage's own rather than the call's. */
  ownPanel: boolean;
}

/**
 * Finds evaluators by name, e-mail or affiliation and seats the ones chosen on the stage's panel: the
 * call's for stage 1, the stage's own for a later one (the first added give it one).
 */
export function AddEvaluators({ members, stage, ownPanel }: AddEvaluatorsProps) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const revalidator = useRevalidator();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const { found, problem: searchProblem } = useEvaluatorSearch(debounced);
  // Kept across searches, so that evaluators found by different searches are seated together.
  const [chosen, setChosen] = useState<Map<string, UserListItem>>(new Map());
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saving, setSaving] = useState(false);
  // A later stage still using the call's panel has no one on a panel of its own yet.
  const seated = new Set(stage === 1 || ownPanel ? members.map((m) => m.evaluatorId) : []);

  const toggle = (evaluator: UserListItem, checked: boolean) => {
    const next = new Map(chosen);
    if (checked) next.set(evaluator.id, evaluator);
    else next.delete(evaluator.id);
    setChosen(next);
  };

  const save = async () => {
    setProblem(null);
    setSaving(true);
    try {
      await ok(
        api.POST('/api/v1/calls/{id}/panel', {
          params: { path: { id: call.id }, query: stageQuery(stage) },
          body: { evaluatorIds: [...chosen.keys()] },
        }),
      );
      setChosen(new Map());
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="add-evaluators">
      <Title order={2} id="add-evaluators" mb="sm">
        {t('panel.add.title')}
      </Title>
      <Stack>
        <TextInput
          type="search"
          label={t('panel.add.search')}
          description={t('panel.add.searchHint')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          maw={480}
        />
        {searchProblem && <ProblemAlert problem={searchProblem} />}
        {found && (
          <Fieldset
            variant="unstyled"
            legend={t('panel.add.results', { shown: found.evaluators.length, total: found.total })}
          >
            <Stack gap="xs" mt="xs">
              {found.evaluators.map((evaluator) => (
                <Checkbox
                  key={evaluator.id}
                  checked={seated.has(evaluator.id) || chosen.has(evaluator.id)}
                  disabled={seated.has(evaluator.id)}
                  onChange={(event) => toggle(evaluator, event.currentTarget.checked)}
                  label={<EvaluatorLabel evaluator={evaluator} seated={seated.has(evaluator.id)} />}
                />
              ))}
            </Stack>
          </Fieldset>
        )}
        {problem && <ProblemAlert problem={problem} />}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={chosen.size === 0}>
            {t('panel.add.save', { count: chosen.size })}
          </Button>
          {chosen.size > 0 && (
            <Text size="sm" c="dimmed">
              {[...chosen.values()].map((e) => e.displayName).join(', ')}
            </Text>
          )}
        </Group>
      </Stack>
    </section>
  );
}

function EvaluatorLabel({ evaluator, seated }: { evaluator: UserListItem; seated: boolean }) {
  const { t, i18n } = useTranslation('secretariat');
  const details = [
    evaluator.email,
    evaluator.countryCode && countryName(evaluator.countryCode, i18n.language),
    evaluator.affiliation,
    seated && t('panel.add.seated'),
  ].filter(Boolean);
  return (
    <>
      <Text span fw={600} size="sm">
        {evaluator.displayName}
      </Text>{' '}
      <Text span size="sm" c="dimmed">
        ({details.join(', ')})
      </Text>
    </>
  );
}

/** The evaluators matching the search, newest answer only (a slower earlier one is ignored). */
function useEvaluatorSearch(query: string): { found: Found | null; problem: ApiProblem | null } {
  const [state, setState] = useState<{ found: Found | null; problem: ApiProblem | null }>({
    found: null,
    problem: null,
  });
  useEffect(() => {
    let current = true;
    ok(api.GET('/api/v1/users', { params: { query: { role: 'evaluator', q: query || undefined, limit: RESULTS } } }))
      .then((page) => current && setState({ found: { evaluators: page.items, total: page.total }, problem: null }))
      .catch((error: unknown) => current && setState({ found: null, problem: asProblem(error) }));
    return () => {
      current = false;
    };
  }, [query]);
  return state;
}
