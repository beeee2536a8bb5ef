// A clearable select above a list: one filter of it. Cleared (or empty) reads as undefined,
// "no filter".
import { Select, type SelectProps } from 'antd';

export function FilterSelect({
  testId,
  width,
  value,
  onChange,
  ...rest
}: Omit<SelectProps<string>, 'value' | 'onChange' | 'style' | 'allowClear' | 'virtual'> & {
  testId: string;
  width: number;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select<string>
      data-testid={testId}
      style={{ width }}
      allowClear
      virtual={false}
      value={value}
      onChange={(v?: string) => onChange(v || undefined)}
      {...rest}
    />
  );
}
