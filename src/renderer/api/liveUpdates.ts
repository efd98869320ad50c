import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { csrfToken, isDesktop } from './transport';

/**
 * Browser and bureau mode: one server-sent-events stream per signed-in page (GET /api/events,
 * src/server/events.ts). When the server says this user has new notices — a request to approve, a
 * decision, a return — every shown read is fetched again, so the bell, the queue badge and an open
 * request page change without a reload. The stream says only "look again"; the data still comes
 * through the contract. The desktop window with local data has one user at a time and no stream.
 */
export function useLiveUpdates(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (isDesktop() || typeof EventSource === 'undefined') return;
    let stream: EventSource | null = null;
    let closed = false;
    void csrfToken().then((token) => {
      if (closed || !token) return;
      stream = new EventSource(`/api/events?csrf=${encodeURIComponent(token)}`);
      stream.addEventListener('notifications', () => void qc.invalidateQueries());
    });
    return () => {
      closed = true;
      stream?.close();
    };
  }, [qc]);
}
