import { Store } from '../../src/store/store.js';
import { makeComment, makeThread } from './make-domain.js';

/** An in-memory store holding one thread of event `ev` with two comments: a ("this is a bubble") and b ("fine deal"). */
export function openTwoCommentStore(): Store {
  const store = Store.open(':memory:');
  store.saveThreadBundle('ev', {
    thread: makeThread(),
    comments: [makeComment({ id: 'a', body: 'this is a bubble' }), makeComment({ id: 'b', body: 'fine deal' })],
    expected: 2,
    collected: 2,
  });
  return store;
}
