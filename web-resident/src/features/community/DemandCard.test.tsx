import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../../gql';
import i18n from '../../i18n';
import { DemandCard, DemandCard_DemandFragment, type SecondAction } from './DemandCard';

function demand(over: Record<string, unknown> = {}) {
  return makeFragmentData(
    {
      id: '31',
      title: '小区门口加装休息座椅',
      description: '老人买菜回来没地方歇脚',
      category: 'DAILY_LIFE',
      status: 'OPEN',
      seconds: 3,
      createdAt: '2026-11-20T01:30:00.000Z',
      raisedByMe: false,
      viewerSeconded: false,
      viewerCanSecond: true,
      community: { id: 'c1', name: '桃浦新村第一居委会' },
      projects: [],
      ...over,
    } as never,
    DemandCard_DemandFragment,
  );
}

function renderCard(data = demand(), onSecond: SecondAction = vi.fn(async () => null)) {
  render(
    <MemoryRouter>
      <ul>
        <DemandCard demand={data} onSecond={onSecond} />
      </ul>
    </MemoryRouter>,
  );
  return { onSecond, card: screen.getByTestId('demand-card') };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T05:00:00Z'));
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18n.changeLanguage('zh-CN');
});

describe('DemandCard', () => {
  it("shows a neighbour's open demand with its +N and seconds it", async () => {
    const { card, onSecond } = renderCard();
    expect(card.dataset.title).toBe('小区门口加装休息座椅');
    expect(card.dataset.status).toBe('OPEN');
    expect(card.textContent).toContain('生活');
    expect(screen.getByTestId('demand-status').textContent).toBe('待对接');
    expect(screen.getByTestId('demand-seconds').textContent).toBe('+3');
    expect(card.textContent).toContain('提出时间：11月20日 周五 09:30');
    const button = screen.getByTestId('demand-second') as HTMLButtonElement;
    expect(button.textContent).toBe('附议 +1');
    expect(button.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(onSecond).toHaveBeenCalledWith('31');
    expect(screen.queryByTestId('demand-second-error')).toBeNull();
  });

  it('shows why a +1 was refused', async () => {
    renderCard(
      demand(),
      vi.fn(async () => '该需求已在办理中，不能再附议'),
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('demand-second'));
    });
    expect(screen.getByTestId('demand-second-error').textContent).toBe('该需求已在办理中，不能再附议');
  });

  it('says 已附议 once seconded, without a way to second again', () => {
    renderCard(demand({ seconds: 4, viewerSeconded: true, viewerCanSecond: false }));
    const button = screen.getByTestId('demand-second') as HTMLButtonElement;
    expect(button.textContent).toBe('已附议');
    expect(button.disabled).toBe(true);
    expect(button.dataset.seconded).toBe('true');
    expect(screen.getByTestId('demand-seconds').textContent).toBe('+4');
  });

  it('offers no +1 on my own demand', () => {
    const { card } = renderCard(demand({ raisedByMe: true, viewerCanSecond: false, seconds: 0 }));
    expect(screen.queryByTestId('demand-second')).toBeNull();
    expect(card.textContent).toContain('我提的');
    expect(screen.getByTestId('demand-seconds').textContent).toBe('+0');
  });

  it('links the projects made from it, and offers no +1 once it is in one', () => {
    renderCard(
      demand({
        status: 'IN_PROJECT',
        viewerCanSecond: false,
        projects: [{ id: '7', title: '桃浦新村加装休息座椅', status: 'IN_PROGRESS' }],
      }),
    );
    expect(screen.queryByTestId('demand-second')).toBeNull();
    const link = screen.getByTestId('demand-project-link');
    expect(link.textContent).toBe('已立项：桃浦新村加装休息座椅（实施中）');
    expect(link.getAttribute('href')).toBe('/community/projects/7');
  });

  it('switches to English', async () => {
    await i18n.changeLanguage('en');
    renderCard();
    expect(screen.getByTestId('demand-second').textContent).toBe('Second +1');
    expect(screen.getByTestId('demand-status').textContent).toBe('Open');
  });
});
