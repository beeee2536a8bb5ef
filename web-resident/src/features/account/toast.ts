// Short confirmations ("点单成功"). antd-mobile's imperative Toast renders outside the app's tree;
// under React 19 it needs to be told how to render (antd-mobile's "v5 for React 19" guide).
import { Toast, unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

let renderReady = false;

function ensureRender(): void {
  if (renderReady) return;
  renderReady = true;
  unstableSetRender((node, container) => {
    const host = container as (Element | DocumentFragment) & { __lcRoot?: Root };
    host.__lcRoot ??= createRoot(host);
    const root = host.__lcRoot;
    root.render(node);
    return async () => {
      await Promise.resolve();
      root.unmount();
      delete host.__lcRoot;
    };
  });
}

export function showToast(content: string, icon?: 'success' | 'fail'): void {
  ensureRender();
  Toast.show({ content, icon, duration: 2500 });
}
