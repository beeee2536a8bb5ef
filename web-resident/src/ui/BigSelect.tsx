// A native <select> styled large: the most reliable picker for elderly hands and for tests.
import { useId } from 'react';

export interface BigSelectOption {
  value: string;
  label: string;
}

export function BigSelect({
  label,
  value,
  options,
  placeholder,
  disabled,
  loading,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: BigSelectOption[];
  placeholder: string;
  disabled?: boolean;
  loading?: boolean;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="big-select">
      <label htmlFor={id} className="big-select-label">
        {label}
      </label>
      <select
        id={id}
        className="big-select-control"
        value={value}
        disabled={disabled}
        aria-busy={loading || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
