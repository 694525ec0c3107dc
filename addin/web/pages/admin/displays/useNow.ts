import { useEffect, useState } from 'react';

/** The current time, again every `everyMs` while the component is shown (a countdown's tick). */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "14:05" for the time left until `until`, or null once it is over. */
export function timeLeft(until: string, now: Date): string | null {
  const seconds = Math.ceil((new Date(until).getTime() - now.getTime()) / 1000);
  if (!(seconds > 0)) return null;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
