package io.kellydesk.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Direction;
import io.kellydesk.core.EngineOrder;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Position;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the contract's JSON bodies into core values, checking every required field, type and range.
 * Unknown fields are ignored (services add fields over time); anything else wrong is a MALFORMED failure
 * naming the field, so no number is ever guessed.
 */
final class ContractParser {

    private static final Logger LOG = LoggerFactory.getLogger(ContractParser.class);
    static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._:/-]{1,32}");

    private ContractParser() {
    }

    /** A body that breaks the contract; caught at the edge and turned into a typed failure. */
    static class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static FeedResult<Prediction> prediction(JsonNode body, ModelId model, String requestedSymbol) {
        return guarded(() -> {
            String symbol = text(body, "symbol");
            checkSymbol(symbol, requestedSymbol);
            Direction direction = direction(text(body, "direction"));
            double confidence = probability(body, "confidence");
            Map<String, Double> members = new LinkedHashMap<>();
            JsonNode individual = body.get("individual_models");
            if (model == ModelId.ENSEMBLE && individual != null && !individual.isNull()) {
                if (!individual.isObject()) {
                    throw new Malformed("individual_models must be an object of confidences");
                }
                for (var member : individual.properties()) {
                    members.put(member.getKey(), probability(individual, member.getKey()));
                }
            }
            JsonNode version = body.get("model_version");
            return new Prediction(model, symbol, direction, confidence, members,
                    version != null && version.isTextual() ? version.asText() : "", instant(body, "timestamp"));
        });
    }

    static FeedResult<Quote> quote(JsonNode body, String requestedSymbol) {
        return guarded(() -> {
            String symbol = text(body, "symbol");
            checkSymbol(symbol, requestedSymbol);
            double pointValue = number(body, "point_value");
            if (!(pointValue > 0)) {
                throw new Malformed("point_value must be above 0, was " + pointValue);
            }
            double atr = number(body, "atr");
            if (atr < 0) {
                throw new Malformed("atr must not be negative, was " + atr);
            }
            return new Quote(symbol, number(body, "last"), optionalNumber(body, "bid"), optionalNumber(body, "ask"),
                    optionalNumber(body, "tick_size"), pointValue, optionalText(body, "currency"), atr,
                    (int) optionalNumber(body, "atr_period"), instant(body, "timestamp"));
        });
    }

    static FeedResult<List<String>> symbols(JsonNode body) {
        return guarded(() -> {
            JsonNode list = array(body, "symbols");
            List<String> symbols = new ArrayList<>();
            for (JsonNode item : list) {
                if (item.isTextual() && SYMBOL.matcher(item.asText()).matches()) {
                    symbols.add(item.asText());
                } else {
                    LOG.warn("Market data listed a symbol outside the contract, skipped: {}", item);
                }
            }
            return List.copyOf(symbols);
        });
    }

    static FeedResult<List<Bar>> bars(JsonNode body, String requestedSymbol) {
        return guarded(() -> {
            checkSymbol(text(body, "symbol"), requestedSymbol);
            List<Bar> bars = new ArrayList<>();
            int index = 0;
            for (JsonNode bar : array(body, "bars")) {
                String where = "bars[" + index++ + "].";
                double close = number(bar, "close", where);
                if (!(close > 0)) {
                    throw new Malformed(where + "close must be above 0, was " + close);
                }
                bars.add(new Bar(instant(bar, "time", where), number(bar, "open", where), number(bar, "high", where),
                        number(bar, "low", where), close, optionalNumber(bar, "volume")));
            }
            return List.copyOf(bars);
        });
    }

    static FeedResult<Account> account(JsonNode body) {
        return guarded(() -> {
            double equity = number(body, "equity");
            double peak = number(body, "peak_equity");
            if (!(equity > 0) || !(peak > 0)) {
                throw new Malformed("equity and peak_equity must be above 0, were " + equity + " and " + peak);
            }
            return new Account(optionalText(body, "account_id"), equity, peak, optionalText(body, "currency"), instant(body, "timestamp"));
        });
    }

    static FeedResult<List<Position>> positions(JsonNode body) {
        return guarded(() -> {
            List<Position> positions = new ArrayList<>();
            int index = 0;
            for (JsonNode p : array(body, "positions")) {
                String where = "positions[" + index++ + "].";
                String symbol = text(p, "symbol", where);
                Direction side = side(text(p, "side", where), where);
                int contracts = wholeNumber(p, "contracts", where);
                if (contracts < 0) {
                    throw new Malformed(where + "contracts must not be negative");
                }
                positions.add(new Position(symbol, contracts, side, optionalNumber(p, "avg_price")));
            }
            return List.copyOf(positions);
        });
    }

    /** {@code GET /orders}: the orders the engine received since the start of its day, working and final. */
    static FeedResult<List<EngineOrder>> orders(JsonNode body) {
        return guarded(() -> {
            List<EngineOrder> orders = new ArrayList<>();
            int index = 0;
            for (JsonNode o : array(body, "orders")) {
                orders.add(order(o, "orders[" + index++ + "]."));
            }
            return List.copyOf(orders);
        });
    }

    /** {@code GET /orders/{client_order_id}}: one order. */
    static FeedResult<EngineOrder> order(JsonNode body) {
        return guarded(() -> order(body, ""));
    }

    private static EngineOrder order(JsonNode o, String where) {
        String clientOrderId = text(o, "client_order_id", where);
        String symbol = text(o, "symbol", where);
        Direction side = side(text(o, "side", where), where);
        int quantity = wholeNumber(o, "quantity", where);
        int filled = o.hasNonNull("filled_quantity") ? wholeNumber(o, "filled_quantity", where) : 0;
        if (quantity <= 0 || filled < 0 || filled > quantity) {
            throw new Malformed(where + "quantity " + quantity + " with filled_quantity " + filled);
        }
        String statusText = text(o, "status", where).toLowerCase(Locale.ROOT);
        EngineOrder.Status status = switch (statusText) {
            case "accepted" -> EngineOrder.Status.ACCEPTED;
            case "working" -> EngineOrder.Status.WORKING;
            case "partially_filled" -> EngineOrder.Status.PARTIALLY_FILLED;
            case "filled" -> EngineOrder.Status.FILLED;
            case "cancelled", "canceled" -> EngineOrder.Status.CANCELLED;
            case "rejected" -> EngineOrder.Status.REJECTED;
            default -> throw new Malformed(where + "status \"" + statusText + "\" is not one of the contract's order states");
        };
        Instant updated = o.hasNonNull("updated") ? instant(o, "updated", where) : Instant.EPOCH;
        return new EngineOrder(optionalText(o, "order_id"), clientOrderId, symbol, side, quantity, filled, status, updated);
    }

    static FeedResult<List<ClosedTrade>> trades(JsonNode body, String requestedSymbol) {
        return guarded(() -> {
            List<ClosedTrade> trades = new ArrayList<>();
            int index = 0;
            for (JsonNode t : array(body, "trades")) {
                String where = "trades[" + index++ + "].";
                String symbol = text(t, "symbol", where);
                checkSymbol(symbol, requestedSymbol);
                int contracts = wholeNumber(t, "contracts", where);
                if (contracts <= 0) {
                    throw new Malformed(where + "contracts must be above 0");
                }
                trades.add(new ClosedTrade(optionalText(t, "trade_id"), symbol, side(text(t, "side", where), where), contracts,
                        instant(t, "entry_time", where), instant(t, "exit_time", where), optionalNumber(t, "entry_price"),
                        optionalNumber(t, "exit_price"), number(t, "pnl", where)));
            }
            return List.copyOf(trades);
        });
    }

    /** The /health answer: {@code status} is required, the rest is shown when present. */
    record HealthAnswer(String status, String version, String detail) {
    }

    static FeedResult<HealthAnswer> health(JsonNode body) {
        return guarded(() -> {
            String status = text(body, "status").toLowerCase(Locale.ROOT);
            if (!status.equals("ok") && !status.equals("degraded") && !status.equals("down")) {
                throw new Malformed("status must be ok, degraded or down, was \"" + status + "\"");
            }
            return new HealthAnswer(status, optionalText(body, "version"), optionalText(body, "detail"));
        });
    }

    /** The service's own reason from an error body, when it sent one. */
    static String errorMessage(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        return error != null && error.isTextual() ? error.asText() : "";
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> FeedResult<T> guarded(Parse<T> parse) {
        try {
            return FeedResult.ok(parse.run());
        } catch (SymbolMismatch e) {
            return new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.SYMBOL_MISMATCH, e.getMessage()), java.time.Duration.ZERO);
        } catch (Malformed e) {
            return FeedResult.malformed(e.getMessage());
        } catch (IllegalArgumentException e) {
            return FeedResult.malformed(e.getMessage()); // a core record refused the values
        }
    }

    private static void checkSymbol(String symbol, String requested) {
        if (requested != null && !requested.equals(symbol)) {
            throw new SymbolMismatch("asked for " + requested + ", got " + symbol);
        }
    }

    /** A body about another symbol: typed apart from MALFORMED because it points at a routing bug upstream. */
    static final class SymbolMismatch extends Malformed {
        SymbolMismatch(String message) {
            super(message);
        }
    }

    private static Direction direction(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "long" -> Direction.LONG;
            case "short" -> Direction.SHORT;
            case "neutral" -> Direction.NEUTRAL;
            default -> throw new Malformed("direction must be long, short or neutral, was \"" + value + "\"");
        };
    }

    private static Direction side(String value, String where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "long", "buy" -> Direction.LONG;
            case "short", "sell" -> Direction.SHORT;
            default -> throw new Malformed(where + "side must be long or short, was \"" + value + "\"");
        };
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        if (node == null || !node.isObject()) {
            throw new Malformed("expected a JSON object" + (where.isEmpty() ? "" : " at " + where));
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new Malformed("missing required field " + where + name);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return text(node, name, "");
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isTextual()) {
            throw new Malformed(where + name + " must be a string, was " + value);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    private static double number(JsonNode node, String name) {
        return number(node, name, "");
    }

    private static double number(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isNumber()) {
            throw new Malformed(where + name + " must be a number, was " + value);
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new Malformed(where + name + " must be finite, was " + value);
        }
        return d;
    }

    private static double optionalNumber(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : 0.0;
    }

    private static int wholeNumber(JsonNode node, String name, String where) {
        double d = number(node, name, where);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new Malformed(where + name + " must be a whole number, was " + d);
        }
        return (int) d;
    }

    private static double probability(JsonNode node, String name) {
        double p = number(node, name, "");
        if (!(p >= 0 && p <= 1)) {
            throw new Malformed(name + " must be in [0, 1], was " + p);
        }
        return p;
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name, "");
        if (!value.isArray()) {
            throw new Malformed(name + " must be an array");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String name) {
        return instant(node, name, "");
    }

    private static Instant instant(JsonNode node, String name, String where) {
        String text = text(node, name, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Malformed(where + name + " must be an ISO-8601 UTC instant, was \"" + text + "\"");
        }
    }
}
