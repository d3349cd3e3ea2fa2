package dev.trellis.core;

/**
 * The mailbox items waiting for one route of a process (its inbox, its events channel, one listen
 * channel, or no route at all yet), oldest first, each tagged with its arrival number so that the
 * queues of several routes can be merged back into arrival order when the subscriptions change.
 *
 * <pre>{@code
 * PendingQueue q = new PendingQueue();
 * q.add(arrival++, message);           // refused by its channel: wait here
 * if (channel.offer(q.peek())) {       // the channel reported demand: retry the oldest
 *     q.poll();
 * }
 * }</pre>
 *
 * <p>A ring buffer of two parallel arrays: adding allocates nothing until the buffer must grow, and
 * a buffer that grew large is given back once the queue empties.
 *
 * <p><b>Thread-safety:</b> none; a queue belongs to one process's {@link Router} and is touched only
 * on that process's thread.
 */
final class PendingQueue {
    private static final int INITIAL = 8;
    /** A queue that grew past this is shrunk back to {@link #INITIAL} when it empties. */
    private static final int KEEP = 256;

    private Envelope[] items = new Envelope[INITIAL];
    private long[] seqs = new long[INITIAL];
    private int head;
    private int size;

    /** {@return whether no item waits here} */
    boolean isEmpty() {
        return size == 0;
    }

    /** {@return the number of waiting items} */
    int size() {
        return size;
    }

    /**
     * Appends an item; arrival numbers must increase from one call to the next.
     *
     * @param seq the item's arrival number
     * @param item the mailbox item
     */
    void add(long seq, Envelope item) {
        if (size == items.length) {
            grow();
        }
        int i = (head + size) & (items.length - 1);
        items[i] = item;
        seqs[i] = seq;
        size++;
    }

    /** {@return the oldest item, or null when empty} */
    Envelope peek() {
        return size == 0 ? null : items[head];
    }

    /** {@return the arrival number of the oldest item, or {@link Long#MAX_VALUE} when empty} */
    long peekSeq() {
        return size == 0 ? Long.MAX_VALUE : seqs[head];
    }

    /** {@return the oldest item, removed, or null when empty} */
    Envelope poll() {
        if (size == 0) {
            return null;
        }
        Envelope e = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        if (--size == 0) {
            head = 0;
            if (items.length > KEEP) {
                items = new Envelope[INITIAL];
                seqs = new long[INITIAL];
            }
        }
        return e;
    }

    /**
     * The item at a position, for scans that do not remove anything.
     *
     * @param i the position, 0 = oldest
     * @return the item
     */
    Envelope get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of 0.." + size);
        }
        return items[(head + i) & (items.length - 1)];
    }

    /** {@return whether a LINK_DOWN event waits here (trap_links is being switched off)} */
    boolean hasLinkDown() {
        for (int i = 0; i < size; i++) {
            if (get(i) instanceof Event ev && ev.kind() == Event.Kind.LINK_DOWN) {
                return true;
            }
        }
        return false;
    }

    private void grow() {
        int n = items.length;
        Envelope[] ni = new Envelope[n << 1];
        long[] ns = new long[n << 1];
        int first = n - head;
        System.arraycopy(items, head, ni, 0, first);
        System.arraycopy(items, 0, ni, first, head);
        System.arraycopy(seqs, head, ns, 0, first);
        System.arraycopy(seqs, 0, ns, first, head);
        items = ni;
        seqs = ns;
        head = 0;
    }
}
