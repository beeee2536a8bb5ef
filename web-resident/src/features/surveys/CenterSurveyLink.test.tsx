import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CenterSurveyLink } from './CenterSurveyLink';

function clientAnswering(surveys: Array<{ id: string; title: string; viewerHasAnswered: boolean }>) {
  const fetchMock = vi.fn(
    async () =>
      new Response(
        JSON.stringify({ data: { surveys: surveys.map((s) => ({ __typename: 'Survey', ...s })) } }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
  );
  return new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch: fetchMock });
}

function renderLink(client: Client) {
  const { container } = render(
    <Provider value={client}>
      <MemoryRouter>
        <CenterSurveyLink centerId="3" />
      </MemoryRouter>
    </Provider>,
  );
  return container;
}

afterEach(() => cleanup());

describe('CenterSurveyLink', () => {
  it('leads straight to the one open survey still to answer', async () => {
    renderLink(
      clientAnswering([
        { id: '5', title: '2026年桃浦服务中心满意度调查', viewerHasAnswered: false },
        { id: '6', title: '助餐服务评价', viewerHasAnswered: true },
      ]),
    );
    const link = await screen.findByTestId('center-survey-link');
    expect(link.getAttribute('href')).toBe('/surveys/5');
    expect(link.textContent).toContain('评价这个服务中心');
    expect(link.textContent).toContain('2026年桃浦服务中心满意度调查');
  });

  it('leads to the list when several are open', async () => {
    renderLink(
      clientAnswering([
        { id: '5', title: '甲', viewerHasAnswered: false },
        { id: '6', title: '乙', viewerHasAnswered: false },
      ]),
    );
    const link = await screen.findByTestId('center-survey-link');
    expect(link.getAttribute('href')).toBe('/surveys');
    expect(link.textContent).toContain('有2份调查等您填写');
  });

  it('thanks once all are answered, and shows nothing without an open survey', async () => {
    renderLink(clientAnswering([{ id: '5', title: '甲', viewerHasAnswered: true }]));
    expect((await screen.findByTestId('center-survey-done')).textContent).toContain('您已评价过这个服务中心');
    expect(screen.queryByTestId('center-survey-link')).toBeNull();
    cleanup();
    const container = renderLink(clientAnswering([]));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
