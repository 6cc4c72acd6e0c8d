package io.kellydesk.demo;

import io.kellydesk.core.Direction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated market whose models are honest. Time runs in 30-second epochs; in each epoch every symbol has
 * a hidden chance p_up that its price rises over the epoch. The price then does rise with that chance. The LSTM
 * calls the likelier direction with a confidence close to that chance (small noise), the ensemble's members
 * likewise, so a model's confidence is about the frequency with which it is right: calibration and Kelly
 * sizing have something real to show. Everything follows from the seed and the clock.
 */
public final class DemoMarket {

    /** How long the demo's models keep one view: a model re-predicts each epoch. */
    public static final Duration EPOCH = Duration.ofSeconds(30);
    static final double START_EQUITY = 250_000;
    static final int HISTORY_DAYS = 60;
    private static final double COST_PER_CONTRACT = 4.0;

    private final List<DemoInstrument> instruments;
    private final Map<String, DemoInstrument> bySymbol = new LinkedHashMap<>();
    private final long seed;
    private final Clock clock;
    private final Duration epoch;
    private final Instant origin;
    private final Map<String, List<DemoTrade>> tradesBySymbol = new HashMap<>();
    private final double historicalPnl;
    private final double historicalPeak;
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private double drawdownOverride = -1;

    /** A closed trade of the simulated history. */
    public record DemoTrade(String tradeId, String symbol, Direction side, int contracts, Instant entryTime, Instant exitTime,
                            double entryPrice, double exitPrice, double pnlCurrency) {
    }

    /** An open position of the simulated account. */
    public record Position(String symbol, int contracts, Direction side, double avgPrice) {
    }

    /** One model's view of a symbol in the current epoch. */
    public record ModelView(Direction direction, double confidence, Map<String, Double> members, Instant madeAt) {
    }

    public record QuoteView(double last, double bid, double ask, double atrPoints, Instant at) {
    }

    public record DailyBar(Instant time, double open, double high, double low, double close, long volume) {
    }

    public DemoMarket(List<DemoInstrument> instruments, long seed, Clock clock) {
        this(instruments, seed, clock, EPOCH);
    }

    /** @param epoch how often the hidden chances (and so the models' views) change; shorter for load scenarios */
    public DemoMarket(List<DemoInstrument> instruments, long seed, Clock clock, Duration epoch) {
        this.epoch = epoch;
        this.instruments = List.copyOf(instruments);
        instruments.forEach(i -> bySymbol.put(i.symbol(), i));
        this.seed = seed;
        this.clock = clock;
        this.origin = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        double pnl = 0;
        double equity = START_EQUITY;
        double peak = START_EQUITY;
        List<DemoTrade> all = new ArrayList<>();
        for (DemoInstrument instrument : instruments) {
            List<DemoTrade> trades = history(instrument);
            tradesBySymbol.put(instrument.symbol(), trades);
            all.addAll(trades);
        }
        all.sort((a, b) -> a.exitTime().compareTo(b.exitTime()));
        for (DemoTrade t : all) {
            pnl += t.pnlCurrency();
            equity += t.pnlCurrency();
            peak = Math.max(peak, equity);
        }
        this.historicalPnl = pnl;
        this.historicalPeak = peak;
        if (bySymbol.containsKey("ESZ26-CME")) {
            positions.put("ESZ26-CME", new Position("ESZ26-CME", 1, Direction.LONG, bySymbol.get("ESZ26-CME").basePrice()));
        }
    }

    public static DemoMarket cmeEight(Clock clock) {
        return new DemoMarket(DemoInstrument.CME_EIGHT, 20261123L, clock);
    }

    public List<String> symbols() {
        return List.copyOf(bySymbol.keySet());
    }

    public boolean knows(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    public DemoInstrument instrument(String symbol) {
        return bySymbol.get(symbol);
    }

    // ---------------------------------------------------------------- the hidden truth

    private long epochOf(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), epoch.toMillis());
    }

    private SplittableRandom random(String symbol, long epoch, int stream) {
        return new SplittableRandom(seed * 31 + symbol.hashCode() * 1_000_003L + epoch * 7_919L + stream);
    }

    /** The chance the symbol rises over the epoch: 0.32 … 0.68, a realistic edge for market models. */
    double chanceUp(String symbol, long epoch) {
        double z = gaussian(random(symbol, epoch, 1));
        return 0.5 + EDGE * Math.tanh(0.9 * z);
    }

    private static final double EDGE = 0.18;

    private boolean rises(String symbol, long epoch) {
        return random(symbol, epoch, 2).nextDouble() < chanceUp(symbol, epoch);
    }

    // ---------------------------------------------------------------- models

    public ModelView lstm(String symbol) {
        long epoch = epochOf(clock.instant());
        double p = chanceUp(symbol, epoch);
        SplittableRandom r = random(symbol, epoch, 3);
        Direction direction = p > 0.5 ? Direction.LONG : p < 0.5 ? Direction.SHORT : Direction.NEUTRAL;
        double confidence = clamp(Math.max(p, 1 - p) + 0.03 * gaussian(r), 0.5, 0.99);
        return new ModelView(direction, round4(confidence), Map.of(), epochStart(epoch));
    }

    public ModelView ensemble(String symbol) {
        long epoch = epochOf(clock.instant());
        double p = chanceUp(symbol, epoch);
        SplittableRandom r = random(symbol, epoch, 4);
        Direction direction = p > 0.5 ? Direction.LONG : p < 0.5 ? Direction.SHORT : Direction.NEUTRAL;
        double base = Math.max(p, 1 - p);
        Map<String, Double> members = new LinkedHashMap<>();
        for (String member : List.of("xgboost", "lightgbm", "random_forest", "catboost")) {
            members.put(member, round4(clamp(base + 0.04 * gaussian(r), 0.3, 0.99)));
        }
        double mean = members.values().stream().mapToDouble(Double::doubleValue).average().orElse(base);
        return new ModelView(direction, round4(mean), members, epochStart(epoch).plusMillis(90));
    }

    private Instant epochStart(long index) {
        return Instant.ofEpochMilli(index * epoch.toMillis());
    }

    // ---------------------------------------------------------------- prices

    public QuoteView quote(String symbol) {
        DemoInstrument instrument = bySymbol.get(symbol);
        Instant now = clock.instant();
        double price = priceAt(instrument, now);
        double tick = instrument.tickSize();
        double last = Math.round(price / tick) * tick;
        return new QuoteView(last, last - tick, last + tick, instrument.atrPoints(), now);
    }

    /** Price from the origin: each epoch moves up or down as its hidden chance says, linear within the epoch. */
    double priceAt(DemoInstrument instrument, Instant t) {
        long first = epochOf(origin);
        long current = epochOf(t);
        double epochVol = instrument.dailyVolatility() * Math.sqrt(epoch.toMillis() / 23_400_000.0);
        double logPrice = Math.log(instrument.basePrice());
        for (long e = Math.max(first, current - 2_880); e <= current; e++) { // at most 2,880 epochs back
            double size = epochVol * (0.5 + random(instrument.symbol(), e, 5).nextDouble());
            double move = rises(instrument.symbol(), e) ? size : -size;
            if (e == current) {
                double fraction = (t.toEpochMilli() - epochStart(e).toEpochMilli()) / (double) epoch.toMillis();
                move *= fraction;
            }
            logPrice += move;
        }
        return Math.exp(logPrice);
    }

    /** Closed daily bars, oldest first, ending yesterday (UTC); equity futures share a factor. */
    public List<DailyBar> dailyBars(String symbol, int count) {
        DemoInstrument instrument = bySymbol.get(symbol);
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        int days = Math.max(1, Math.min(count, 400));
        double[] closes = new double[days + 1];
        closes[0] = instrument.basePrice();
        for (int d = 1; d <= days; d++) {
            long dayIndex = today.minus(Duration.ofDays(days + 1 - d)).getEpochSecond() / 86_400;
            double factor = gaussian(new SplittableRandom(seed * 131 + dayIndex));
            double own = gaussian(new SplittableRandom(seed * 137 + dayIndex * 1_009 + instrument.symbol().hashCode()));
            double loading = instrument.equityLoading();
            double r = instrument.dailyVolatility() * (loading * factor + Math.sqrt(1 - loading * loading) * own);
            closes[d] = closes[d - 1] * Math.exp(r);
        }
        List<DailyBar> bars = new ArrayList<>(days);
        for (int d = 1; d <= days; d++) {
            double open = closes[d - 1];
            double close = closes[d];
            double range = instrument.atrPoints() * 0.5;
            bars.add(new DailyBar(today.minus(Duration.ofDays(days + 1 - d)), round(open, instrument), round(Math.max(open, close) + range, instrument),
                    round(Math.min(open, close) - range, instrument), round(close, instrument), 100_000 + (d * 7_919L) % 400_000));
        }
        return bars;
    }

    // ---------------------------------------------------------------- account

    private List<DemoTrade> history(DemoInstrument instrument) {
        List<DemoTrade> trades = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(seed * 17 + instrument.symbol().hashCode());
        Instant start = origin.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(HISTORY_DAYS));
        int id = 0;
        for (int day = 0; day < HISTORY_DAYS; day++) {
            int perDay = r.nextInt(3);
            for (int k = 0; k < perDay; k++) {
                double pUp = 0.5 + EDGE * Math.tanh(0.9 * gaussian(r));
                double p = Math.max(pUp, 1 - pUp);
                if (p < 0.6) {
                    continue; // the desk would not have proposed it
                }
                Direction side = pUp > 0.5 ? Direction.LONG : Direction.SHORT;
                boolean won = r.nextDouble() < p;
                // wins average 1.05 units, losses 1.0: a payoff ratio near 1, the edge is in the hit rate
                double perContract = instrument.atrPoints() * instrument.pointValueCurrency() * 0.25
                        * (won ? 0.8 + 0.5 * r.nextDouble() : -(0.8 + 0.4 * r.nextDouble()));
                int contracts = 1 + r.nextInt(2);
                Instant entry = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(14 * 60 + r.nextInt(360)));
                Instant exit = entry.plus(Duration.ofMinutes(20 + r.nextInt(90)));
                if (!exit.isBefore(origin)) {
                    continue;
                }
                double entryPrice = round(instrument.basePrice() * (1 + 0.02 * gaussian(r)), instrument);
                double points = perContract / instrument.pointValueCurrency();
                double exitPrice = round(entryPrice + (side == Direction.LONG ? points : -points), instrument);
                double pnl = Math.round((perContract - COST_PER_CONTRACT) * contracts * 100) / 100.0;
                trades.add(new DemoTrade("T-" + instrument.symbol().substring(0, 2) + "-" + (++id), instrument.symbol(), side,
                        contracts, entry, exit, entryPrice, exitPrice, pnl));
            }
        }
        return Collections.unmodifiableList(trades);
    }

    /**
     * The closed trades of the symbol since {@code since}: the history, then the demo desk's own trading since
     * start: in every finished epoch whose LSTM view was at least 60 % sure, one contract entered a sixth into the
     * epoch (5 s of 30 s) in the called direction and closed at its end, won exactly when the price went that way. So the
     * desk's recommendations get real outcomes to calibrate against.
     */
    public List<DemoTrade> trades(String symbol, Instant since) {
        List<DemoTrade> all = new ArrayList<>(tradesBySymbol.getOrDefault(symbol, List.of()));
        DemoInstrument instrument = bySymbol.get(symbol);
        if (instrument != null) {
            long lastFinished = epochOf(clock.instant()) - 1;
            all.addAll(ledgers.computeIfAbsent(symbol, s -> new LiveLedger(instrument)).through(lastFinished));
        }
        return all.stream().filter(t -> !t.exitTime().isBefore(since)).toList();
    }

    private final Map<String, LiveLedger> ledgers = new java.util.concurrent.ConcurrentHashMap<>();

    /** One symbol's live trades, extended epoch by epoch as time passes, so a poll does not walk every epoch again. */
    private final class LiveLedger {
        private final DemoInstrument instrument;
        private final List<DemoTrade> trades = new ArrayList<>();
        private long through = epochOf(origin);

        LiveLedger(DemoInstrument instrument) {
            this.instrument = instrument;
        }

        synchronized List<DemoTrade> through(long lastFinished) {
            for (long e = Math.max(through + 1, lastFinished - 2_880); e <= lastFinished; e++) {
                liveTrade(instrument, e).ifPresent(trades::add);
            }
            through = Math.max(through, lastFinished);
            return List.copyOf(trades);
        }
    }

    private final Map<String, java.util.Optional<DemoTrade>> liveTrades = new java.util.concurrent.ConcurrentHashMap<>();
    private long equityThroughEpoch = Long.MIN_VALUE;
    private double liveEquity;
    private double livePeak;

    private java.util.Optional<DemoTrade> liveTrade(DemoInstrument instrument, long e) {
        return liveTrades.computeIfAbsent(instrument.symbol() + '|' + e, key -> computeLiveTrade(instrument, e));
    }

    /** Brings the account up to the last finished epoch: every live trade's pnl, in exit order, and the peak. */
    private void settleLiveTrades() {
        long lastFinished = epochOf(clock.instant()) - 1;
        if (equityThroughEpoch == Long.MIN_VALUE) {
            equityThroughEpoch = epochOf(origin);
            liveEquity = START_EQUITY + historicalPnl;
            livePeak = historicalPeak;
        }
        for (long e = Math.max(equityThroughEpoch + 1, lastFinished - 2_880); e <= lastFinished; e++) {
            for (DemoInstrument instrument : instruments) {
                final long epochIndex = e;
                liveTrade(instrument, epochIndex).ifPresent(t -> liveEquity += t.pnlCurrency());
            }
            livePeak = Math.max(livePeak, liveEquity);
        }
        equityThroughEpoch = Math.max(equityThroughEpoch, lastFinished);
    }

    private java.util.Optional<DemoTrade> computeLiveTrade(DemoInstrument instrument, long e) {
        // one trade per symbol per 30 s of market time at most, whatever the epoch: a short load-scenario epoch
        // must not turn the demo desk into a trader with one trade a second
        long epochsPerTrade = Math.max(1, EPOCH.toMillis() / epoch.toMillis());
        if (Math.floorMod(e, epochsPerTrade) != 0) {
            return java.util.Optional.empty();
        }
        double p = chanceUp(instrument.symbol(), e);
        double confidence = clamp(Math.max(p, 1 - p) + 0.03 * gaussian(random(instrument.symbol(), e, 3)), 0.5, 0.99);
        if (confidence < 0.6 || p == 0.5) {
            return java.util.Optional.empty();
        }
        Direction side = p > 0.5 ? Direction.LONG : Direction.SHORT;
        Instant entry = epochStart(e).plus(epoch.dividedBy(6)); // 5 s into a 30 s epoch
        Instant exit = epochStart(e + 1).minusMillis(1);
        double entryPrice = round(priceAt(instrument, entry), instrument);
        double exitPrice = round(priceAt(instrument, exit), instrument);
        double points = side == Direction.LONG ? exitPrice - entryPrice : entryPrice - exitPrice;
        double pnl = Math.round((points * instrument.pointValueCurrency() - COST_PER_CONTRACT) * 100) / 100.0;
        return java.util.Optional.of(new DemoTrade("L-" + instrument.symbol() + "-" + e, instrument.symbol(), side, 1, entry, exit,
                entryPrice, exitPrice, pnl));
    }

    /** History plus the demo desk's live trades; or the forced drawdown below the peak when one is set. */
    public synchronized double equity() {
        settleLiveTrades();
        return drawdownOverride >= 0 ? livePeak * (1 - drawdownOverride) : liveEquity;
    }

    public synchronized double peakEquity() {
        settleLiveTrades();
        return livePeak;
    }

    /** Demo control: puts the account at {@code fraction} below its peak (for trying the emergency cut). */
    public synchronized void forceDrawdown(double fraction) {
        drawdownOverride = Math.max(0, Math.min(0.95, fraction));
    }

    public synchronized List<Position> positions() {
        return List.copyOf(positions.values());
    }

    /** An accepted order changes the position (netting by symbol). */
    public synchronized void fill(String symbol, Direction side, int quantity, double price) {
        Position current = positions.get(symbol);
        int signed = (current == null ? 0 : current.side() == Direction.LONG ? current.contracts() : -current.contracts())
                + (side == Direction.LONG ? quantity : -quantity);
        if (signed == 0) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, new Position(symbol, Math.abs(signed), signed > 0 ? Direction.LONG : Direction.SHORT, price));
        }
    }

    public Clock clock() {
        return clock;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = Math.max(1e-12, r.nextDouble());
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static double round(double price, DemoInstrument instrument) {
        return Math.round(price / instrument.tickSize()) * instrument.tickSize();
    }
}
