import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../../gql';
import i18n from '../../i18n';
import { OrderCard, OrderCard_DeliveryOrderFragment, starsForKey } from './OrderCard';

function order(over: Record<string, unknown> = {}) {
  return makeFragmentData(
    {
      id: '41',
      status: 'SCHEDULED',
      scheduledFor: '2026-11-28T06:00:00.000Z',
      reason: null,
      rating: null,
      comment: null,
      note: '希望周末上午',
      requestedAt: '2026-11-20T01:30:00.000Z',
      deliveredAt: null,
      viewerTransitions: [],
      service: { id: 's1', name: '非遗剪纸进社区', category: 'CULTURE', menu: 'MOBILE' },
      center: { id: 'c1', name: '桃浦东片区邻里中心', address: '桃浦路1号' },
      events: [
        {
          id: 'e1',
          fromStatus: null,
          toStatus: 'REQUESTED',
          at: '2026-11-20T01:30:00.000Z',
          reason: '希望周末上午',
          scheduledFor: null,
          rating: null,
        },
        {
          id: 'e2',
          fromStatus: 'REQUESTED',
          toStatus: 'ACCEPTED',
          at: '2026-11-21T02:00:00.000Z',
          reason: null,
          scheduledFor: null,
          rating: null,
        },
        {
          id: 'e3',
          fromStatus: 'ACCEPTED',
          toStatus: 'SCHEDULED',
          at: '2026-11-21T02:10:00.000Z',
          reason: null,
          scheduledFor: '2026-11-28T06:00:00.000Z',
          rating: null,
        },
      ],
      ...over,
    } as never,
    OrderCard_DeliveryOrderFragment,
  );
}

function renderCard(data = order(), handlers: { onCancel?: never; onRate?: never } = {}) {
  const onCancel = handlers.onCancel ?? vi.fn(async () => null);
  const onRate = handlers.onRate ?? vi.fn(async () => null);
  render(
    <ul>
      <OrderCard order={data} onCancel={onCancel} onRate={onRate} />
    </ul>,
  );
  return { onCancel, onRate, card: screen.getByTestId('order-item') };
}

beforeEach(() => {
  // "this year" for the dates below; only Date is faked, React's timers run normally
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T05:00:00Z'));
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await i18n.changeLanguage('zh-CN');
});

describe('OrderCard', () => {
  it('shows a scheduled order: status, item, center, times, the delivery date large', () => {
    const { card } = renderCard();
    expect(card.dataset.status).toBe('SCHEDULED');
    expect(screen.getByTestId('order-status').textContent).toBe('已排期');
    expect(screen.getByTestId('order-status').className).toContain('tone-scheduled');
    expect(card.textContent).toContain('非遗剪纸进社区');
    expect(card.textContent).toContain('文化');
    expect(screen.getByTestId('order-center').textContent).toContain('桃浦东片区邻里中心');
    expect(screen.getByTestId('order-requested-at').textContent).toBe('11月20日 周五 09:30');
    expect(screen.getByTestId('order-scheduled-for').textContent).toBe('配送时间：11月28日 周六 14:00');
    expect(screen.getByTestId('order-note-text').textContent).toBe('希望周末上午');
    // no action is offered when viewerTransitions is empty
    expect(screen.queryByTestId('order-cancel')).toBeNull();
    expect(screen.queryByTestId('order-rate')).toBeNull();
    expect(screen.queryByTestId('order-reason')).toBeNull();
  });

  it('expands the history of the order', () => {
    renderCard();
    expect(screen.queryByTestId('order-history')).toBeNull();
    fireEvent.click(screen.getByTestId('order-history-toggle'));
    const events = within(screen.getByTestId('order-history')).getAllByTestId('order-event');
    expect(events.map((e) => e.dataset.status)).toEqual(['REQUESTED', 'ACCEPTED', 'SCHEDULED']);
    expect(events[0].textContent).toContain('点单');
    expect(events[2].textContent).toContain('配送时间：11月28日 周六 14:00');
  });

  it('shows why an order was rejected', () => {
    const { card } = renderCard(
      order({ status: 'REJECTED', scheduledFor: null, reason: '本月名额已满', events: [] }),
    );
    expect(card.dataset.status).toBe('REJECTED');
    expect(screen.getByTestId('order-status').className).toContain('tone-rejected');
    expect(screen.getByTestId('order-reason').textContent).toBe('未受理原因：本月名额已满');
    expect(screen.queryByTestId('order-scheduled-for')).toBeNull();
  });

  it('shows the stars of a rated order', () => {
    renderCard(order({ status: 'RATED', rating: 4, comment: '老师很耐心' }));
    const rating = screen.getByTestId('order-rating');
    expect(rating.dataset.rating).toBe('4');
    expect(rating.querySelectorAll('.adm-rate-star-active')).toHaveLength(4);
    expect(rating.textContent).toContain('老师很耐心');
  });

  it('offers cancel when allowed, and cancels after the confirmation', async () => {
    const { onCancel } = renderCard(
      order({ status: 'REQUESTED', scheduledFor: null, viewerTransitions: ['CANCELLED'] }),
    );
    fireEvent.click(screen.getByTestId('order-cancel'));
    const reason = await screen.findByTestId('order-cancel-reason');
    fireEvent.change(reason, { target: { value: '临时有事' } });
    await act(async () => {
      fireEvent.click(await screen.findByTestId('confirm-ok'));
    });
    await waitFor(() => expect(onCancel).toHaveBeenCalledWith('41', '临时有事'));
  });

  it('offers rating when allowed and insists on stars', async () => {
    const { onRate } = renderCard(
      order({ status: 'DELIVERED', deliveredAt: '2026-11-22T08:00:00.000Z', viewerTransitions: ['RATED'] }),
    );
    fireEvent.click(screen.getByTestId('order-rate'));
    expect(screen.getByTestId('rate-stars').querySelectorAll('[role="radio"]')).toHaveLength(5);
    fireEvent.change(screen.getByTestId('rate-comment'), { target: { value: '很好' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('rate-submit'));
    });
    expect(screen.getByTestId('rate-error').textContent).toBe('请先点星星打分');
    expect(onRate).not.toHaveBeenCalled();
  });

  it('rates with the 5th star and a comment', async () => {
    const { onRate } = renderCard(order({ status: 'DELIVERED', viewerTransitions: ['RATED'] }));
    fireEvent.click(screen.getByTestId('order-rate'));
    const stars = screen.getByTestId('rate-stars');
    fireEvent.click(within(stars).getByRole('radio', { name: '5' }));
    expect(stars.dataset.value).toBe('5');
    expect(screen.getByTestId('rate-value').textContent).toBe('5星');
    fireEvent.change(screen.getByTestId('rate-comment'), { target: { value: ' 老师很耐心 ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('rate-submit'));
    });
    expect(onRate).toHaveBeenCalledWith('41', 5, '老师很耐心');
    // the form closes once the rating went through
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('switches to English', async () => {
    await i18n.changeLanguage('en');
    renderCard();
    expect(screen.getByTestId('order-status').textContent).toBe('Scheduled');
    expect(screen.getByTestId('order-scheduled-for').textContent).toBe('Delivery: Sat 28 Nov 14:00');
  });
});

describe('starsForKey', () => {
  it('steps with the arrows within 1–5 and picks with a digit', () => {
    expect(starsForKey('ArrowRight', 0)).toBe(1);
    expect(starsForKey('ArrowRight', 5)).toBe(5);
    expect(starsForKey('ArrowLeft', 1)).toBe(1);
    expect(starsForKey('ArrowDown', 4)).toBe(3);
    expect(starsForKey('4', 1)).toBe(4);
    expect(starsForKey('0', 1)).toBeNull();
    expect(starsForKey('6', 1)).toBeNull();
    expect(starsForKey('Enter', 1)).toBeNull();
  });
});
