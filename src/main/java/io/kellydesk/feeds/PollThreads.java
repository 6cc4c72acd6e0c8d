package io.kellydesk.feeds;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads a poller runs on: one timer for every poll's next turn, and the request threads (virtual: a slow
 * service holds a cheap thread, not a pool slot another service needs). Given to the poller, which never shuts them
 * down; their owner does.
 */
public record PollThreads(ScheduledExecutorService timer, ExecutorService requests) {
}
