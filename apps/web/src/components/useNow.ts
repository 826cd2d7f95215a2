// The server's wall clock as this page best knows it, ticking at the given interval.
import { useEffect, useState } from 'react';

export function useServerNow(serverOffset: number, intervalMs = 500): number {
  const [now, setNow] = useState(() => Date.now() + serverOffset);
  useEffect(() => {
    setNow(Date.now() + serverOffset);
    const timer = setInterval(() => setNow(Date.now() + serverOffset), intervalMs);
    return () => clearInterval(timer);
  }, [serverOffset, intervalMs]);
  return now;
}
