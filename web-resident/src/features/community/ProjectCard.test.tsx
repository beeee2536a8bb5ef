import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../../gql';
import i18n from '../../i18n';
import { ProjectCard, ProjectCard_ProjectFragment } from './ProjectCard';

function project(over: Record<string, unknown> = {}) {
  return makeFragmentData(
    {
      id: '7',
      title: '桃浦新村加装休息座椅',
      status: 'HEARING',
      publiclyFunded: true,
      budgetYuan: 125000,
      nextMeeting: 'HEARING',
      nextMeetingAt: '2026-12-05T06:00:00.000Z',
      nextMeetingPlace: '桃浦东片区议事厅',
      demands: [
        { id: 'd1', title: '小区门口加装座椅' },
        { id: 'd2', title: '菜场门口没有地方坐' },
      ],
      meetings: [],
      ...over,
    } as never,
    ProjectCard_ProjectFragment,
  );
}

function renderCard(data = project()) {
  render(
    <MemoryRouter>
      <ul>
        <ProjectCard project={data} />
      </ul>
    </MemoryRouter>,
  );
  return screen.getByTestId('project-card');
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

describe('ProjectCard', () => {
  it('shows a running project: title, status, funding, budget, the next meeting large', () => {
    const card = renderCard();
    expect(card.dataset.title).toBe('桃浦新村加装休息座椅');
    expect(card.dataset.status).toBe('HEARING');
    expect(card.textContent).toContain('听证中');
    expect(card.textContent).toContain('财力出资');
    expect(card.textContent).toContain('预算 125,000 元');
    expect(screen.getByTestId('project-next-meeting').textContent).toBe(
      '下一场：听证会 · 12月5日 周六 14:00 · 桃浦东片区议事厅',
    );
    expect(card.textContent).toContain('来自居民需求：小区门口加装座椅、菜场门口没有地方坐');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/community/projects/7');
    expect(screen.queryByTestId('project-last-meeting')).toBeNull();
  });

  it('says the next step when its meeting has no date yet', () => {
    renderCard(
      project({
        status: 'IN_PROGRESS',
        publiclyFunded: false,
        budgetYuan: null,
        nextMeeting: 'REVIEW',
        nextMeetingAt: null,
        nextMeetingPlace: null,
      }),
    );
    expect(screen.getByTestId('project-next-meeting').textContent).toBe('下一步：评议会（待定）');
    expect(screen.getByTestId('project-card').textContent).toContain('非财力出资');
    expect(screen.getByTestId('project-card').textContent).not.toContain('预算');
  });

  it('shows how the last meeting of a finished project ended', () => {
    const card = renderCard(
      project({
        status: 'REJECTED',
        nextMeeting: null,
        nextMeetingAt: null,
        meetings: [{ id: 'm1', kind: 'HEARING', heldAt: '2026-11-20T06:30:00.000Z', outcome: 'REJECTED' }],
      }),
    );
    expect(card.dataset.status).toBe('REJECTED');
    expect(screen.queryByTestId('project-next-meeting')).toBeNull();
    const last = screen.getByTestId('project-last-meeting');
    expect(last.dataset.outcome).toBe('REJECTED');
    expect(last.textContent).toBe('最后一场：听证会 · 11月20日 周五 14:30不通过');
  });

  it('switches to English', async () => {
    await i18n.changeLanguage('en');
    renderCard();
    expect(screen.getByTestId('project-next-meeting').textContent).toBe(
      'Next: Hearing · Sat 5 Dec 14:00 · 桃浦东片区议事厅',
    );
    expect(screen.getByTestId('project-card').textContent).toContain('Public money');
  });
});
