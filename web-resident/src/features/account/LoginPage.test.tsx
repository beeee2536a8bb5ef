import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LoginPage from './LoginPage';
import { sessionStore } from './session-store';

type Answer = { data?: unknown; errors?: unknown[] };

/** A client whose fetch answers each operation (by name) from a queue. */
function mockClient(answers: Record<string, Answer[]>) {
  const calls: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    calls.push(body);
    const answer = answers[body.operationName]?.shift() ?? { errors: [{ message: 'unexpected' }] };
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    client: new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch: fetchMock }),
    calls,
  };
}

function renderLogin(client: Client) {
  render(
    <Provider value={client}>
      <MemoryRouter initialEntries={['/login?next=%2Forders']}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/orders" element={<p data-testid="orders-stub">orders</p>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

afterEach(() => {
  cleanup();
  sessionStore.clear();
});

describe('LoginPage', () => {
  it('checks the number, sends a code with a 60 s countdown, reports a wrong code, then signs in and goes back', async () => {
    const { client, calls } = mockClient({
      LoginPageRequestCode: [{ data: { requestLoginCode: true } }],
      LoginPageLogin: [
        {
          data: null,
          errors: [
            {
              message: '验证码错误或已失效 / wrong or expired code',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        },
        {
          data: {
            loginWithCode: {
              __typename: 'AuthPayload',
              token: 'header.payload.sig',
              user: {
                __typename: 'User',
                id: '9',
                displayName: '居民0001',
                role: 'RESIDENT',
                phoneMasked: '138****0001',
              },
            },
          },
        },
      ],
    });
    renderLogin(client);
    expect(screen.getByTestId('login-needed')).toBeTruthy();
    const phone = screen.getByTestId('login-phone') as HTMLInputElement;
    expect(phone.inputMode).toBe('numeric');

    // a wrong number never reaches the API
    fireEvent.change(phone, { target: { value: '1380000' } });
    fireEvent.click(screen.getByTestId('login-request-code'));
    expect(screen.getByTestId('login-error').textContent).toBe('请输入正确的11位手机号码');
    expect(calls).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '138 0000 0001' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('login-request-code'));
    });
    await waitFor(() => expect(screen.getByTestId('login-code-sent').textContent).toContain('138****0001'));
    expect(calls[0].variables).toEqual({ phone: '13800000001' });
    const button = screen.getByTestId('login-request-code') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('60秒后重新获取');

    // the code box keeps digits only
    const code = screen.getByTestId('login-code') as HTMLInputElement;
    fireEvent.change(code, { target: { value: '12a3456' } });
    expect(code.value).toBe('123456');
    await act(async () => {
      fireEvent.click(screen.getByTestId('login-submit'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('login-error').textContent).toBe('验证码错误或已失效，请重新输入或重新获取'),
    );
    expect(sessionStore.get()).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId('login-submit'));
    });
    await screen.findByTestId('orders-stub');
    expect(sessionStore.get()).toEqual({
      token: 'header.payload.sig',
      user: { id: '9', displayName: '居民0001', phoneMasked: '138****0001' },
    });
    expect(calls.map((c) => c.operationName)).toEqual([
      'LoginPageRequestCode',
      'LoginPageLogin',
      'LoginPageLogin',
    ]);
  });

  it('shows how long to wait when codes are requested too often', async () => {
    const { client } = mockClient({
      LoginPageRequestCode: [
        {
          data: null,
          errors: [{ message: '…', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 37 } }],
        },
      ],
    });
    renderLogin(client);
    fireEvent.change(screen.getByTestId('login-phone'), { target: { value: '13800000002' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('login-request-code'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('login-error').textContent).toBe('操作过于频繁，请37秒后再试'),
    );
    expect(screen.getByTestId('login-request-code').textContent).toBe('37秒后重新获取');
  });
});
