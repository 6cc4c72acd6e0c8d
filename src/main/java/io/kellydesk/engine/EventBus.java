package io.kellydesk.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-process bus the desk and the decision log subscribe to. Delivery is synchronous on the
 * publisher's (background) thread: subscribers hand work on and return. A failing subscriber is logged and
 * never stops delivery to the others.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    /** A subscription; close it when the view deactivates so nothing leaks over a trading day. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Registration<E extends DeskEvent>(Class<E> type, Consumer<? super E> consumer) {
        void deliver(DeskEvent event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }

    public <E extends DeskEvent> Subscription subscribe(Class<E> type, Consumer<? super E> consumer) {
        Registration<E> registration = new Registration<>(type, consumer);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    public void publish(DeskEvent event) {
        for (Registration<?> registration : registrations) {
            try {
                registration.deliver(event);
            } catch (RuntimeException e) {
                LOG.error("Subscriber failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    public int subscriberCount() {
        return registrations.size();
    }
}
