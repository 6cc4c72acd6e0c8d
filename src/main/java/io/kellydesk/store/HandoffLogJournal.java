package io.kellydesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.core.HandoffJournal;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The handoff journal on the decision log: a handoff row per client order id, a handoff_events row per state
 * change. Each call waits for the writer's acknowledgement, so "recorded" means on disk.
 */
public final class HandoffLogJournal implements HandoffJournal {

    private static final long ACK_SECONDS = 10;
    private final DecisionLog log;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public HandoffLogJournal(DecisionLog log) {
        this.log = log;
    }

    @Override
    public void created(HandoffRecord h) throws Exception {
        JsonNode request = mapper.readTree(h.requestJson());
        JsonNode limit = request.path("limit_price");
        log.recordHandoff(new io.kellydesk.store.HandoffRecord(h.clientOrderId(), null, h.symbol(), h.side().contractValue(),
                h.quantityContracts(), request.path("type").asText("market"), limit.isNumber() ? limit.doubleValue() : null,
                request.path("time_in_force").asText("day"), h.target().settingsValue(), h.requestJson(), h.status().name(),
                h.userName(), h.createdAt())).get(ACK_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void changed(HandoffRecord h, Optional<String> responseJson) throws Exception {
        boolean failed = h.status() == HandoffStatus.REJECTED || h.status() == HandoffStatus.AUTH_FAILED
                || h.status() == HandoffStatus.FAILED;
        log.updateHandoff(h.clientOrderId(), h.status().name(), responseJson.orElse(null), h.engineOrderId().orElse(null),
                failed ? h.detail().orElse(null) : null, h.detail().orElse(h.status().name())).get(ACK_SECONDS, TimeUnit.SECONDS);
    }

    /** Handoffs created since {@code since}, newest first, as the desk shows them. */
    public List<HandoffRecord> since(java.time.Instant since) throws DecisionLogException {
        return log.queries().handoffs(since).stream().map(s -> new HandoffRecord(s.clientOrderId(), s.symbol(),
                "buy".equals(s.side()) ? io.kellydesk.core.OrderSide.BUY : io.kellydesk.core.OrderSide.SELL, s.quantity(),
                io.kellydesk.core.HandoffTarget.fromSettings(s.target()).orElse(io.kellydesk.core.HandoffTarget.ENGINE),
                s.requestJson(), HandoffStatus.valueOf(s.status()), Optional.ofNullable(s.engineOrderId()),
                Optional.ofNullable(s.error()), s.userName(), s.createdAt(), s.updatedAt())).toList();
    }

    @Override
    public List<Unfinished> unfinished() throws Exception {
        return log.queries().handoffsInStatus(List.of(HandoffStatus.PENDING.name(), HandoffStatus.SENDING.name(),
                        HandoffStatus.UNRESOLVED.name())).stream()
                .map(s -> new Unfinished(s.clientOrderId(), s.symbol(), s.side(), s.quantity(), s.requestJson(),
                        HandoffStatus.valueOf(s.status()), s.createdAt()))
                .sorted(Comparator.comparing(Unfinished::createdAt)).toList();
    }
}
