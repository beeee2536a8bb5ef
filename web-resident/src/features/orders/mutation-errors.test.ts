import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { localizedPart, mutationErrorText } from './mutation-errors';

describe('mutationErrorText', () => {
  const t = i18n.getFixedT('zh-CN', ['resident', 'common', 'enum']);
  it('shows the API field message in the page language', () => {
    const error = {
      graphQLErrors: [
        {
          message: '输入有误',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              {
                field: 'input.serviceId',
                message: '该项目不配送到这个中心 / the item is not delivered to this center',
              },
            ],
          },
        },
      ],
    } as never;
    expect(mutationErrorText(error, t, 'zh-CN')).toBe('该项目不配送到这个中心');
    expect(mutationErrorText(error, t, 'en')).toBe('the item is not delivered to this center');
  });
  it('uses the shared label for other codes and for messages without a Chinese half', () => {
    const conflict = { graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] } as never;
    expect(mutationErrorText(conflict, t, 'zh-CN')).toBe('记录已被他人修改，请刷新后重试');
    const raw = {
      graphQLErrors: [
        {
          message: 'x',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'Variable "$id" …' }] },
        },
      ],
    } as never;
    expect(mutationErrorText(raw, t, 'zh-CN')).toBe('输入有误，请检查标出的字段');
  });
  it('splits bilingual messages', () => {
    expect(localizedPart('请填写原因 / a reason is required', 'zh-CN')).toBe('请填写原因');
    expect(localizedPart('plain', 'zh-CN')).toBeNull();
  });
});
