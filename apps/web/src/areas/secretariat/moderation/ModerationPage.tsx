import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { ModerationQueue } from '../../../shared/moderation/ModerationQueue';
import { moderationQueue } from '../../../shared/moderation/moderation';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';

export async function moderationLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { id: params.callId ?? '' };
  const [{ queue, offset }, chair, panel] = await Promise.all([
    moderationQueue(request, path.id),
    ok(api.GET('/api/v1/calls/{id}/moderation/chair', { params: { path } })),
    ok(api.GET('/api/v1/calls/{id}/panel', { params: { path } })),
  ]);
  return { queue, offset, chair: chair.chair, panel: panel.members };
}

/** The call's moderation queue, and who chairs the call. */
export function ModerationPage() {
  const { t } = useTranslation('moderation');
  const call = useCall();
  const { queue, offset, chair, panel } = useLoaderData<typeof moderationLoader>();
  return (
    <>
      <PageTitle title={t('title')} documentTitle={`${t('title')} · ${call.reference}`} />
      <Stack gap="md">
        <Text>{t('intro')}</Text>
        <ChairForm callId={call.id} chairId={chair?.id ?? ''} members={panel} />
        <ModerationQueue
          callId={call.id}
          queue={queue}
          offset={offset}
          applicationPath={(entry) => callPath(call.id, `applications/${entry.applicationId}`)}
        />
      </Stack>
    </>
  );
}

/** Who chairs the call: a member of its panel, who may then moderate it as the secretariat does. */
function ChairForm(props: {
  callId: string;
  chairId: string;
  members: Array<{ evaluatorId: string; displayName: string }>;
}) {
  const { t } = useTranslation('moderation');
  const revalidator = useRevalidator();
  const [chosen, setChosen] = useState(props.chairId);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const path = { params: { path: { id: props.callId } } };

  const save = async () => {
    setProblem(null);
    setWorking(true);
    try {
      if (chosen === '') await ok(api.DELETE('/api/v1/calls/{id}/moderation/chair', path));
      else await ok(api.PUT('/api/v1/calls/{id}/moderation/chair', { ...path, body: { evaluatorId: chosen } }));
      await revalidator.revalidate();
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form
      aria-label={t('chair.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('chair.label')}
          description={t('chair.hint')}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={[
            { value: '', label: t('chair.none') },
            ...props.members.map((m) => ({ value: m.evaluatorId, label: m.displayName })),
          ]}
        />
        <Button type="submit" variant="default" loading={working}>
          {t('chair.save')}
        </Button>
      </Group>
      {problem && <ProblemAlert problem={problem} />}
    </form>
  );
}
