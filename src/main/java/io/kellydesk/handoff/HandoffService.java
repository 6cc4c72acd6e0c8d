package io.kellydesk.handoff;

import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.tasks.Backoff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffJournal;
import io.kellydesk.core.OrderGateway;
import io.kellydesk.core.HandoffRefused;

/**
 * Hands a ticket to its target exactly once. One client order id per click, recorded on disk before the request
 * goes out; timeouts, refused connections and 5xx are resent with the same id and the same body (the engine's
 * intake is idempotent on it) until an answer or the give-up time; one handoff per symbol at a time; after a
 * restart, unfinished handoffs are resent with their id, or shown for the trader to resolve when too old.
 * The desk never calls this by itself: only a person's click does.
 */
public final class HandoffService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffService.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);

    /** Checks a ticket against current data just before it goes; a refusal names the reason. */
    @FunctionalInterface
    public interface Revalidation {
        Optional<String> refusal(OrderTicket ticket);
    }

    private final OrderGateway gateway;
    private final HandoffJournal journal;
    private final Revalidation revalidation;
    private final ClientOrderIds ids;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private final Supplier<DeskPreferences> preferences;
    private final Backoff backoff;
    private final Consumer<HandoffRecord> onChange;
    private final String userName;
    private final Map<String, String> inFlightBySymbol = new ConcurrentHashMap<>();
    private final Map<String, HandoffRecord> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<HandoffRecord>> outcomes = new ConcurrentHashMap<>();

    public HandoffService(OrderGateway gateway, HandoffJournal journal, Revalidation revalidation, Clock clock,
                          ScheduledExecutorService scheduler, Supplier<DeskPreferences> preferences, Backoff backoff,
                          Consumer<HandoffRecord> onChange, String userName) {
        this.gateway = Objects.requireNonNull(gateway);
        this.journal = Objects.requireNonNull(journal);
        this.revalidation = Objects.requireNonNull(revalidation);
        this.clock = Objects.requireNonNull(clock);
        this.ids = new ClientOrderIds(clock);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.preferences = Objects.requireNonNull(preferences);
        this.backoff = Objects.requireNonNull(backoff);
        this.onChange = Objects.requireNonNull(onChange);
        this.userName = Objects.requireNonNull(userName);
    }

    /**
     * Hands {@code ticket} off to the desk's target. The future completes with the record in its final state
     * (accepted, rejected, failed at give-up, copied, written), or fails with {@link HandoffRefused} when nothing
     * was sent. Progress in between reaches the change listener.
     */
    public CompletableFuture<HandoffRecord> handOff(OrderTicket ticket) {
        HandoffTarget target = preferences.get().handoffTarget();
        Optional<HandoffRecord> unknown = unresolved(ticket.symbol());
        if (unknown.isPresent()) {
            // A new client order id could make a second order of one intended trade: only the same id may go again.
            return CompletableFuture.failedFuture(new HandoffRefused("the earlier order " + unknown.get().clientOrderId() + " for "
                    + ticket.symbol() + " has no known outcome (" + unknown.get().status().name().toLowerCase(java.util.Locale.ROOT)
                    + "): Retry it with the same id, or Dismiss it once the engine shows it is not there"));
        }
        String claim = "claim-" + System.nanoTime();
        String holder = inFlightBySymbol.putIfAbsent(ticket.symbol(), claim);
        if (holder != null) {
            return CompletableFuture.failedFuture(new HandoffRefused("a handoff of " + ticket.symbol()
                    + " is already in flight" + (holder.startsWith("claim-") ? "" : " (" + holder + ")") + "; wait for its answer"));
        }
        CompletableFuture<HandoffRecord> outcome = new CompletableFuture<>();
        try {
            scheduler.execute(() -> start(ticket, target, claim, outcome));
        } catch (RuntimeException e) {
            inFlightBySymbol.remove(ticket.symbol(), claim);
            outcome.completeExceptionally(new HandoffRefused("the desk is shutting down"));
        }
        return outcome;
    }

    private void start(OrderTicket ticket, HandoffTarget target, String claim, CompletableFuture<HandoffRecord> outcome) {
        if (closed) {
            inFlightBySymbol.remove(ticket.symbol(), claim);
            outcome.completeExceptionally(new HandoffRefused("the desk is shutting down"));
            return;
        }
        Optional<String> refusal;
        try {
            refusal = revalidation.refusal(ticket);
        } catch (RuntimeException e) {
            refusal = Optional.of("could not re-check the recommendation: " + e.getMessage());
        }
        if (refusal.isPresent()) {
            inFlightBySymbol.remove(ticket.symbol(), claim);
            outcome.completeExceptionally(new HandoffRefused(refusal.get()));
            return;
        }
        String id = ids.next(ticket.symbol());
        Instant now = clock.instant();
        HandoffRecord record = new HandoffRecord(id, ticket.symbol(), ticket.side(), ticket.quantityContracts(), target,
                TicketFormats.requestJson(ticket, id), HandoffStatus.PENDING, Optional.empty(), Optional.empty(), userName, now, now);
        try {
            journal.created(record);
        } catch (Exception e) {
            LOG.error("Handoff {} not recorded; not sent", id, e);
            inFlightBySymbol.remove(ticket.symbol(), claim);
            outcome.completeExceptionally(new HandoffRefused("not sent: the handoff could not be recorded in the decision log ("
                    + e.getMessage() + ")"));
            return;
        }
        inFlightBySymbol.put(ticket.symbol(), id);
        known.put(id, record);
        outcomes.put(id, outcome);
        publish(record);
        switch (target) {
            case ENGINE -> attempt(id, 0);
            case CLIPBOARD -> finish(id, HandoffStatus.COPIED, Optional.empty(),
                    Optional.of(TicketFormats.plainLine(ticket, id) + "\n" + TicketFormats.fixForDisplay(TicketFormats.fix44(ticket, id, now))),
                    Optional.empty());
            case FOLDER -> writeToFolder(id, record);
        }
    }

    /** One request; an answer ends it, a retryable failure schedules the next with the same id and body. */
    private void attempt(String id, int failuresSoFar) {
        HandoffRecord record = known.get(id);
        if (record == null || record.status().isFinal()) {
            return;
        }
        if (closed) {
            LOG.warn("Handoff {} left SENDING at shutdown; it resumes with the same id on the next start", id);
            return;
        }
        if (record.status() != HandoffStatus.SENDING) {
            change(record.with(HandoffStatus.SENDING, Optional.empty(),
                    Optional.of(failuresSoFar == 0 ? "sending" : "resending (try " + (failuresSoFar + 1) + ")"), clock.instant()),
                    Optional.empty());
        }
        OrderGateway.Answer answer;
        try {
            answer = gateway.send(record.requestJson());
        } catch (RuntimeException e) {
            answer = new OrderGateway.Answer.Retryable("send failed: " + e.getMessage(), Optional.empty());
        }
        switch (answer) {
            case OrderGateway.Answer.Accepted a -> finish(id, HandoffStatus.ACCEPTED, Optional.of(a.engineOrderId()),
                    Optional.of("accepted by the engine as " + a.engineOrderId()),
                    Optional.of(a.responseJson()));
            case OrderGateway.Answer.Rejected r -> finish(id, HandoffStatus.REJECTED, Optional.empty(),
                    Optional.of("rejected (" + r.httpStatus() + "): " + r.reason()), Optional.of(r.responseJson()));
            case OrderGateway.Answer.AuthenticationFailed f -> finish(id, HandoffStatus.AUTH_FAILED, Optional.empty(),
                    Optional.of("authentication refused (" + f.httpStatus() + "): check the trading engine's token"), Optional.empty());
            case OrderGateway.Answer.Retryable r -> retryLater(id, failuresSoFar + 1, r);
        }
    }

    private void retryLater(String id, int failures, OrderGateway.Answer.Retryable why) {
        HandoffRecord record = known.get(id);
        Duration giveUp = Duration.ofSeconds(preferences.get().handoffGiveUpSeconds());
        Duration delay = backoff.delay(FIRST_RETRY, failures - 1, why.retryAfter());
        Instant deadline = record.createdAt().plus(giveUp);
        if (clock.instant().plus(delay).isAfter(deadline)) {
            finish(id, HandoffStatus.FAILED, Optional.empty(), Optional.of("no answer after " + failures + (failures == 1 ? " try" : " tries")
                    + " in " + giveUp.toSeconds() + " s (last: " + why.reason() + "); the engine may or may not hold it: Retry with the same id"),
                    Optional.empty());
            return;
        }
        LOG.warn("Handoff {} try {} failed ({}); resending in {} ms with the same id", id, failures, why.reason(), delay.toMillis());
        change(record.with(HandoffStatus.SENDING, Optional.empty(), Optional.of("no answer yet (" + why.reason() + "); resending"),
                clock.instant()), Optional.empty());
        try {
            scheduler.schedule(() -> attempt(id, failures), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) {
            LOG.warn("Handoff {} left SENDING at shutdown; it resumes with the same id on the next start", id);
        }
    }

    private void writeToFolder(String id, HandoffRecord record) {
        String folder = preferences.get().handoffFolder();
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + id + "-", ".tmp");
            Files.writeString(temp, record.requestJson(), StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finish(id, HandoffStatus.WRITTEN, Optional.empty(), Optional.of("written to " + dir.resolve(id + ".json")), Optional.empty());
        } catch (IOException | RuntimeException e) {
            finish(id, HandoffStatus.FAILED, Optional.empty(), Optional.of("could not write to " + folder + ": " + e.getMessage()), Optional.empty());
        }
    }

    private void finish(String id, HandoffStatus status, Optional<String> engineOrderId, Optional<String> detail, Optional<String> response) {
        HandoffRecord record = known.get(id).with(status, engineOrderId, detail, clock.instant());
        change(record, response);
        inFlightBySymbol.remove(record.symbol(), id);
        CompletableFuture<HandoffRecord> outcome = outcomes.remove(id);
        if (outcome != null) {
            outcome.complete(record);
        }
    }

    private void change(HandoffRecord record, Optional<String> response) {
        known.put(record.clientOrderId(), record);
        try {
            journal.changed(record, response);
        } catch (Exception e) {
            // The order's fate does not change with the log; the trader is told, and the log catches up at the next change.
            LOG.error("Handoff {} state {} not recorded: {}", record.clientOrderId(), record.status(), e.getMessage());
        }
        publish(record);
    }

    private void publish(HandoffRecord record) {
        try {
            onChange.accept(record);
        } catch (RuntimeException e) {
            LOG.error("Handoff listener failed", e);
        }
    }

    /**
     * At start: handoffs the last run left unfinished are resent with their own id and body when younger than the
     * give-up time (the engine answers a known id with its first answer), else shown as UNRESOLVED for the trader.
     */
    public void resumeUnfinished() {
        List<HandoffJournal.Unfinished> left;
        try {
            left = journal.unfinished();
        } catch (Exception e) {
            LOG.error("Could not read unfinished handoffs", e);
            return;
        }
        Duration giveUp = Duration.ofSeconds(preferences.get().handoffGiveUpSeconds());
        for (HandoffJournal.Unfinished u : left) {
            HandoffRecord record = new HandoffRecord(u.clientOrderId(), u.symbol(), "buy".equals(u.side()) ? OrderSide.BUY : OrderSide.SELL,
                    u.quantity(), HandoffTarget.ENGINE, u.requestJson(), u.status(), Optional.empty(), Optional.empty(), userName,
                    u.createdAt(), clock.instant());
            known.put(u.clientOrderId(), record);
            publish(record);
            boolean young = u.status() != HandoffStatus.UNRESOLVED && clock.instant().isBefore(u.createdAt().plus(giveUp));
            inFlightBySymbol.put(u.symbol(), u.clientOrderId());
            scheduler.execute(() -> resume(u, young));
        }
    }

    /** One unfinished handoff after a restart: asked of the engine first; then resent (young) or left to the trader. */
    private void resume(HandoffJournal.Unfinished u, boolean young) {
        String id = u.clientOrderId();
        OrderGateway.Lookup lookup = reconcile(id);
        if (lookup instanceof OrderGateway.Lookup.Found) {
            return;
        }
        HandoffRecord record = known.get(id);
        if (young) {
            LOG.info("Resuming handoff {} ({}) with its id", id, u.symbol());
            change(record.with(HandoffStatus.SENDING, Optional.empty(), Optional.of("resumed after a restart; resending with the same id"),
                    clock.instant()), Optional.empty());
            attempt(id, 0);
        } else if (lookup instanceof OrderGateway.Lookup.NotFound) {
            inFlightBySymbol.remove(u.symbol(), id);
            change(record.with(HandoffStatus.NOT_RECEIVED, Optional.empty(), Optional.of("in flight when the desk stopped; the engine "
                    + "never received " + id + ": Retry (same id) or Dismiss"), clock.instant()), Optional.empty());
        } else {
            inFlightBySymbol.remove(u.symbol(), id);
            change(record.with(HandoffStatus.UNRESOLVED, Optional.empty(), Optional.of("in flight when the desk stopped, "
                    + "older than the give-up time, and the engine cannot be asked now: check the engine for " + id
                    + ", then Retry (same id) or Dismiss"), clock.instant()), Optional.empty());
        }
    }

    /**
     * Retries a handoff whose outcome is unknown, or that the engine never received, with its own id and body: first
     * asks the engine for it (found: its state is adopted, nothing is sent), then resends; the engine cannot make it a
     * second order.
     */
    public CompletableFuture<HandoffRecord> retry(String clientOrderId) {
        HandoffRecord record = known.get(clientOrderId);
        if (record == null || !record.awaitsRetryWithSameId()) {
            return CompletableFuture.failedFuture(new HandoffRefused("only an engine handoff with no known outcome can be retried"));
        }
        String holder = inFlightBySymbol.putIfAbsent(record.symbol(), clientOrderId);
        if (holder != null && !holder.equals(clientOrderId)) {
            return CompletableFuture.failedFuture(new HandoffRefused("a handoff of " + record.symbol() + " is already in flight"));
        }
        CompletableFuture<HandoffRecord> outcome = new CompletableFuture<>();
        outcomes.put(clientOrderId, outcome);
        // A fresh give-up window from now, same id and body.
        HandoffRecord restarted = new HandoffRecord(record.clientOrderId(), record.symbol(), record.side(), record.quantityContracts(),
                record.target(), record.requestJson(), HandoffStatus.SENDING, record.engineOrderId(),
                Optional.of("manual retry with the same id"), record.userName(), clock.instant(), clock.instant());
        boolean askFirst = record.status() != HandoffStatus.NOT_RECEIVED;
        change(restarted, Optional.empty());
        scheduler.execute(() -> {
            if (askFirst && reconcile(clientOrderId) instanceof OrderGateway.Lookup.Found) {
                return;
            }
            attempt(clientOrderId, 0);
        });
        return outcome;
    }

    /**
     * The trader closes a handoff without resending it: one the engine says it never received, or an UNRESOLVED one
     * the trader checked at the engine by hand.
     */
    public void dismiss(String clientOrderId, String why) {
        HandoffRecord record = known.get(clientOrderId);
        if (record != null && record.status().mayDismiss()) {
            scheduler.execute(() -> finish(clientOrderId, HandoffStatus.DISMISSED, Optional.empty(), Optional.of("dismissed by the trader: " + why),
                    Optional.empty()));
        }
    }

    /**
     * The engine handoff of {@code symbol} whose outcome is not settled (no answer before the give-up time, found
     * unfinished after a restart, or never received by the engine): the only thing the symbol may offer is to send
     * it again with its own id.
     */
    public Optional<HandoffRecord> unresolved(String symbol) {
        return known.values().stream()
                .filter(h -> h.symbol().equals(symbol) && h.awaitsRetryWithSameId())
                .max(java.util.Comparator.comparing(HandoffRecord::createdAt));
    }

    /**
     * Spec: an order whose outcome is unknown is reconciled with {@code GET /orders/{client_order_id}} before
     * anything else. Found: the engine's state is adopted and nothing is sent. Returns what the look-up gave.
     */
    private OrderGateway.Lookup reconcile(String id) {
        OrderGateway.Lookup lookup;
        try {
            lookup = gateway.lookup(id);
        } catch (RuntimeException e) {
            lookup = new OrderGateway.Lookup.Unknown("look-up failed: " + e.getMessage());
        }
        if (lookup instanceof OrderGateway.Lookup.Found found) {
            io.kellydesk.core.EngineOrder order = found.order();
            String state = order.status().wireName() + (order.filledContracts() > 0
                    ? ", " + order.filledContracts() + " of " + order.quantityContracts() + " filled" : "");
            if (order.status() == io.kellydesk.core.EngineOrder.Status.REJECTED) {
                finish(id, HandoffStatus.REJECTED, Optional.ofNullable(order.orderId()).filter(s -> !s.isBlank()),
                        Optional.of("the engine holds it as rejected; nothing was resent"), Optional.empty());
            } else {
                finish(id, HandoffStatus.ACCEPTED, Optional.ofNullable(order.orderId()).filter(s -> !s.isBlank()),
                        Optional.of("the engine has it as " + order.orderId() + " (" + state + "); nothing was resent"), Optional.empty());
            }
        }
        return lookup;
    }

    /** The id in flight for {@code symbol}, if any. */
    public Optional<String> inFlight(String symbol) {
        return Optional.ofNullable(inFlightBySymbol.get(symbol)).filter(id -> !id.startsWith("claim-"));
    }

    /** Every handoff this run knows (created, resumed or found unfinished), newest first. */
    public List<HandoffRecord> known() {
        return known.values().stream().sorted(java.util.Comparator.comparing(HandoffRecord::createdAt).reversed()).toList();
    }

    /**
     * Stops: no new handoff starts and no resend goes out; one left SENDING resumes with its id on the next start. The
     * scheduler belongs to whoever gave it, and is not shut down here. Any thread.
     */
    @Override
    public void close() {
        closed = true;
    }
}
