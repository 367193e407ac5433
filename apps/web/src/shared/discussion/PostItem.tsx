import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ifMatch, ok } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/pages';
import type { ApiProblem } from '../../api/problem';
import { formatDateTime } from '../format';
import { ProblemAlert } from '../ProblemAlert';
import { asProblem } from '../problems';
import { personName, type DiscussionPost, type DiscussionPostVersion, type Participant } from './discussion';
import { PostForm, type PostText } from './PostForm';

interface PostItemProps {
  post: DiscussionPost;
  readerId: string;
  participants: Participant[];
  /** The thread takes no more edits (the cohort is published). */
  frozen: boolean;
  /** The reader sees people's names; otherwise evaluators by number and the secretariat as such. */
  namesShown: boolean;
}

/** One message: who wrote it and when, whom it mentions; its author may edit it, and anyone read its earlier versions. */
export function PostItem({ post, readerId, participants, frozen, namesShown }: PostItemProps) {
  const { t, i18n } = useTranslation('discussion');
  const revalidator = useRevalidator();
  const [editing, setEditing] = useState(false);
  // Once an edit is saved or cancelled the keyboard returns to the Edit button, where it was.
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const stopEditing = () => {
    refocus.current = true;
    setEditing(false);
  };
  const written = formatDateTime(post.createdAt, i18n.language);
  const headingId = `post-${post.id}`;
  const save = async (text: PostText) => {
    await ok(
      api.PATCH('/api/v1/applications/{id}/discussion/posts/{postId}', {
        params: { path: { id: post.applicationId, postId: post.id }, header: ifMatch(post.version) },
        body: text,
      }),
    );
    await revalidator.revalidate();
    stopEditing();
  };
  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap" id={headingId}>
            <Text fw={600}>{personName(post.author, namesShown, t)}</Text>
            <Badge variant="light" color="gray" styles={{ label: { color: 'var(--mantine-color-text)' } }}>
              {t(`kinds.${post.authorKind}`)}
            </Badge>
            <Text size="sm">
              <time dateTime={post.createdAt}>{written}</time>
            </Text>
            {post.editedAt && (
              <Badge variant="outline" color="gray" styles={{ label: { color: 'var(--mantine-color-text)' } }}>
                {t('edited')}
              </Badge>
            )}
          </Group>
          {post.author.id === readerId && !frozen && !editing && (
            <Button
              ref={editButton}
              size="compact-sm"
              variant="default"
              aria-label={t('edit.openLabel', { time: written })}
              onClick={() => setEditing(true)}
            >
              {t('edit.open')}
            </Button>
          )}
        </Group>
        {editing ? (
          <PostForm
            participants={participants}
            readerId={readerId}
            namesShown={namesShown}
            initial={{ body: post.body, mentionIds: post.mentions.map((m) => m.id) }}
            labels={{ body: t('edit.body'), submit: t('edit.save') }}
            send={save}
            onCancel={stopEditing}
          />
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.body}</Text>
        )}
        {post.mentions.length > 0 && (
          <Text size="sm">
            {t('mentions')} {post.mentions.map((m) => `@${personName(m, namesShown, t)}`).join(', ')}
          </Text>
        )}
        {post.version > 1 && <EarlierVersions post={post} />}
      </Stack>
    </Paper>
  );
}

/** The texts a message had before its edits, fetched when the reader asks for them, the latest first. */
function EarlierVersions({ post }: { post: DiscussionPost }) {
  const { t, i18n } = useTranslation('discussion');
  const [versions, setVersions] = useState<DiscussionPostVersion[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const listId = `versions-${post.id}`;
  const toggle = async () => {
    if (versions) return setVersions(null);
    setProblem(null);
    try {
      setVersions(
        await allPages((offset) =>
          ok(
            api.GET('/api/v1/applications/{id}/discussion/posts/{postId}/versions', {
              params: { path: { id: post.applicationId, postId: post.id }, query: { limit: MAX_PAGE_SIZE, offset } },
            }),
          ),
        ),
      );
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={versions !== null}
          aria-controls={listId}
          onClick={() => void toggle()}
        >
          {versions ? t('history.hide') : t('history.show', { count: post.version - 1 })}
        </Button>
      </Group>
      {problem && <ProblemAlert problem={problem} />}
      <div id={listId}>
        {versions && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('history.title')}
            </Title>
            {versions.map((version) => (
              <Paper key={version.version} withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
                <Text size="sm" fw={600}>
                  {t('history.version', {
                    version: version.version,
                    time: formatDateTime(version.writtenAt, i18n.language),
                  })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {version.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </div>
    </>
  );
}
