// The questions of one survey on one long page (no steps to lose one's place in), each in its own
// large card: required marks, errors under the question they concern, a confirmation before
// sending. The response carries an idempotency key kept for this survey until it is recorded, so
// sending again after a network failure never records two responses.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { InlineLoading } from '../../ui/StateViews';
import { ConfirmDialog } from '../account/ConfirmDialog';
import { QuestionField } from './QuestionField';
import { forgetResponseKey, responseKey } from './response-key';
import {
  type AnswerDraft,
  answeredCount,
  EMPTY_ANSWER,
  missingRequired,
  orderedQuestions,
  type QuestionLike,
  type SurveyErrors,
  surveyErrors,
  toAnswerInputs,
} from './survey-model';

const SubmitSurveyResponseMutation = graphql(`
  mutation SurveySubmitResponse($input: SurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      id
      submittedAt
    }
  }
`);

export interface SubmittedResponse {
  id: string;
  submittedAt: string;
}

const NO_ERRORS: SurveyErrors = { byQuestion: {} };

export function SurveyForm({
  surveyId,
  questions: given,
  onSubmitted,
}: {
  surveyId: string;
  questions: readonly QuestionLike[];
  onSubmitted: (response: SubmittedResponse) => void;
}) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const questions = useMemo(() => orderedQuestions(given), [given]);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [errors, setErrors] = useState<SurveyErrors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [{ fetching }, submit] = useMutation(SubmitSurveyResponseMutation);
  const formRef = useRef<HTMLFormElement>(null);

  // after errors are shown, bring the first one into view (the form can be long)
  useEffect(() => {
    if (focusTick === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>(
      '.survey-question.has-error, [data-testid="survey-error"]',
    );
    first?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    first?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
  }, [focusTick]);

  const change = (questionId: string, draft: AnswerDraft) => {
    setDrafts((all) => ({ ...all, [questionId]: draft }));
    setErrors((all) => {
      if (!all.byQuestion[questionId] && (!all.form || all.alreadyAnswered)) return all;
      const byQuestion = { ...all.byQuestion };
      delete byQuestion[questionId];
      return all.alreadyAnswered ? { ...all, byQuestion } : { byQuestion };
    });
  };

  const showErrors = (found: SurveyErrors) => {
    setErrors(found);
    setFocusTick((n) => n + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (fetching || errors.alreadyAnswered) return;
    const missing = missingRequired(questions, drafts);
    if (missing.length > 0) {
      const text = t('surveyAnswerRequired');
      showErrors({
        byQuestion: Object.fromEntries(missing.map((id) => [id, text])),
        form: t('surveyMissingSummary', { count: missing.length }),
      });
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    const answers = toAnswerInputs(questions, drafts);
    // the same key every time for this survey until the server has recorded the response
    const idempotencyKey = responseKey(surveyId);
    const result = await submit(
      { input: { surveyId, answers, idempotencyKey } },
      // the survey lists and the survey itself now read "已参与"
      { additionalTypenames: ['Survey'] },
    );
    setConfirming(false);
    const response = result.data?.submitSurveyResponse;
    if (response) {
      forgetResponseKey(surveyId);
      onSubmitted(response);
      return;
    }
    const found = result.error
      ? surveyErrors(result.error, answers, questions, t, i18n.language)
      : { byQuestion: {}, form: t('common:error') };
    if (found.alreadyAnswered) forgetResponseKey(surveyId);
    showErrors(found);
  };

  const total = questions.length;
  return (
    <form
      ref={formRef}
      className="survey-form"
      data-testid="survey-form"
      noValidate
      onSubmit={onSubmit}
      aria-busy={fetching || undefined}
    >
      {questions.map((q, index) => (
        <QuestionField
          key={q.id}
          question={q}
          number={index + 1}
          total={total}
          draft={drafts[q.id] ?? EMPTY_ANSWER}
          error={errors.byQuestion[q.id]}
          disabled={fetching || errors.alreadyAnswered}
          onChange={(draft) => change(q.id, draft)}
        />
      ))}

      {errors.form && (
        <div className="form-error" role="alert" data-testid="survey-error" data-field="form">
          <p>{errors.form}</p>
          {errors.network && <p className="survey-retry-hint">{t('surveyRetrySafe')}</p>}
        </div>
      )}

      {errors.alreadyAnswered ? (
        <Link className="big-button" to="/surveys" data-testid="survey-back-to-list">
          {t('surveyBackToList')}
        </Link>
      ) : (
        <button
          type="submit"
          className="big-button big-button-primary survey-submit"
          disabled={fetching}
          data-testid="survey-submit"
        >
          {fetching ? <InlineLoading label={t('surveySubmitting')} /> : t('surveySubmit')}
        </button>
      )}

      <ConfirmDialog
        visible={confirming}
        title={t('surveyConfirmTitle')}
        content={t('surveyConfirmContent', { answered: answeredCount(questions, drafts), total })}
        okText={t('surveySubmit')}
        cancelText={t('common:cancel')}
        onOk={send}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
