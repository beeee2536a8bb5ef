import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { RESPONSE_KEY_PREFIX } from './response-key';
import { SurveyForm } from './SurveyForm';
import type { QuestionLike } from './survey-model';

type Answer = { data?: unknown; errors?: unknown[] } | 'network-error';

/** A client whose fetch answers each request from a queue (or fails like a lost connection). */
function mockClient(answers: Answer[]) {
  const bodies: Array<{ variables: { input: Record<string, unknown> } }> = [];
  const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    const answer = answers.shift() ?? { errors: [{ message: 'unexpected' }] };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    client: new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch: fetchMock }),
    bodies,
  };
}

const questions: QuestionLike[] = [
  { id: '21', kind: 'SCORE', text: '总体满意度', required: true, position: 1 },
  {
    id: '22',
    kind: 'SINGLE_CHOICE',
    text: '多久来一次',
    required: true,
    options: ['每天', '每周'],
    position: 2,
  },
  { id: '23', kind: 'TEXT', text: '建议', required: false, position: 3 },
];

function renderForm(client: Client, onSubmitted = vi.fn()) {
  render(
    <Provider value={client}>
      <MemoryRouter>
        <SurveyForm surveyId="5" questions={questions} onSubmitted={onSubmitted} />
      </MemoryRouter>
    </Provider>,
  );
  return onSubmitted;
}

function question(id: string) {
  return screen.getAllByTestId('question').find((q) => q.dataset.questionId === id)!;
}

async function submitAndConfirm() {
  fireEvent.click(screen.getByTestId('survey-submit'));
  const ok = await screen.findByTestId('confirm-ok');
  await act(async () => {
    fireEvent.click(ok);
  });
}

afterEach(async () => {
  cleanup();
  window.sessionStorage.clear();
  await i18n.changeLanguage('zh-CN');
});

describe('SurveyForm', () => {
  it('checks required questions before sending anything', () => {
    const { client, bodies } = mockClient([]);
    renderForm(client);
    fireEvent.click(within(question('21')).getAllByTestId('score-option')[8]);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
    expect(within(question('22')).getByTestId('survey-error').textContent).toBe('请回答这一题');
    expect(within(question('21')).queryByTestId('survey-error')).toBeNull();
    expect(screen.getAllByTestId('survey-error').find((e) => e.dataset.field === 'form')?.textContent).toBe(
      '还有1道必答题没有回答',
    );
    expect(bodies).toHaveLength(0);
    // answering clears the error under that question
    fireEvent.click(within(question('22')).getAllByTestId('choice-option')[1]);
    expect(within(question('22')).queryByTestId('survey-error')).toBeNull();
  });

  it('retries with the same key after a network error, shows field errors under their question, then thanks', async () => {
    const { client, bodies } = mockClient([
      'network-error',
      {
        errors: [
          {
            message: '输入有误 / invalid input',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'input.answers.1.choice', message: '不是可选的选项 / not an option' }],
            },
          },
        ],
      },
      {
        data: {
          submitSurveyResponse: {
            __typename: 'SurveyResponse',
            id: '900',
            submittedAt: '2026-11-23T06:00:00Z',
          },
        },
      },
    ]);
    const onSubmitted = renderForm(client);
    fireEvent.click(within(question('21')).getAllByTestId('score-option')[0]);
    fireEvent.click(within(question('22')).getAllByTestId('choice-option')[0]);
    fireEvent.change(screen.getByTestId('answer-text'), { target: { value: ' 周末也开门 ' } });

    await submitAndConfirm();
    await waitFor(() => expect(screen.getByText(/不会重复提交/)).toBeTruthy());
    expect(bodies[0].variables.input).toMatchObject({
      surveyId: '5',
      answers: [
        { questionId: '21', score: 0 },
        { questionId: '22', choice: ['每天'] },
        { questionId: '23', text: '周末也开门' },
      ],
    });
    const key = bodies[0].variables.input.idempotencyKey as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(window.sessionStorage.getItem(`${RESPONSE_KEY_PREFIX}5`)).toBe(key);

    await submitAndConfirm();
    await waitFor(() =>
      expect(within(question('22')).getByTestId('survey-error').textContent).toBe('不是可选的选项'),
    );
    expect(bodies[1].variables.input.idempotencyKey).toBe(key);

    fireEvent.click(within(question('22')).getAllByTestId('choice-option')[1]);
    await submitAndConfirm();
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ id: '900' })));
    expect(bodies[2].variables.input.idempotencyKey).toBe(key);
    // recorded: the next form for this survey gets a new key
    expect(window.sessionStorage.getItem(`${RESPONSE_KEY_PREFIX}5`)).toBeNull();
  });

  it('says "already answered" on CONFLICT and offers the list instead of submitting', async () => {
    const { client } = mockClient([{ errors: [{ message: 'conflict', extensions: { code: 'CONFLICT' } }] }]);
    renderForm(client);
    fireEvent.click(within(question('21')).getAllByTestId('score-option')[9]);
    fireEvent.click(within(question('22')).getAllByTestId('choice-option')[1]);
    await submitAndConfirm();
    await waitFor(() =>
      expect(screen.getAllByTestId('survey-error').find((e) => e.dataset.field === 'form')?.textContent).toBe(
        '您已参与过本次调查',
      ),
    );
    expect(screen.queryByTestId('survey-submit')).toBeNull();
    expect(screen.getByTestId('survey-back-to-list').getAttribute('href')).toBe('/surveys');
    expect(window.sessionStorage.getItem(`${RESPONSE_KEY_PREFIX}5`)).toBeNull();
  });
});
