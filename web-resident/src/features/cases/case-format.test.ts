import { describe, expect, it } from 'vitest';
import { messageLink, scaledSize, statusTone, stepKey } from './case-format';

describe('case helpers', () => {
  it('scales the longest side down, never up', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(1000, 3000)).toEqual({ width: 533, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
  it('names steps, tones and links', () => {
    expect(stepKey('ESCALATE')).toBe('caseStep_ESCALATE');
    expect(statusTone('CLOSED')).toBe('success');
    expect(statusTone('REJECTED')).toBe('default');
    expect(statusTone('IN_PROGRESS')).toBe('primary');
    expect(messageLink('CASE', '5')).toBe('/my-cases/5');
    expect(messageLink('SURVEY', '2')).toBe('/surveys/2');
    expect(messageLink('DEMAND', '9')).toBe('/community/demands');
    expect(messageLink(null, null)).toBeNull();
  });
});
