import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { QuestionField } from './QuestionField';
import { type AnswerDraft, EMPTY_ANSWER, type QuestionLike } from './survey-model';

/** A question with its answer held in state, as the form holds it. */
function Harness({
  question,
  onChange,
  error,
}: {
  question: QuestionLike;
  onChange?: (draft: AnswerDraft) => void;
  error?: string;
}) {
  const [draft, setDraft] = useState<AnswerDraft>(EMPTY_ANSWER);
  return (
    <QuestionField
      question={question}
      number={2}
      total={5}
      draft={draft}
      error={error}
      onChange={(d) => {
        setDraft(d);
        onChange?.(d);
      }}
    />
  );
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('a SCORE question', () => {
  const question: QuestionLike = {
    id: '11',
    kind: 'SCORE',
    text: '您对服务中心的总体满意度',
    required: true,
  };

  it('offers 0–10 as big buttons with both ends explained, red to green', () => {
    render(<Harness question={question} />);
    const block = screen.getByTestId('question');
    expect(block.dataset.questionId).toBe('11');
    expect(block.dataset.kind).toBe('SCORE');
    expect(block.textContent).toContain('第2题 / 共5题');
    expect(within(block).getByTestId('question-required').textContent).toBe('必答');
    expect(screen.getByRole('group', { name: '您对服务中心的总体满意度' })).toBe(block);

    const options = within(block).getAllByTestId('score-option');
    expect(options.map((o) => o.dataset.value)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(block.textContent).toContain('0 = 非常不满意');
    expect(block.textContent).toContain('10 = 非常满意');
    // each button carries its own colour: red at 0, green at 10
    expect(options[0].style.getPropertyValue('--score-strong')).not.toBe(
      options[10].style.getPropertyValue('--score-strong'),
    );
    expect(within(block).getByRole('radiogroup')).toBeTruthy();
  });

  it('chooses a score by tapping it, and 0 counts as an answer', () => {
    const onChange = vi.fn();
    render(<Harness question={question} onChange={onChange} />);
    const options = screen.getAllByTestId('score-option');
    fireEvent.click(options[7]);
    expect(onChange).toHaveBeenLastCalledWith({ score: 7, choices: [], text: '' });
    expect(options[7].dataset.checked).toBe('true');
    expect(screen.getByRole('radio', { name: '7分' })).toHaveProperty('checked', true);
    expect(screen.getByTestId('score-chosen').textContent).toBe('您打了7分');

    fireEvent.click(options[0]);
    expect(onChange).toHaveBeenLastCalledWith({ score: 0, choices: [], text: '' });
    expect(options[7].dataset.checked).toBe('false');
    expect(screen.getByTestId('question').dataset.answered).toBe('true');
  });

  it('shows an error under the question', () => {
    render(<Harness question={question} error="请回答这一题" />);
    const error = screen.getByTestId('survey-error');
    expect(error.textContent).toBe('请回答这一题');
    expect(error.dataset.questionId).toBe('11');
    expect(screen.getByTestId('question').getAttribute('aria-describedby')).toBe(error.id);
  });
});

describe('choice questions', () => {
  it('SINGLE_CHOICE: big radio buttons, one answer', () => {
    const onChange = vi.fn();
    render(
      <Harness
        question={{
          id: '12',
          kind: 'SINGLE_CHOICE',
          text: '您多久来一次？',
          required: true,
          options: ['每天', '每周', '每月'],
        }}
        onChange={onChange}
      />,
    );
    const options = screen.getAllByTestId('choice-option');
    expect(options.map((o) => o.dataset.value)).toEqual(['每天', '每周', '每月']);
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    fireEvent.click(options[1]);
    fireEvent.click(options[2]);
    expect(onChange).toHaveBeenLastCalledWith({ score: null, choices: ['每月'], text: '' });
    expect(options.map((o) => o.dataset.checked)).toEqual(['false', 'false', 'true']);
    expect(screen.getByTestId('question').textContent).toContain('请选一项');
  });

  it('MULTIPLE_CHOICE: big check boxes, any number, optional answers can be cleared', () => {
    const onChange = vi.fn();
    render(
      <Harness
        question={{
          id: '13',
          kind: 'MULTIPLE_CHOICE',
          text: '您用过哪些服务？',
          required: false,
          options: ['助餐', '助浴', '健康咨询'],
        }}
        onChange={onChange}
      />,
    );
    const block = screen.getByTestId('question');
    expect(block.dataset.kind).toBe('MULTIPLE_CHOICE');
    expect(block.textContent).toContain('选填');
    expect(screen.queryByTestId('question-required')).toBeNull();
    const options = screen.getAllByTestId('choice-option');
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    fireEvent.click(options[2]);
    fireEvent.click(options[0]);
    expect(onChange).toHaveBeenLastCalledWith({ score: null, choices: ['健康咨询', '助餐'], text: '' });
    fireEvent.click(options[2]);
    expect(onChange).toHaveBeenLastCalledWith({ score: null, choices: ['助餐'], text: '' });
    fireEvent.click(screen.getByRole('button', { name: '清除这一题的回答' }));
    expect(onChange).toHaveBeenLastCalledWith(EMPTY_ANSWER);
    expect(options.every((o) => o.dataset.checked === 'false')).toBe(true);
  });
});

describe('a TEXT question', () => {
  it('is a text box of at most 1000 characters, saying where the comments go', () => {
    render(<Harness question={{ id: '14', kind: 'TEXT', text: '您还有什么建议？', required: false }} />);
    const box = screen.getByTestId('answer-text') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(1000);
    expect(screen.getByTestId('question').textContent).toContain('意见会转给服务中心，用于改进');
    fireEvent.change(box, { target: { value: '希望周末也开门' } });
    expect(box.value).toBe('希望周末也开门');
    expect(screen.getByTestId('question').textContent).toContain('7/1000字');
  });

  it('reads in English too', async () => {
    await i18n.changeLanguage('en');
    render(<Harness question={{ id: '15', kind: 'SCORE', text: 'Overall', required: true }} />);
    const block = screen.getByTestId('question');
    expect(block.textContent).toContain('Question 2 of 5');
    expect(block.textContent).toContain('0 = very dissatisfied');
    expect(block.textContent).toContain('10 = very satisfied');
  });
});
