import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useRevalidator } from 'react-router';
import { api, ok } from '../../api/client';
import { EmptyState } from '../States';
import { DISCUSSION_PAGE_SIZE, DISCUSSION_PARAMETER, DISCUSSION_SECTION, type Discussion } from './discussion';
import { PostForm, type PostText } from './PostForm';
import { PostItem } from './PostItem';

/**
 * An application's discussion among its evaluators and the secretariat: closed to an evaluator until
 * its own evaluation is submitted (and saying so), read-only once the cohort is published; a page
 * of messages at a time, the page in the address so that the back button returns to it.
 */
export function DiscussionSection({ applicationId, discussion }: { applicationId: string; discussion: Discussion }) {
  const { t } = useTranslation('discussion');
  return (
    <section aria-labelledby={DISCUSSION_SECTION}>
      <Title order={2} id={DISCUSSION_SECTION} mb="sm">
        {t('title')}
      </Title>
      {discussion.state === 'closed' ? (
        <Alert color="blue" variant="light" title={t('closedTitle')}>
          {t('closed')}
        </Alert>
      ) : (
        <OpenThread applicationId={applicationId} discussion={discussion} />
      )}
    </section>
  );
}

function OpenThread({
  applicationId,
  discussion,
}: {
  applicationId: string;
  discussion: Extract<Discussion, { state: 'open' }>;
}) {
  const { t } = useTranslation('discussion');
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { thread, posts, participants, readerId } = discussion;
  const pageLink = (offset: number) =>
    `${pathname}?${new URLSearchParams({ [DISCUSSION_PARAMETER]: String(offset) })}#${DISCUSSION_SECTION}`;
  const post = async (text: PostText) => {
    await ok(
      api.POST('/api/v1/applications/{id}/discussion/posts', { params: { path: { id: applicationId } }, body: text }),
    );
    // The new message is the last: show the page that holds it.
    const last = Math.floor(posts.total / DISCUSSION_PAGE_SIZE) * DISCUSSION_PAGE_SIZE;
    if (last === posts.offset) await revalidator.revalidate();
    else await navigate(pageLink(last), { preventScrollReset: true });
  };
  return (
    <Stack gap="md">
      <Text>{t('intro')}</Text>
      {thread.frozen && (
        <Alert color="gray" variant="light" title={t('frozenTitle')}>
          {t('frozen')}
        </Alert>
      )}
      {posts.total === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <>
          <Text size="sm">{t('count', { count: posts.total })}</Text>
          <Stack gap="sm">
            {posts.items.map((item) => (
              <PostItem
                key={item.id}
                post={item}
                readerId={readerId}
                participants={participants}
                frozen={thread.frozen}
                namesShown={thread.namesShown}
              />
            ))}
          </Stack>
        </>
      )}
      {posts.total > DISCUSSION_PAGE_SIZE && (
        <Group component="nav" aria-label={t('pages')} gap="md">
          {posts.offset > 0 && (
            <Anchor component={Link} to={pageLink(Math.max(0, posts.offset - DISCUSSION_PAGE_SIZE))} preventScrollReset>
              {t('earlier')}
            </Anchor>
          )}
          {posts.offset + posts.items.length < posts.total && (
            <Anchor component={Link} to={pageLink(posts.offset + DISCUSSION_PAGE_SIZE)} preventScrollReset>
              {t('later')}
            </Anchor>
          )}
        </Group>
      )}
      {!thread.frozen && (
        <Stack gap="xs">
          <Title order={3}>{t('compose.title')}</Title>
          <PostForm
            participants={participants}
            readerId={readerId}
            namesShown={thread.namesShown}
            labels={{ body: t('compose.body'), submit: t('compose.submit') }}
            send={post}
            sentMessage={t('compose.posted')}
          />
        </Stack>
      )}
    </Stack>
  );
}
