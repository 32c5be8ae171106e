package io.smarketing.goals.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** The signal "the view changed", fanned out to every live stream of this instance. */
@ApplicationScoped
public class ViewChanges {

    private final BroadcastProcessor<Long> processor = BroadcastProcessor.create();
    private final AtomicLong sequence = new AtomicLong();

    public void signal() {
        processor.onNext(sequence.incrementAndGet());
    }

    /** How many changes this instance has heard of: a view computed at one generation is current until the next. */
    public long generation() {
        return sequence.get();
    }

    /** Hot: subscribers see the changes after they subscribe; a slow one drops, it will get the next. */
    public Multi<Long> changes() {
        return processor.onOverflow().drop();
    }
}
