// The SQL of syncDemandStatuses takes the highest per-project rank; that is demandStatusFrom for
// every combination of project statuses.
import { PROJECT_STATUSES, demandStatusFrom, type ProjectStatus } from '@lc/domain';
import { demandStatusByRank } from '../demand-status';

describe('demand status from project statuses', () => {
  it('the highest per-project rank equals demandStatusFrom for every set of statuses', () => {
    const n = PROJECT_STATUSES.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      const set: ProjectStatus[] = PROJECT_STATUSES.filter((_, i) => mask & (1 << i));
      expect(demandStatusByRank(set)).toBe(demandStatusFrom(set));
      expect(demandStatusByRank([...set, ...set])).toBe(demandStatusFrom(set));
    }
    expect(demandStatusByRank([])).toBe('OPEN');
  });
});
