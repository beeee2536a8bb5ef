import type { ReactNode } from 'react';

/** A titled block of a page. */
export function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="section" data-testid={testId}>
      <header className="section-header">
        <h2 className="section-title">{title}</h2>
        {extra && <div className="section-extra">{extra}</div>}
      </header>
      <div className="section-body">{children}</div>
    </section>
  );
}
