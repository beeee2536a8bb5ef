import { describe, expect, it } from 'vitest';
import {
  errorCodeOf,
  errorMessageKey,
  fieldErrorsOf,
  formFieldName,
  toFormFieldErrors,
} from './graphqlErrors';

const badInput = {
  graphQLErrors: [
    {
      message: 'Invalid input',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'address', message: '地址不能为空' },
          { field: 'input.facilities[1]', message: '未知的设施代码' },
          { field: 'coveredCommunityIds.0', message: '社区不属于本街镇' },
          { field: 'somethingElse', message: '其他错误' },
        ],
      },
    },
  ],
};

describe('error codes', () => {
  it('reads extensions.code', () => {
    expect(errorCodeOf({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe('FORBIDDEN');
    expect(errorMessageKey({ graphQLErrors: [{ extensions: { code: 'NOT_FOUND' } }] })).toBe(
      'enum:error.NOT_FOUND',
    );
  });
  it('treats transport failures as NETWORK and unknown codes as a server error', () => {
    expect(errorCodeOf({ networkError: new Error('Failed to fetch') })).toBe('NETWORK');
    expect(errorMessageKey({ networkError: new Error('x') })).toBe('admin:errorNetwork');
    expect(errorCodeOf({ graphQLErrors: [{ extensions: { code: 'WHAT' } }] })).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeOf({ response: { status: 401 }, networkError: new Error('x') })).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(undefined)).toBeUndefined();
  });
});

describe('field errors', () => {
  it('names the form field of a server path', () => {
    expect(formFieldName('address')).toBe('address');
    expect(formFieldName('input.address')).toBe('address');
    expect(formFieldName('coveredCommunityIds[3]')).toBe('coveredCommunityIds');
    expect(formFieldName('zones.2')).toBe('zones');
  });

  it('maps BAD_USER_INPUT fields to form fields and keeps the rest apart', () => {
    const fields = fieldErrorsOf(badInput);
    expect(fields).toHaveLength(4);
    const mapped = toFormFieldErrors(fields, [
      'address',
      'openingHours',
      'facilities',
      'zones',
      'coveredCommunityIds',
    ]);
    expect(mapped.fields).toEqual([
      { name: 'address', errors: ['地址不能为空'] },
      { name: 'facilities', errors: ['未知的设施代码'] },
      { name: 'coveredCommunityIds', errors: ['社区不属于本街镇'] },
    ]);
    expect(mapped.unmatched).toEqual(['其他错误']);
  });

  it('ignores errors of other codes and malformed field lists', () => {
    expect(
      fieldErrorsOf({
        graphQLErrors: [{ extensions: { code: 'FORBIDDEN', fields: [{ field: 'a', message: 'b' }] } }],
      }),
    ).toEqual([]);
    expect(
      fieldErrorsOf({ graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT', fields: 'nope' } }] }),
    ).toEqual([]);
  });

  it('merges duplicate messages of one field', () => {
    const r = toFormFieldErrors(
      [
        { field: 'zones[0]', message: '未知区域' },
        { field: 'zones[1]', message: '未知区域' },
      ],
      ['zones'],
    );
    expect(r.fields).toEqual([{ name: 'zones', errors: ['未知区域'] }]);
  });
});

describe('hasCjk', () => {
  it('tells Chinese messages from English ones', async () => {
    const { hasCjk } = await import('./graphqlErrors');
    expect(hasCjk('地址不能为空')).toBe(true);
    expect(hasCjk('address must not be empty')).toBe(false);
  });
});
