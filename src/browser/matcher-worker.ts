/**
 * The matcher's Web Worker: loads the index and searches off the page's main
 * thread, so fetching and merging chunks and ranking never block typing,
 * scrolling or the first paint (issue 8: seconds of blocking time on a phone).
 * Messages are `SearchRequest`s in and `SearchReply`s out.
 */
import { answer, type SearchRequest } from './matcher-answer.ts';

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  void answer(event.data, (reply) => self.postMessage(reply));
});
