// A free-text search box for list filters: searches as the user types (after a short pause)
// or at once on Enter, and follows the value when the address changes (back/forward, links).
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';

const SEARCH_PAUSE_MS = 350;

export function SearchBox({
  value,
  onSearch,
  placeholder,
  width,
  testId,
}: {
  value: string | undefined;
  /** the trimmed text, undefined when empty; keep it stable (useCallback) */
  onSearch: (search: string | undefined) => void;
  placeholder: string;
  width: number;
  testId: string;
}) {
  const [text, setText] = useState(value ?? '');

  // Keep the box in step when the URL changes (back/forward, links).
  useEffect(() => setText(value ?? ''), [value]);

  // Search as the user types, after a short pause.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return;
    const timer = window.setTimeout(() => onSearch(trimmed || undefined), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input
      data-testid={testId}
      style={{ width }}
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={(e) => {
        // Read the box itself: the latest keystroke may not have re-rendered yet.
        const v = e.currentTarget.value;
        setText(v);
        onSearch(v.trim() || undefined);
      }}
    />
  );
}
