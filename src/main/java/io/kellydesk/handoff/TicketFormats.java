package io.kellydesk.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import io.kellydesk.core.OrderTicket;

/**
 * The ways a ticket is written out: the {@code POST /orders} body of the contract, one plain line for a person,
 * and a FIX 4.4 NewOrderSingle for desks that key orders into another platform.
 */
public final class TicketFormats {

    public static final char SOH = '\u0001';
    private static final DateTimeFormatter FIX_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private TicketFormats() {
    }

    /** The body of {@code POST /orders}, as the contract spells it. Sent byte-for-byte the same on every retry. */
    public static String requestJson(OrderTicket t, String clientOrderId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("client_order_id", clientOrderId);
        body.put("symbol", t.symbol());
        body.put("side", t.side().contractValue());
        body.put("quantity", t.quantityContracts());
        body.put("type", t.type().contractValue());
        if (t.limitPrice().isPresent()) {
            body.put("limit_price", t.limitPrice().getAsDouble());
        } else {
            body.putNull("limit_price");
        }
        body.put("time_in_force", t.timeInForce().contractValue());
        body.put("reasoning", t.action() == io.kellydesk.core.OrderAction.REDUCE
                ? "Reduce to the position cap: target " + t.targetContracts() + ", holding " + t.exposureBefore()
                : "Kelly-optimized: " + round(t.kellyFraction(), 3));
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("strategy", "kelly_criterion");
        metadata.put("kelly_fraction", round(t.kellyFraction(), 4));
        metadata.put("win_probability", round(t.winProbability(), 4));
        metadata.put("ml_confidence", round(t.mlConfidence(), 4));
        metadata.put("risk_adjusted", t.riskAdjusted());
        metadata.put("action", t.action().name().toLowerCase(Locale.ROOT));
        metadata.put("target_contracts", t.targetContracts());
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** One line a person reads or pastes: {@code BUY 2 NQZ26-CME MKT DAY · id kd-… · Kelly 8.2 % · p 61.0 %}. */
    public static String plainLine(OrderTicket t, String clientOrderId) {
        String price = t.limitPrice().isPresent() ? "LMT " + BigDecimal.valueOf(t.limitPrice().getAsDouble()).toPlainString() : "MKT";
        return String.format(Locale.ROOT, "%s %d %s %s %s · id %s · Kelly %.1f %% · p %.1f %% · at risk %,.0f %s",
                t.side().name(), t.quantityContracts(), t.symbol(), price, t.timeInForce().name(), clientOrderId,
                t.kellyFraction() * 100, t.winProbability() * 100, t.capitalAtRiskCurrency(), t.currency());
    }

    /**
     * A FIX 4.4 NewOrderSingle (35=D) with its true SOH separators, BodyLength (9) and CheckSum (10).
     * Tags: 11 ClOrdID, 55 Symbol, 54 Side, 38 OrderQty, 40 OrdType, 44 Price (limit only), 59 TimeInForce,
     * 60 TransactTime.
     */
    public static String fix44(OrderTicket t, String clientOrderId, Instant transactTime) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("35", "D");
        body.put("49", "KELLYDESK");
        body.put("56", "EXECUTION");
        body.put("52", FIX_TIME.format(transactTime));
        body.put("11", clientOrderId);
        body.put("55", t.symbol());
        body.put("54", t.side().fixValue());
        body.put("38", Integer.toString(t.quantityContracts()));
        body.put("40", t.type().fixValue());
        t.limitPrice().ifPresent(p -> body.put("44", BigDecimal.valueOf(p).toPlainString()));
        body.put("59", t.timeInForce().fixValue());
        body.put("60", FIX_TIME.format(transactTime));
        StringBuilder fields = new StringBuilder();
        body.forEach((tag, value) -> fields.append(tag).append('=').append(value).append(SOH));
        String head = "8=FIX.4.4" + SOH + "9=" + fields.toString().getBytes(StandardCharsets.US_ASCII).length + SOH;
        String message = head + fields;
        int sum = 0;
        for (byte b : message.getBytes(StandardCharsets.US_ASCII)) {
            sum += b & 0xFF;
        }
        return message + "10=" + String.format(Locale.ROOT, "%03d", sum % 256) + SOH;
    }

    /** FIX text for a screen or the clipboard: SOH shown as {@code |}. */
    public static String fixForDisplay(String fix) {
        return fix.replace(SOH, '|');
    }

    private static double round(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
