// The import drawer against a stub GraphQL client: the file input, the preview of bad rows, and
// the apply button that stays disabled while the file has errors.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Provider, type Client } from 'urql';
import '../../i18n';
import { MenuImportExport } from './MenuImportExport';

beforeAll(() => {
  // antd reads these; jsdom has neither
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  // jsdom does not implement the pseudo-element argument antd passes when measuring scrollbars
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (elt: Element) => computed(elt);
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

const preview = (errors: { row: number; field: string | null; message: string }[]) => ({
  previewMenuImport: {
    __typename: 'MenuImport',
    id: '7',
    status: 'PREVIEWED',
    fileName: 'menu.xlsx',
    totalRows: 3,
    validRows: 3 - new Set(errors.map((e) => e.row)).size,
    createRows: 1,
    updateRows: 0,
    unchangedRows: 0,
    errors: errors.map((e) => ({ __typename: 'ImportRowError', ...e })),
    rows: [
      {
        __typename: 'ImportRowPreview',
        row: 2,
        code: null,
        name: '助浴',
        category: 'DAILY_LIFE',
        action: 'CREATE',
      },
    ],
  },
});

function renderWith(mutationData: unknown) {
  // the component calls client.query / client.mutation(...).toPromise() only
  const client = {
    query: vi.fn(() => ({ toPromise: () => Promise.resolve({ data: undefined }) })),
    mutation: vi.fn(() => ({ toPromise: () => Promise.resolve({ data: mutationData }) })),
  } as unknown as Client;
  render(
    <Provider value={client}>
      <AntApp>
        <MenuImportExport menu="STREET_FEATURE" regionId="12" canEdit />
      </AntApp>
    </Provider>,
  );
  return client;
}

async function upload() {
  fireEvent.click(screen.getByTestId('menu-import-button'));
  const input = (await screen.findByTestId('menu-import-file')) as HTMLInputElement;
  expect(input.tagName).toBe('INPUT');
  expect(input.type).toBe('file');
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'menu.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

describe('MenuImportExport', () => {
  it('shows export buttons for everyone and the import button only to editors', () => {
    render(
      <Provider value={{} as Client}>
        <AntApp>
          <MenuImportExport menu="DISTRICT" regionId="1" canEdit={false} />
        </AntApp>
      </Provider>,
    );
    expect(screen.getByTestId('menu-export-button')).toBeTruthy();
    expect(screen.getByTestId('menu-template-button')).toBeTruthy();
    expect(screen.queryByTestId('menu-import-button')).toBeNull();
  });

  it('lists bad rows and keeps the apply button disabled', async () => {
    const client = renderWith(
      preview([
        { row: 3, field: '类别 (category)', message: '未知类别“娱乐” / unknown category' },
        { row: 4, field: '名称 (name)', message: '与第2行重名 / same name as row 2' },
      ]),
    );
    await upload();
    await waitFor(() => expect(screen.getAllByTestId('menu-import-error-row')).toHaveLength(2));
    expect(client.mutation).toHaveBeenCalledWith(expect.anything(), {
      input: { menu: 'STREET_FEATURE', regionId: '12', fileName: 'menu.xlsx', contentBase64: 'UEsDBA==' },
    });
    expect(screen.getByTestId('menu-import-errors').textContent).toContain('未知类别');
    expect((screen.getByTestId('menu-import-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('enables apply for a clean file', async () => {
    renderWith(preview([]));
    await upload();
    await waitFor(() => expect(screen.getByTestId('menu-import-apply')).toBeTruthy());
    expect(screen.queryByTestId('menu-import-errors')).toBeNull();
    expect((screen.getByTestId('menu-import-apply') as HTMLButtonElement).disabled).toBe(false);
  });
});
