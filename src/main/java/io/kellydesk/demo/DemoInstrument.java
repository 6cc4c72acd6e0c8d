package io.kellydesk.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated futures contract.
 *
 * @param pointValueCurrency currency per full point per contract (the exchange's real value for the 8 CME futures)
 * @param dailyVolatility    standard deviation of daily returns
 * @param equityLoading      loading on the shared equity-index factor (makes NQ, ES, YM, RTY move together)
 */
public record DemoInstrument(String symbol, double basePrice, double tickSize, double pointValueCurrency,
                             double atrPoints, double dailyVolatility, double equityLoading) {

    /** The eight futures a desk watches: CME equity indices, crude, gold, the 10-year note and the euro. */
    public static final List<DemoInstrument> CME_EIGHT = List.of(
            new DemoInstrument("NQZ26-CME", 23412.25, 0.25, 20.0, 85.5, 0.0140, 0.95),
            new DemoInstrument("ESZ26-CME", 6120.50, 0.25, 50.0, 22.0, 0.0100, 0.97),
            new DemoInstrument("YMZ26-CBOT", 44210.0, 1.0, 5.0, 140.0, 0.0095, 0.90),
            new DemoInstrument("RTYZ26-CME", 2398.40, 0.10, 50.0, 11.5, 0.0150, 0.85),
            new DemoInstrument("CLF27-NYMEX", 71.45, 0.01, 1000.0, 0.95, 0.0200, 0.20),
            new DemoInstrument("GCZ26-COMEX", 4105.30, 0.10, 100.0, 42.0, 0.0110, -0.10),
            new DemoInstrument("ZNZ26-CBOT", 112.50, 1.0 / 64, 1000.0, 0.42, 0.0040, -0.30),
            new DemoInstrument("6EZ26-CME", 1.1642, 0.00005, 125000.0, 0.0068, 0.0050, 0.10));

    /** The eight, then synthetic symbols up to {@code count} (for load scenarios). */
    public static List<DemoInstrument> universe(int count, long seed) {
        List<DemoInstrument> all = new ArrayList<>(CME_EIGHT.subList(0, Math.min(count, CME_EIGHT.size())));
        Random random = new Random(seed);
        for (int i = all.size(); i < count; i++) {
            double price = 50 + random.nextDouble() * 5000;
            double vol = 0.005 + random.nextDouble() * 0.02;
            all.add(new DemoInstrument(String.format("SIM%04d-DEMO", i), price, 0.01, 10 + random.nextInt(90),
                    price * vol * 1.2, vol, random.nextDouble() * 2 - 1));
        }
        return List.copyOf(all);
    }
}
