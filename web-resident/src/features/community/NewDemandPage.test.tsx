import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../account/session-store';
import NewDemandPage from './NewDemandPage';

type Answer = { data?: unknown; errors?: unknown[] };
type Call = { operationName: string; variables: Record<string, unknown> };

const ME = {
  me: {
    __typename: 'User',
    id: 'u1',
    displayName: '居民张阿姨',
    phoneMasked: '138****0001',
    homeCenter: null,
    homeCommunity: {
      __typename: 'Region',
      id: 'c277',
      name: '金沙江路居民区',
      parent: { __typename: 'Region', id: 's12', name: '长征镇', parent: { __typename: 'Region', id: 'd1' } },
    },
  },
};

const SIMILAR = {
  similarDemands: [
    {
      __typename: 'SimilarDemand',
      score: 0.62,
      demand: {
        __typename: 'Demand',
        id: '31',
        title: '小区门口加装休息座椅',
        seconds: 5,
        status: 'OPEN',
        raisedByMe: false,
        viewerSeconded: false,
        viewerCanSecond: true,
      },
    },
  ],
};

/** A client whose fetch answers each operation by name (queries may come as GET). */
function mockClient(answer: (call: Call) => Answer) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    let call: Call;
    if (init?.body) call = JSON.parse(String(init.body)) as Call;
    else {
      const params = new URL(String(url)).searchParams;
      call = {
        operationName: params.get('operationName') ?? '',
        variables: JSON.parse(params.get('variables') ?? '{}') as Record<string, unknown>,
      };
    }
    calls.push(call);
    return new Response(JSON.stringify(answer(call)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    client: new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch: fetchMock }),
    calls,
  };
}

function ListStub() {
  const location = useLocation();
  return <p data-testid="list-stub">{JSON.stringify(location.state)}</p>;
}

function renderPage(client: Client) {
  render(
    <Provider value={client}>
      <MemoryRouter initialEntries={['/community/demands/new']}>
        <Routes>
          <Route path="/community/demands/new" element={<NewDemandPage />} />
          <Route path="/community/demands" element={<ListStub />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
}

beforeEach(() => {
  sessionStore.set({ token: 'test-token', user: { id: 'u1', displayName: '居民张阿姨', phoneMasked: null } });
});

afterEach(() => {
  cleanup();
  sessionStore.clear();
});

describe('NewDemandPage', () => {
  it('looks up similar demands once typing pauses, seconds one, checks the form, shows API errors, then sends', async () => {
    let createCount = 0;
    const { client, calls } = mockClient((call) => {
      switch (call.operationName) {
        case 'CommunityMe':
          return { data: ME };
        case 'CommunitySimilarDemands':
          return { data: SIMILAR };
        case 'CommunitySecondDemand':
          return {
            data: {
              secondDemand: {
                __typename: 'Demand',
                id: '31',
                seconds: 6,
                status: 'OPEN',
                viewerSeconded: true,
                viewerCanSecond: false,
              },
            },
          };
        case 'CommunityCreateDemand':
          createCount += 1;
          return createCount === 1
            ? {
                data: null,
                errors: [
                  {
                    message: '输入有误 / invalid input',
                    extensions: {
                      code: 'BAD_USER_INPUT',
                      fields: [
                        {
                          field: 'input.title',
                          message: '标题不能超过80个字 / title must be at most 80 characters',
                        },
                      ],
                    },
                  },
                ],
              }
            : {
                data: {
                  createDemand: {
                    __typename: 'Demand',
                    id: '99',
                    title: '门口加装座椅',
                    status: 'OPEN',
                    seconds: 0,
                  },
                },
              };
        default:
          return { errors: [{ message: `unexpected ${call.operationName}` }] };
      }
    });
    renderPage(client);
    const title = await screen.findByTestId('demand-title-input');
    expect(screen.getByTestId('community-current').textContent).toContain('金沙江路居民区');

    // typing quickly: one lookup, with the final words, after the pause
    fireEvent.change(title, { target: { value: '门' } });
    fireEvent.change(title, { target: { value: '门口' } });
    fireEvent.change(title, { target: { value: '门口加装' } });
    fireEvent.change(title, { target: { value: '门口加装座椅' } });
    const box = await screen.findByTestId('demand-similar', {}, { timeout: 2000 });
    const lookups = calls.filter((c) => c.operationName === 'CommunitySimilarDemands');
    expect(lookups).toHaveLength(1);
    expect(lookups[0].variables).toMatchObject({
      communityId: 'c277',
      title: '门口加装座椅',
      description: null,
    });
    expect(box.textContent).toContain('这些需求和您的很像，可以直接附议');
    const item = within(box).getByTestId('demand-similar-item');
    expect(item.dataset.title).toBe('小区门口加装休息座椅');

    // +1 from the suggestions
    await act(async () => {
      fireEvent.click(within(item).getByTestId('demand-second'));
    });
    expect(calls.find((c) => c.operationName === 'CommunitySecondDemand')?.variables).toEqual({ id: '31' });

    // no category yet: said under the categories, nothing sent
    await act(async () => {
      fireEvent.click(screen.getByTestId('demand-submit'));
    });
    const missing = screen.getAllByTestId('demand-error');
    expect(missing.map((e) => `${e.dataset.field}:${e.textContent}`)).toEqual(['category:请选择一个类别']);
    expect(calls.some((c) => c.operationName === 'CommunityCreateDemand')).toBe(false);

    // the API's field message goes under the title, in Chinese
    fireEvent.click(screen.getAllByTestId('demand-category').find((b) => b.dataset.value === 'DAILY_LIFE')!);
    expect(screen.queryByTestId('demand-error')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('demand-submit'));
    });
    const refused = await screen.findByTestId('demand-error');
    expect(refused.dataset.field).toBe('title');
    expect(refused.textContent).toBe('标题不能超过80个字');

    // sent: back to the list, which outlines the new demand
    await act(async () => {
      fireEvent.click(screen.getByTestId('demand-submit'));
    });
    await waitFor(() => expect(screen.getByTestId('list-stub').textContent).toBe('{"raisedDemandId":"99"}'));
    const created = calls.filter((c) => c.operationName === 'CommunityCreateDemand');
    expect(created[1].variables).toEqual({
      input: { title: '门口加装座椅', description: null, category: 'DAILY_LIFE', communityId: 'c277' },
    });
  });

  it('asks a resident without a community to choose one first', async () => {
    const { client } = mockClient((call) =>
      call.operationName === 'CommunityMe'
        ? { data: { me: { ...ME.me, homeCommunity: null } } }
        : { errors: [] },
    );
    renderPage(client);
    const pick = await screen.findByTestId('community-pick');
    expect(pick.getAttribute('href')).toBe('/community/pick?next=%2Fcommunity%2Fdemands%2Fnew');
    expect(screen.queryByTestId('demand-form')).toBeNull();
  });
});
