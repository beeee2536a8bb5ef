// One question of a survey, large enough for elderly hands: a score as 11 big buttons 0–10 from
// red to green, choices as big radio buttons or check boxes, free text as a large text box. The
// controls are native inputs (keyboard and screen readers work as usual) inside big labels.
import { type CSSProperties, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NAMESPACES } from '../../i18n';
import {
  ANSWER_TEXT_MAX_LENGTH,
  type AnswerDraft,
  EMPTY_ANSWER,
  isAnswered,
  type QuestionLike,
  SCORE_VALUES,
  scoreColor,
  toggleChoice,
} from './survey-model';

export function QuestionField({
  question,
  number,
  total,
  draft = EMPTY_ANSWER,
  error,
  disabled,
  onChange,
}: {
  question: QuestionLike;
  /** 1-based, for "第2题 / 共5题" */
  number: number;
  total: number;
  draft?: AnswerDraft;
  error?: string;
  disabled?: boolean;
  onChange: (draft: AnswerDraft) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const id = useId();
  const titleId = `${id}-title`;
  const errorId = `${id}-error`;
  const answered = isAnswered(question, draft);

  let control;
  switch (question.kind) {
    case 'SCORE':
      control = (
        <ScoreControl
          name={`${id}-score`}
          labelledBy={titleId}
          value={draft.score}
          disabled={disabled}
          onChange={(score) => onChange({ ...draft, score })}
        />
      );
      break;
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      control = (
        <ChoiceControl
          name={`${id}-choice`}
          labelledBy={titleId}
          multiple={question.kind === 'MULTIPLE_CHOICE'}
          options={question.options ?? []}
          chosen={draft.choices}
          disabled={disabled}
          onToggle={(option) =>
            onChange({ ...draft, choices: toggleChoice(question.kind, draft.choices, option) })
          }
        />
      );
      break;
    case 'TEXT':
      control = (
        <TextControl
          labelledBy={titleId}
          describedBy={error ? errorId : undefined}
          value={draft.text}
          invalid={!!error}
          disabled={disabled}
          onChange={(text) => onChange({ ...draft, text })}
        />
      );
      break;
  }

  return (
    <section
      className={`survey-question${error ? ' has-error' : ''}`}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={error ? errorId : undefined}
      data-testid="question"
      data-question-id={question.id}
      data-kind={question.kind}
      data-answered={answered ? 'true' : 'false'}
    >
      <header className="survey-question-header">
        <span className="survey-question-number">{t('surveyQuestionNumber', { number, total })}</span>
        {question.required ? (
          <span className="survey-required" data-testid="question-required">
            {t('surveyRequired')}
          </span>
        ) : (
          <span className="survey-optional">{t('surveyOptional')}</span>
        )}
      </header>
      <h2 className="survey-question-text" id={titleId}>
        {question.text}
      </h2>
      {question.kind === 'SINGLE_CHOICE' && <p className="muted">{t('surveyChooseOne')}</p>}
      {question.kind === 'MULTIPLE_CHOICE' && <p className="muted">{t('surveyChooseMany')}</p>}
      {control}
      {!question.required && answered && question.kind !== 'TEXT' && (
        <button
          type="button"
          className="link-button survey-clear"
          disabled={disabled}
          onClick={() => onChange(EMPTY_ANSWER)}
        >
          {t('surveyClearAnswer')}
        </button>
      )}
      {error && (
        <p
          id={errorId}
          className="form-error"
          role="alert"
          data-testid="survey-error"
          data-question-id={question.id}
        >
          {error}
        </p>
      )}
    </section>
  );
}

/** 0 … 10 as big buttons, red to green, with the meaning of both ends under them. */
export function ScoreControl({
  name,
  labelledBy,
  value,
  disabled,
  onChange,
}: {
  name: string;
  labelledBy: string;
  value: number | null;
  disabled?: boolean;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="score-control">
      <div className="score-grid" role="radiogroup" aria-labelledby={labelledBy}>
        {SCORE_VALUES.map((v) => {
          const colour = scoreColor(v);
          const checked = value === v;
          return (
            <label
              key={v}
              className={`score-option${checked ? ' is-checked' : ''}`}
              style={{ '--score-soft': colour.soft, '--score-strong': colour.strong } as CSSProperties}
              data-testid="score-option"
              data-value={v}
              data-checked={checked ? 'true' : 'false'}
            >
              <input
                type="radio"
                className="visually-hidden"
                name={name}
                value={v}
                checked={checked}
                disabled={disabled}
                aria-label={t('surveyScoreValue', { value: v })}
                onChange={() => onChange(v)}
              />
              <span aria-hidden="true">{v}</span>
            </label>
          );
        })}
      </div>
      <div className="score-ends" aria-hidden="true">
        <span>{t('surveyScoreLow')}</span>
        <span>{t('surveyScoreHigh')}</span>
      </div>
      {value !== null && (
        <p className="score-chosen" data-testid="score-chosen">
          {t('surveyScoreChosen', { value })}
        </p>
      )}
    </div>
  );
}

/** Big radio buttons (one choice) or check boxes (any number). */
export function ChoiceControl({
  name,
  labelledBy,
  multiple,
  options,
  chosen,
  disabled,
  onToggle,
}: {
  name: string;
  labelledBy: string;
  multiple: boolean;
  options: readonly string[];
  chosen: readonly string[];
  disabled?: boolean;
  onToggle: (option: string) => void;
}) {
  return (
    <div className="choice-options" role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy}>
      {options.map((option) => {
        const checked = chosen.includes(option);
        return (
          <label
            key={option}
            className={`choice-option${checked ? ' is-checked' : ''}`}
            data-testid="choice-option"
            data-value={option}
            data-checked={checked ? 'true' : 'false'}
          >
            <input
              type={multiple ? 'checkbox' : 'radio'}
              className="choice-input"
              name={name}
              value={option}
              checked={checked}
              disabled={disabled}
              onChange={() => onToggle(option)}
            />
            <span className="choice-option-text">{option}</span>
          </label>
        );
      })}
    </div>
  );
}

/** Free text up to 1000 characters, with where it goes. */
export function TextControl({
  labelledBy,
  describedBy,
  value,
  invalid,
  disabled,
  onChange,
}: {
  labelledBy: string;
  describedBy?: string;
  value: string;
  invalid?: boolean;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const hintId = useId();
  return (
    <>
      <p className="muted survey-text-hint" id={hintId}>
        {t('surveyTextHint')}
      </p>
      <textarea
        className="big-textarea"
        rows={5}
        maxLength={ANSWER_TEXT_MAX_LENGTH}
        placeholder={t('surveyTextPlaceholder')}
        value={value}
        disabled={disabled}
        aria-labelledby={labelledBy}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid ? true : undefined}
        data-testid="answer-text"
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="char-count muted">
        {t('surveyTextCount', { count: value.length, max: ANSWER_TEXT_MAX_LENGTH })}
      </p>
    </>
  );
}
