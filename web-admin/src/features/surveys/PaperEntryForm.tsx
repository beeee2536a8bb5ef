// 纸质录入: staff type in paper questionnaires as fast as they can read them. One row per
// question; digits 0–10 for a score, an option's number (1, 2, 3 …) for a choice — several
// separated by commas or spaces for a multiple choice —, the words for a comment. Enter moves to
// the next box (Shift+Enter back); Enter in the last box saves the paper and clears the form for
// the next one. Each paper carries its own idempotency key, kept until it is saved, so a retry
// after a lost answer never records it twice.
import { ClearOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Tag, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorCodeOf, fieldErrorsOf } from '../../ui/graphqlErrors';
import { useErrorMessage } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import {
  PAPER_TEXT_MAX_LENGTH,
  newIdempotencyKey,
  paperErrorsByQuestion,
  paperKeyAction,
  paperPreview,
  readPaperForm,
  sanitizePaperInput,
  type PaperProblem,
  type PaperQuestion,
} from './paperEntry';

const EnterPaperResponsesMutation = graphql(`
  mutation EnterPaperResponses($surveyId: ID!, $responses: [PaperResponseInput!]!) {
    enterPaperResponses(surveyId: $surveyId, responses: $responses) {
      id
      channel
      score
      submittedAt
    }
  }
`);

const PROBLEM_KEYS: Record<PaperProblem, string> = {
  required: 'admin:surveyPaperRequired',
  score: 'admin:surveyPaperBadScore',
  choice: 'admin:surveyPaperBadChoice',
  single: 'admin:surveyPaperOneChoice',
  duplicate: 'admin:surveyPaperDuplicateChoice',
  tooLong: 'admin:surveyPaperTooLong',
};

export function PaperEntryForm({
  survey,
  onSaved,
}: {
  survey: {
    id: string;
    acceptingResponses: boolean;
    viewerCanManage: boolean;
    questions: readonly PaperQuestion[];
  };
  /** after each saved paper (e.g. to refresh the response count) */
  onSaved?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const questions = useMemo(
    () => [...survey.questions].sort((a, b) => a.position - b.position),
    [survey.questions],
  );
  const [raws, setRaws] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Map<string, PaperProblem>>(new Map());
  const [serverErrors, setServerErrors] = useState<Map<string, string[]>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [count, setCount] = useState(0);
  const [lastScore, setLastScore] = useState<number | null | undefined>(undefined);
  const [{ fetching }, enter] = useMutation(EnterPaperResponsesMutation);
  // The paper's key: made when the paper is started, kept through retries, renewed once saved.
  const keyRef = useRef<string>(newIdempotencyKey());
  const savingRef = useRef(false);
  const inputs = useRef<(InputRef | null)[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);
  const disabled = !survey.acceptingResponses || !survey.viewerCanManage;

  const focus = (index: number) => {
    const el = inputs.current[index];
    if (!el) return;
    el.focus();
    el.select();
  };

  const problemText = (p: PaperProblem) => t(PROBLEM_KEYS[p], { max: PAPER_TEXT_MAX_LENGTH });

  const save = async () => {
    if (savingRef.current || disabled) return;
    const read = readPaperForm(questions, raws);
    setServerErrors(new Map());
    setGeneral([]);
    setProblems(read.problems);
    if (read.problems.size > 0) {
      const firstBad = questions.findIndex((q) => read.problems.has(q.id));
      focus(firstBad);
      return;
    }
    savingRef.current = true;
    try {
      const res = await enter(
        { surveyId: survey.id, responses: [{ answers: read.answers, idempotencyKey: keyRef.current }] },
        { additionalTypenames: ['SurveyResponse', 'Survey', 'SurveyComment'] },
      );
      const saved = res.data?.enterPaperResponses?.[0];
      if (res.error || !saved) {
        if (errorCodeOf(res.error) === 'BAD_USER_INPUT') {
          const placed = paperErrorsByQuestion(fieldErrorsOf(res.error), read.answers, questions);
          setServerErrors(new Map([...placed.byQuestion].map(([qid, list]) => [qid, list.map(localize)])));
          setGeneral(placed.general.map(localize));
          const firstBad = questions.findIndex((q) => placed.byQuestion.has(q.id));
          if (firstBad >= 0) focus(firstBad);
        } else {
          // Network or server trouble: the paper and its key stay, so saving again is safe.
          setGeneral([`${errorMessage(res.error)} ${t('admin:surveyPaperRetryHint')}`]);
        }
        return;
      }
      keyRef.current = newIdempotencyKey();
      setCount((n) => n + 1);
      setLastScore(saved.score);
      setRaws({});
      setProblems(new Map());
      onSaved?.();
      focus(0);
    } finally {
      savingRef.current = false;
    }
  };

  const clear = () => {
    // A cleared paper is a new paper: nothing of it was saved under its key.
    setRaws({});
    setProblems(new Map());
    setServerErrors(new Map());
    setGeneral([]);
    keyRef.current = newIdempotencyKey();
    focus(0);
  };

  const setRaw = (q: PaperQuestion, value: string) => {
    setRaws((r) => ({ ...r, [q.id]: sanitizePaperInput(q.kind, value) }));
    if (problems.has(q.id)) setProblems((p) => new Map([...p].filter(([k]) => k !== q.id)));
    if (serverErrors.has(q.id)) setServerErrors((p) => new Map([...p].filter(([k]) => k !== q.id)));
  };

  return (
    <div data-testid="paper-entry">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('admin:surveyPaperHelp')}</Typography.Text>
        <Flex gap={12} align="center">
          <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px' }}>
            <span data-testid="paper-count" data-count={count}>
              {t('admin:surveyPaperCount', { n: count })}
            </span>
          </Tag>
          {lastScore !== undefined ? (
            <Typography.Text type="secondary" data-testid="paper-last">
              {lastScore === null
                ? t('admin:surveyPaperLastSavedNoScore')
                : t('admin:surveyPaperLastSaved', { score: lastScore.toFixed(2) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
      {disabled ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            survey.viewerCanManage ? t('admin:surveyPaperNotAccepting') : t('admin:surveyPaperNotManager')
          }
        />
      ) : null}
      {general.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="paper-error"
          title={general.join('；')}
        />
      ) : null}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(180px, 2fr) minmax(140px, 3fr)',
          gap: '6px 16px',
        }}
      >
        {questions.map((q, index) => {
          const raw = raws[q.id] ?? '';
          const problem = problems.get(q.id);
          const fromServer = serverErrors.get(q.id);
          const preview = paperPreview(q, raw);
          const isText = q.kind === 'TEXT';
          const options = q.options ?? [];
          return (
            <div key={q.id} style={{ display: 'contents' }} data-testid="paper-row">
              <div style={{ paddingTop: 5 }}>
                <Typography.Text strong>{`${q.position}. `}</Typography.Text>
                <Typography.Text>{q.text}</Typography.Text>
                {q.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {q.kind === 'SCORE'
                      ? t('admin:surveyPaperScoreHint')
                      : q.kind === 'TEXT'
                        ? t('admin:surveyPaperTextHint')
                        : options.map((o, i) => `${i + 1} ${o}`).join('　')}
                    {q.kind === 'MULTIPLE_CHOICE' ? `（${t('admin:surveyPaperMultipleHint')}）` : ''}
                  </Typography.Text>
                </div>
              </div>
              <div>
                <Flex gap={8} align="center">
                  <Input
                    ref={(el) => {
                      inputs.current[index] = el;
                    }}
                    data-testid={`paper-answer-${q.id}`}
                    aria-label={q.text}
                    style={{ width: isText ? '100%' : 120 }}
                    inputMode={isText ? 'text' : 'numeric'}
                    autoComplete="off"
                    autoFocus={index === 0}
                    disabled={disabled}
                    maxLength={isText ? PAPER_TEXT_MAX_LENGTH : 40}
                    status={problem || fromServer ? 'error' : undefined}
                    value={raw}
                    onChange={(e) => setRaw(q, e.target.value)}
                    onKeyDown={(e) => {
                      const action = paperKeyAction(
                        { key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing },
                        index === questions.length - 1,
                      );
                      if (action === 'none') return;
                      e.preventDefault();
                      if (action === 'next') focus(index + 1);
                      else if (action === 'previous') focus(Math.max(0, index - 1));
                      else void save();
                    }}
                  />
                  {!isText && preview ? (
                    <Typography.Text type="success" data-testid={`paper-preview-${q.id}`}>
                      {preview}
                    </Typography.Text>
                  ) : null}
                </Flex>
                {problem || fromServer ? (
                  <Typography.Text
                    type="danger"
                    style={{ fontSize: 12 }}
                    data-testid={`paper-problem-${q.id}`}
                  >
                    {[...(problem ? [problemText(problem)] : []), ...(fromServer ?? [])].join('；')}
                  </Typography.Text>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={fetching}
          disabled={disabled}
          onClick={() => void save()}
          data-testid="paper-submit"
        >
          {t('admin:surveyPaperSave')}
        </Button>
        <Button
          icon={<ClearOutlined />}
          disabled={disabled || fetching}
          onClick={clear}
          data-testid="paper-clear"
        >
          {t('admin:surveyPaperClear')}
        </Button>
      </Flex>
    </div>
  );
}
