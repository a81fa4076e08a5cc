// Brings what just appeared into view: the counter screens are taller than the window, and a
// breakdown, a refusal or a result that appears below the fold would leave the cashier guessing.
import { useEffect, useRef, type ReactNode } from 'react';

export function Reveal({ when, block = 'nearest', children }: { when: unknown; block?: ScrollLogicalPosition; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (when) ref.current?.scrollIntoView({ block });
  }, [when, block]);
  return <div ref={ref}>{children}</div>;
}
