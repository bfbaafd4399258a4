import { useEffect, useRef, type ReactNode } from 'react';

/** The one h1 of a screen. It takes focus when the screen appears, so keyboard and screen-reader users start there. */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="screen-heading">
      {children}
    </h1>
  );
}
